/**
 * The built-in lists. Each command loads its own data when it runs (`require` inside it): `registry` does not
 * read the catalogue, `catalogue` not the registries.
 */
import { Args, has } from './args';

/** `dx-report catalogue [--json]`: the indicators with their targets, verbatim and parsed. */
export function runCatalogue(args: Args, out: (s: string) => void): number {
  const { defaultCatalogue, parsedTargets } =
    require('../shared/catalogue/catalogue') as typeof import('../shared/catalogue/catalogue');
  const { INDICATOR_GROUP_LABEL, TARGET_LEVEL_LABEL } =
    require('../shared/catalogue/schema') as typeof import('../shared/catalogue/schema');
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
  const { DEFAULT_REGISTRIES } = require('../shared/registry/default') as typeof import('../shared/registry/default');
  const { UNIT_GROUP_LABEL } = require('../shared/registry/schema') as typeof import('../shared/registry/schema');
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
