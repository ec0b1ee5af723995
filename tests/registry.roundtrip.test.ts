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

  test('consolidate reads the saved registry, and names the file when it refuses the listing', async () => {
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
    const refused = await runMain(['consolidate', unit, '--registry', all, '--out', tmpFile('b.xlsx')]);
    expect(refused.code).toBe(2);
    expect(refused.stdout).toContain(`${all}!JSON: registries: tệp có 3 danh mục (NT, KH, VT)`);
    expect(refused.stdout).not.toMatch(/Invalid input|expected/);
  }, 60000);
});
