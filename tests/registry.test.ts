import fc from 'fast-check';
import { DEFAULT_REGISTRIES, defaultMatcher } from '../shared/registry/default';
import { UnitGroup } from '../shared/registry/schema';

const reg = (code: string) => DEFAULT_REGISTRIES.find((r) => r.code === code)!;
const count = (code: string, group: UnitGroup) => reg(code).units.filter((u) => u.group === group).length;

describe('unit registries from the seeds', () => {
  test('Nha Trang: 12 offices, 9 public units, 27 wards and communes (seed 000 §6)', () => {
    expect(count('NT', 'co-quan-chuyen-mon')).toBe(12);
    expect(count('NT', 'don-vi-su-nghiep')).toBe(9);
    expect(count('NT', 'ubnd-xa-phuong')).toBe(27);
  });

  test('Khánh Hòa: the 38 units of seed 001 Annex III, 22 + 8 + 8', () => {
    expect(count('KH', 'so-ban-nganh')).toBe(22);
    expect(count('KH', 'ubnd-huyen')).toBe(8);
    expect(count('KH', 'don-vi-su-nghiep')).toBe(8);
  });

  test('Vũng Tàu: 12 offices and 17 wards (seed 003 §1)', () => {
    expect(count('VT', 'co-quan-chuyen-mon')).toBe(12);
    expect(count('VT', 'ubnd-xa-phuong')).toBe(17);
  });

  test('codes are unique', () => {
    const codes = DEFAULT_REGISTRIES.flatMap((r) => r.units.map((u) => `${r.code}:${u.code}`));
    expect(new Set(codes).size).toBe(codes.length);
  });

  test('every seed-named ward is found whichever way it is written', () => {
    const m = defaultMatcher();
    for (const name of [
      'Lộc Thọ',
      'Phước Hải',
      'Phước Long',
      'Vĩnh Ngọc',
      'Tân Lập',
      'Phương Sài',
      'Vĩnh Hiệp',
      'Vĩnh Phương',
      'Vĩnh Nguyên',
    ]) {
      const official = m.match(name).unit?.name;
      expect(official).toBeDefined();
      for (const variant of [
        `UBND ${official}`,
        official!.normalize('NFD'),
        official!.toUpperCase(),
        `  ${official}  `,
      ]) {
        expect(m.match(variant).unit?.name).toBe(official);
      }
    }
  });

  test('a name without diacritics still finds its unit (folded match)', () => {
    expect(defaultMatcher().match('Phuong Loc Tho')).toMatchObject({
      status: 'folded',
      unit: { name: 'Phường Lộc Thọ' },
    });
  });

  test('a typo is never matched, only suggested', () => {
    const m = defaultMatcher().match('Pường Thắng Nhì');
    expect(m.status).toBe('unknown');
    expect(m.unit).toBeUndefined();
    expect(m.suggestions[0]).toBe('Phường Thắng Nhì');
  });

  test('property: every registered name and alias matches itself in NFC and NFD', () => {
    const all = DEFAULT_REGISTRIES.flatMap((r) =>
      r.units.flatMap((u) => [u.name, ...u.aliases].map((n) => [n, u.name] as const)),
    );
    fc.assert(
      fc.property(
        fc.constantFrom(...all),
        fc.constantFrom('NFC', 'NFD') as fc.Arbitrary<'NFC' | 'NFD'>,
        ([name, official], form) => defaultMatcher().match(name.normalize(form)).unit?.name === official,
      ),
    );
  });
});
