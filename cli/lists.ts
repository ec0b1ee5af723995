import { Args, has } from './args';
import { defaultCatalogue, parsedTargets } from '../shared/catalogue/catalogue';
import { INDICATOR_GROUP_LABEL, TARGET_LEVEL_LABEL } from '../shared/catalogue/schema';
import { DEFAULT_REGISTRIES } from '../shared/registry/default';
import { UNIT_GROUP_LABEL } from '../shared/registry/schema';

/** `dx-report catalogue [--json]`: the indicators with their targets, verbatim and parsed. */
export function runCatalogue(args: Args, out: (s: string) => void): number {
  const cat = defaultCatalogue();
  if (has(args, 'json')) {
    out(`${JSON.stringify({ indicators: cat.map((i) => ({ ...i, targets: parsedTargets(i) })) }, null, 2)}\n`);
    return 0;
  }
  let group = '';
  for (const i of cat) {
    if (i.group !== group) {
      group = i.group;
      out(`\n${group}. ${INDICATOR_GROUP_LABEL[i.group]}\n`);
    }
    const targets = i.targets
      .map((t) => `${TARGET_LEVEL_LABEL[t.level]}${t.year ? ` ${t.year}` : ''}: ${t.text}`)
      .join('; ');
    out(
      `  ${i.code.padEnd(14)} ${i.name}\n` +
        `  ${''.padEnd(14)} ${i.numerator.label} (${i.numerator.unit}) / ` +
        `${i.denominator.label} (${i.denominator.unit})${i.allowOver100 ? ' — được vượt 100%' : ''}` +
        `${targets ? `\n  ${''.padEnd(14)} Chỉ tiêu: ${targets}` : ''}\n`,
    );
  }
  out(`\n${cat.length} chỉ tiêu.\n`);
  return 0;
}

/** `dx-report registry [--json]`: the registered units. */
export function runRegistry(args: Args, out: (s: string) => void): number {
  if (has(args, 'json')) {
    out(`${JSON.stringify({ registries: DEFAULT_REGISTRIES }, null, 2)}\n`);
    return 0;
  }
  for (const reg of DEFAULT_REGISTRIES) {
    out(`\n${reg.name} (${reg.code}) — ${reg.units.length} đơn vị\n`);
    let group = '';
    for (const u of reg.units) {
      if (u.group !== group) {
        group = u.group;
        out(`  ${UNIT_GROUP_LABEL[u.group]}\n`);
      }
      out(`    ${u.code.padEnd(9)} ${u.name}${u.aliases.length ? `  (còn viết: ${u.aliases.join('; ')})` : ''}\n`);
    }
  }
  return 0;
}
