/**
 * `dx-report registry [--code MÃ | --province MÃ|TÊN] [--json]`: the built-in 2023 registries, or today's units of one
 * province (since 1 July 2025) under their official codes. With --json and --province it prints one Registry
 * object, the shape `consolidate --registry FILE.json` reads, so the list can be saved and handed back.
 */
import { formatNumber } from '../shared/numbers/format';
import { findProvince, provinceRegistry, provinces } from '../shared/registry/dvhc';
import { looseKey } from '../shared/text/fold';
import { Args, flag, has, nearest, PROGRAM, UsageError } from './args';

/** What `--province` says of a value that is not one of the 34 (undefined when it is one). */
export function provinceCheck(value: string): string | undefined {
  if (findProvince(value)) return undefined;
  const all = provinces();
  if (/^\d+$/.test(value.trim()))
    return `không có tỉnh, thành phố mã ${value.trim()} (mã hai chữ số: ${all.map((p) => p.code).join(', ')})`;
  const bare = (name: string) => looseKey(name.replace(/^(tỉnh|thành phố)\s+/iu, ''));
  const near = nearest(
    bare(value),
    all.map((p) => bare(p.name)),
  );
  const hit = near ? all.find((p) => bare(p.name) === near) : undefined;
  const guess = hit ? `; có phải ${hit.name} (${hit.code})?` : '';
  return `không có tỉnh, thành phố “${value}”${guess} (ghi mã như 56 hoặc tên như Khánh Hòa)`;
}

const HINT =
  `Lưu một danh mục có sẵn làm tệp --registry: ${PROGRAM} registry --code NT --json > NT.json. ` +
  'Danh mục từ 01/07/2025 (34 tỉnh, thành phố; xã, phường, đặc khu theo mã chính thức): ' +
  `${PROGRAM} registry --province 56 (mã hoặc tên tỉnh, ví dụ “Khánh Hòa”); thêm --json để lưu làm tệp --registry.\n`;

/**
 * The command. Without --province, `builtIn` (cli/lists.ts: the 2023 registries, as before) and a line telling
 * about --province; with it, the province's units.
 */
export function runRegistryCommand(
  args: Args,
  out: (s: string) => void,
  builtIn: (args: Args, out: (s: string) => void) => number,
): number {
  const which = flag(args, 'province');
  const json = has(args, 'json');
  if (which !== undefined && flag(args, 'code') !== undefined)
    throw new UsageError('--code và --province không dùng cùng nhau: chọn một danh mục có sẵn hoặc một tỉnh.');
  if (which === undefined) {
    const code = builtIn(args, out);
    if (!json) out(`\n${HINT}`);
    return code;
  }
  // The flag's check has accepted the value: it names one of the 34.
  const reg = provinceRegistry(which);
  if (!reg) throw new Error(`--province ${which} đã được chấp nhận nhưng không có danh mục`);
  if (json) {
    out(`${JSON.stringify(reg, null, 2)}\n`);
    return 0;
  }
  const count = (kind: string) => reg.units.filter((u) => u.kind === kind).length;
  const kinds = ['Phường', 'Xã', 'Đặc khu']
    .map((k) => [k, count(k)] as const)
    .filter(([, n]) => n > 0)
    .map(([k, n]) => `${formatNumber(n)} ${k.toLowerCase()}`)
    .join(', ');
  out(`${reg.name} (${reg.code}): ${formatNumber(reg.units.length)} xã, phường, đặc khu (${kinds}), từ 01/07/2025\n`);
  const width = Math.max(...reg.units.map((u) => (u.kind ?? '').length));
  for (const u of reg.units) {
    out(`  ${u.code}  ${(u.kind ?? '').padEnd(width)}  ${u.name}\n`);
    if (u.formedFrom?.length) out(`${''.padEnd(9)}hình thành từ: ${u.formedFrom.join(', ')}\n`);
  }
  out(
    '\nNguồn: bộ dữ liệu thanglequoc/vietnamese-provinces-database (MIT), đối chiếu với quyết định của tỉnh ' +
      `trước khi dùng. Lưu làm danh mục: ${PROGRAM} registry --province ` +
      `${reg.code} --json > ${reg.code}.json, rồi consolidate … --registry ${reg.code}.json\n`,
  );
  return 0;
}
