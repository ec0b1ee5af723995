/**
 * The built-in lists. Each command loads its own data when it runs (`require` inside it): `registry` does not
 * read the catalogue, `catalogue` not the registries.
 */
import { Args, flag, has, nearest } from './args';

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

/** What `--code` says of a value that is not a built-in registry's code (undefined when it is one). */
export function builtInCheck(value: string): string | undefined {
  const { DEFAULT_REGISTRIES } = require('../shared/registry/default') as typeof import('../shared/registry/default');
  const codes = DEFAULT_REGISTRIES.map((r) => r.code);
  if (codes.includes(value.trim().toUpperCase())) return undefined;
  const near = nearest(value.trim(), codes);
  const list = DEFAULT_REGISTRIES.map((r) => `${r.code}: ${r.name}`).join('; ');
  return `không có danh mục có sẵn mã “${value}”${near ? `; có phải ${near}?` : ''} (${list})`;
}

/**
 * `dx-report registry [--code MÃ] [--json]`: the registered units. `--json` alone prints the list of the built-in
 * registries (`{"registries": [...]}`), which `--registry` reads only while it holds one (it says so, naming the
 * codes); with `--code` it prints that one registry, the shape `consolidate --registry FILE.json` reads.
 */
export function runRegistry(args: Args, out: (s: string) => void): number {
  const { DEFAULT_REGISTRIES } = require('../shared/registry/default') as typeof import('../shared/registry/default');
  const { UNIT_GROUP_LABEL } = require('../shared/registry/schema') as typeof import('../shared/registry/schema');
  const code = flag(args, 'code')?.trim().toUpperCase();
  const shown = code ? DEFAULT_REGISTRIES.filter((r) => r.code === code) : DEFAULT_REGISTRIES;
  if (has(args, 'json')) {
    out(`${JSON.stringify(code ? shown[0] : { registries: shown }, null, 2)}\n`);
    return 0;
  }
  for (const reg of shown) {
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
