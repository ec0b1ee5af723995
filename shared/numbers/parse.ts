import { formatDay, isDate, parseDay } from '../dates/date';
import { shortText, stripInvisible } from '../text/invisible';
import { formatNumber, vi } from './format';
import { NumberConvention, ParsedNumber } from './schema';

/** Spaces that PDFs and Word put between thousands groups. */
const SPACES = /[\u00A0\u202F\u2007\u2009\s]+/g;

/**
 * The longest text read as a number: "1.234.567.890.123 hộ/1.234.567.890.123 hộ" is 42 characters; a
 * longer cell is not a number, and is refused before any pattern runs (reading stays linear in time).
 */
export const MAX_NUMBER_TEXT = 200;

interface Core {
  value: number;
  decimals: number;
  convention: NumberConvention;
  ambiguous: boolean;
  note?: string;
}

function decimalsOf(n: number): number {
  if (!Number.isFinite(n) || Number.isInteger(n)) return 0;
  const s = String(Number(n.toPrecision(12)));
  const m = /\.(\d+)(?:e([+-]\d+))?$/.exec(s);
  if (!m) return 0;
  return Math.max(0, m[1].length - Number(m[2] ?? 0));
}

/**
 * Reads the bare digits of a quantity (no sign, no % and no words) in the
 * conventions the seeds show. `percent` matters because "98.27%" can only be
 * a decimal point while "421.62" may be a malformed thousands group.
 */
function parseDigits(t: string, percent: boolean): Core | null {
  let m: RegExpExecArray | null;
  if (/^\d+$/.test(t)) {
    const note = t.length > 1 && t.startsWith('0') ? vi`Số “${t}” có số 0 đứng đầu; đọc là ${Number(t)}.` : undefined;
    return { value: Number(t), decimals: 0, convention: 'plain', ambiguous: false, note };
  }
  if (/^\d{1,3}(\.\d{3})+$/.test(t)) {
    if (percent) {
      return {
        value: Number(t),
        decimals: 3,
        convention: 'en',
        ambiguous: true,
        note: `“${t}%”: dấu chấm có thể là phần nghìn hoặc phần thập phân.`,
      };
    }
    return { value: Number(t.replace(/\./g, '')), decimals: 0, convention: 'vi', ambiguous: false };
  }
  if (/^\d{1,3}( \d{3})+$/.test(t)) {
    return {
      value: Number(t.replace(/ /g, '')),
      decimals: 0,
      convention: 'space',
      ambiguous: false,
      note: `Dấu cách được hiểu là dấu phân cách hàng nghìn.`,
    };
  }
  if (/^\d{1,3}(,\d{3}){2,}$/.test(t)) {
    return {
      value: Number(t.replace(/,/g, '')),
      decimals: 0,
      convention: 'en',
      ambiguous: false,
      note: `Dấu phẩy được hiểu là dấu phân cách hàng nghìn (kiểu tiếng Anh).`,
    };
  }
  if ((m = /^(\d{1,3}(?:\.\d{3})*|\d+),(\d+)$/.exec(t))) {
    const value = Number(`${m[1].replace(/\./g, '')}.${m[2]}`);
    // "1,234" is a vi decimal or an English thousands group: say so.
    const ambiguous = m[2].length === 3 && !m[1].includes('.') && !percent;
    return {
      value,
      decimals: m[2].length,
      convention: 'vi',
      ambiguous,
      note: ambiguous
        ? vi`“${t}”: dấu phẩy có thể là phần thập phân (${formatNumber(value, 3)}) ` +
          vi`hoặc phần nghìn (${Number(t.replace(',', ''))}).`
        : undefined,
    };
  }
  if ((m = /^(\d{1,3}(?:,\d{3})+)\.(\d+)$/.exec(t))) {
    return {
      value: Number(`${m[1].replace(/,/g, '')}.${m[2]}`),
      decimals: m[2].length,
      convention: 'en',
      ambiguous: false,
      note: `Viết theo kiểu tiếng Anh (dấu chấm thập phân).`,
    };
  }
  if ((m = /^(\d+)\.(\d+)$/.exec(t))) {
    const value = Number(t);
    if (percent) {
      return {
        value,
        decimals: m[2].length,
        convention: 'en',
        ambiguous: false,
        note: `Dấu chấm được hiểu là dấu thập phân.`,
      };
    }
    return {
      value,
      decimals: m[2].length,
      convention: 'en',
      ambiguous: true,
      note:
        `“${t}”: dấu chấm không tách đúng nhóm 3 chữ số; ` +
        vi`không rõ là số thập phân ${formatNumber(value, m[2].length)} hay số hàng nghìn viết sai.`,
    };
  }
  return null;
}

interface Quantity extends Core {
  sign: number;
  unit?: string;
}

