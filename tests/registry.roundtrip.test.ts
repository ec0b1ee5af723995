/**
 * `registry … --json` and `consolidate --registry` (issue 16): what the one prints, the other reads, and a file it
 * cannot use is refused in Vietnamese, naming the file and the field — never zod's English.
 */
import * as fs from 'fs';
import { DEFAULT_REGISTRIES } from '../shared/registry/default';
import { Registry } from '../shared/registry/schema';
import { runMain } from './helpers/cli';
import { tmpFile } from './helpers/xlsx';
import { unitWorkbook } from './helpers/unit-fixture';

const messages = (data: unknown) => {
  const r = Registry.safeParse(data);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('registry --json, handed back with --registry', () => {
  test('--code prints one built-in registry, the Registry shape, equal to the built-in', async () => {
    const r = await runMain(['registry', '--code', 'nt', '--json']);
    expect(r.code).toBe(0);
    expect(Registry.parse(JSON.parse(r.stdout))).toEqual(DEFAULT_REGISTRIES[0]);
    const text = await runMain(['registry', '--code', 'VT']);
    expect(text.stdout).toContain('Thành phố Vũng Tàu (VT)');
    expect(text.stdout).not.toContain('Thành phố Nha Trang (NT)');
  });

  test('a wrong --code is refused with the codes there are; --code with --province is a wrong call', async () => {
    const r = await runMain(['registry', '--code', 'NX']);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('--code NX: không có danh mục có sẵn mã “NX”; có phải NT?');
    expect(r.stdout).toContain('VT: Thành phố Vũng Tàu');
    expect((await runMain(['registry', '--code', 'NT', '--province', '56'])).code).toBe(2);
  });

  test('the listing of all of them: read while it holds one, else refused saying how to save one', async () => {
    const all = JSON.parse((await runMain(['registry', '--json'])).stdout);
    expect(messages(all)).toEqual([
      'registries: tệp có 3 danh mục (NT, KH, VT), --registry nhận một danh mục: lưu một danh mục bằng ' +
        'npx dx-report registry --code NT --json > NT.json',
    ]);
    expect(Registry.parse({ registries: [all.registries[2]] })).toEqual(DEFAULT_REGISTRIES[2]);
  });

  test('what is wrong in a registry file is said in Vietnamese, field by field', () => {
    expect(messages([])).toEqual([': không phải một danh mục ({"code", "name", "units": [...]})']);
    expect(messages({ code: 'X', units: [{ code: 'A', name: 'B', group: 'xx' }, { name: 3 }, 'z'] })).toEqual([
      'name: thiếu tên danh mục (“name”)',
      'units.0.group: nhóm “xx” không có (co-quan-chuyen-mon, don-vi-su-nghiep, ubnd-xa-phuong, so-ban-nganh, ' +
        'ubnd-huyen, cap-tinh)',
      'units.1.code: thiếu mã đơn vị',
      'units.1.name: tên đơn vị phải là chữ, không phải số 3',
      'units.1.group: thiếu nhóm (co-quan-chuyen-mon, don-vi-su-nghiep, ubnd-xa-phuong, so-ban-nganh, ubnd-huyen, ' +
        'cap-tinh)',
      expect.stringMatching(/^units\.2: /),
    ]);
    expect(messages({ code: 'X', name: 'Y', units: 'none' })).toEqual(['units: “units” phải là một danh sách']);
  });

  test("consolidate reads the saved registry, and the listing of all, choosing the units' one", async () => {
    const { file: unit } = await unitWorkbook(
      [
        { cover: 'reportDate', value: new Date(Date.UTC(2023, 6, 5)) },
        { table: 'T1', row: 'XHS.DDDT', field: 'numerator', value: 30 },
        { table: 'T1', row: 'XHS.DDDT', field: 'denominator', value: 40 },
      ],
      'Phường Lộc Thọ',
      '2023-06',
    );
    const one = tmpFile('NT.json');
    fs.writeFileSync(one, (await runMain(['registry', '--code', 'NT', '--json'])).stdout);
    const ok = await runMain(['consolidate', unit, '--registry', one, '--out', tmpFile('a.xlsx')]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('Danh mục đơn vị của văn phòng (--registry): Thành phố Nha Trang (NT)');
    const all = tmpFile('reg.json');
    fs.writeFileSync(all, (await runMain(['registry', '--json'])).stdout);
    // The listing: the unit is matched against all three, the registry it belongs to is the one used.
    const chosen = await runMain(['consolidate', unit, '--registry', all, '--out', tmpFile('b.xlsx'), '--json']);
    expect(chosen.code).toBe(0);
    const summary = JSON.parse(chosen.stdout);
    expect(summary.registry).toMatchObject({ code: 'NT', given: true });
    expect(summary.included).toHaveLength(1);
    // The units missing are Nha Trang's, none of Khánh Hòa's or Vũng Tàu's.
    const names = (i: number) => new Set(DEFAULT_REGISTRIES[i].units.map((u) => u.name));
    expect(summary.missing.length).toBeGreaterThan(10);
    expect(summary.missing.filter((m: string) => !names(0).has(m))).toEqual([]);
    const vungTau = [...names(2)].filter((n) => !names(0).has(n));
    expect(vungTau.length).toBeGreaterThan(5);
    expect(summary.missing.filter((m: string) => vungTau.includes(m))).toEqual([]);
    // A listing with a bad registry in it is refused at the field, naming the file.
    const bad = JSON.parse(fs.readFileSync(all, 'utf8'));
    delete bad.registries[1].units[0].code;
    const badFile = tmpFile('bad.json');
    fs.writeFileSync(badFile, JSON.stringify(bad));
    const refused = await runMain(['consolidate', unit, '--registry', badFile, '--out', tmpFile('c.xlsx')]);
    expect(refused.code).toBe(2);
    expect(refused.stdout).toContain(`${badFile}!JSON: registries.1.units.0.code: thiếu mã đơn vị`);
    expect(refused.stdout).not.toMatch(/Invalid input|expected/);
    // One template a unit needs one registry: the listing is refused there, saying how to save one.
    const templates = await runMain(['template', '--all', '--registry', all, '--period', '2023-06', '--out-dir', '.']);
    expect(templates.code).not.toBe(0);
    expect(templates.stdout).toContain('registries: tệp có 3 danh mục (NT, KH, VT)');
  }, 60000);
});
