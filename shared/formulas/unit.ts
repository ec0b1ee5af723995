import { unknownUnit } from '../messages/wording';
import { defaultMatcher } from '../registry/default';
import { tooLongToMatch, UnitMatcher } from '../registry/match';
import { shortText } from '../text/invisible';
import { isBlank } from './inputs';
import { fail, FormulaOutput, Scalar } from './result';

/** DX_UNIT: the registered name of a unit however it is written; a typo gets a suggestion, never a guess. */
export function unitName(name: Scalar, matcher: UnitMatcher = defaultMatcher()): FormulaOutput {
  if (isBlank(name)) return fail('#VALUE!', 'Tên đơn vị đang trống.');
  const text = String(name);
  const m = matcher.match(text);
  if (m.unit) return m.unit.name;
  // The name is quoted short and without invisible characters, whatever its length.
  const shown = shortText(text);
  if (m.status === 'ambiguous')
    return fail('#N/A', `“${shown}” khớp nhiều đơn vị: ${m.suggestions.join(', ')}. Hãy ghi đầy đủ tên.`);
  if (m.tooLong) return fail('#N/A', `${unknownUnit(shown)} ${tooLongToMatch(text.length)}`);
  return fail('#N/A', unknownUnit(shown, m.suggestions[0]));
}