/** A signed number with an optional word after it ("4.837 hộ", "24 loại"). */
function parseQuantity(text: string, percent: boolean): Quantity | null {
  const m = /^([+-]?)\s*([\d][\d., ]*\d|\d)\s*([^\d\s].*)?$/u.exec(text);
  if (!m) return null;
  const core = parseDigits(m[2], percent);
  if (!core) return null;
  const unit = m[3]?.trim();
  return { ...core, sign: m[1] === '-' ? -1 : 1, unit: unit || undefined };
}

function nan(input: string, note: string, extra: Partial<ParsedNumber> = {}): ParsedNumber {
  return { input, kind: 'nan', value: null, decimals: 0, convention: 'none', ambiguous: false, note, ...extra };
}

/**
 * Parses a quantity as Vietnamese reports write it. Never throws: the result
 * says what was read, under which convention, and whether it is ambiguous.
 */
export function parseNumber(raw: unknown): ParsedNumber {
  const p = parseRaw(raw);
  // A value, a numerator or a denominator that overflowed ("1/0,000…01") is not a number either.
  const finite = (x: number | null | undefined) => x === null || x === undefined || Number.isFinite(x);
  if (finite(p.value) && finite(p.numerator) && finite(p.denominator)) return p;
  return nan(p.input, `“${shortText(p.input)}” quá lớn, không phải là một số đọc được.`);
}

function parseRaw(raw: unknown): ParsedNumber {
  if (raw === null || raw === undefined)
    return { input: '', kind: 'blank', value: null, decimals: 0, convention: 'none', ambiguous: false };
  if (typeof raw === 'number') {
    if (!Number.isFinite(raw)) return nan(String(raw), 'Giá trị không phải là số hữu hạn.');
    return {
      input: String(raw),
      kind: Number.isInteger(raw) ? 'count' : 'decimal',
      value: raw,
      decimals: decimalsOf(raw),
      convention: 'number',
      ambiguous: false,
    };
  }
  if (typeof raw !== 'string') {
    const shown = isDate(raw) ? formatDay(parseDay(raw) ?? { y: 0, m: 0, d: 0 }) : String(raw);
    return nan(shown, `“${shown}” không phải là số.`);
  }
  const input = raw;
  const length = raw.trim().length;
  if (length > MAX_NUMBER_TEXT)
    return nan(input, vi`“${shortText(raw.trim())}” quá dài để là một số (${length} ký tự).`);
  const shown = shortText(input);
  const text = stripInvisible(raw)
    .normalize('NFC')
    .replace(SPACES, ' ')
    .replace(/[\u2212\u2013]/g, '-')
    .trim();
  if (text === '') return { input, kind: 'blank', value: null, decimals: 0, convention: 'none', ambiguous: false };

  const slash = text.split('/');
  if (slash.length === 2) {
    const a = parseQuantity(slash[0].trim(), false);
    const b = parseQuantity(slash[1].trim(), false);
    if (!a || !b) return nan(input, `“${shown}” không phải là tỷ số a/b.`);
    const ambiguous = a.ambiguous || b.ambiguous;
    const numerator = a.sign * a.value;
    const denominator = b.sign * b.value;
    const note = [a.note, b.note].filter(Boolean).join(' ') || undefined;
    if (denominator === 0) {
      return {
        input,
        kind: 'ratio',
        value: null,
        decimals: 0,
        convention: pick(a, b),
        ambiguous,
        numerator,
        denominator,
        unit: a.unit ?? b.unit,
        note: `Mẫu số bằng 0 trong “${shown}”.`,
      };
    }
    return {
      input,
      kind: 'ratio',
      value: numerator / denominator,
      decimals: 0,
      convention: pick(a, b),
      ambiguous,
      numerator,
      denominator,
      unit: a.unit ?? b.unit,
      note,
    };
  }
  if (slash.length > 2) return nan(input, `“${shown}” không phải là số (có nhiều dấu “/”).`);

  const percent = /%$/.test(text);
  const body = percent ? text.slice(0, -1).trim() : text;
  const q = parseQuantity(body, percent);
  if (!q) return nan(input, `“${shown}” không phải là số.`);
  if (q.unit) {
    return nan(input, vi`“${shown}” có chữ “${q.unit}” bên cạnh số ${q.sign * q.value}; hãy chỉ ghi số.`, {
      unit: q.unit,
    });
  }
  const value = q.sign * q.value;
  if (percent) {
    return {
      input,
      kind: 'percent',
      value: value / 100,
      decimals: q.decimals,
      convention: q.convention,
      ambiguous: q.ambiguous,
      note: q.note,
    };
  }
  const kind = q.decimals === 0 && !q.ambiguous ? 'count' : 'decimal';
  return { input, kind, value, decimals: q.decimals, convention: q.convention, ambiguous: q.ambiguous, note: q.note };
}

function pick(a: Core, b: Core): NumberConvention {
  if (a.convention === b.convention) return a.convention;
  if (a.convention === 'plain') return b.convention;
  if (b.convention === 'plain') return a.convention;
  return a.convention;
}

/** Digits shown after the decimal point of a fraction written as a percentage. */
export function percentDecimalsOf(fraction: number): number {
  return decimalsOf(Number((fraction * 100).toPrecision(12)));
}
