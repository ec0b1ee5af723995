/**
 * Today's map (since 1 July 2025): 34 provinces and centrally-run cities, their 3,321 communes, wards and
 * special zones under official codes (data/dvhc-2025.ts, generated from ../shared/data/dvhc-2025). A province's
 * registry lists its communes and wards keyed by code; a province adds its departments by its own registry sheet.
 */
import { looseKey, toneKey } from '../text/fold';
import { DVHC_2025, DvhcProvinceRow } from './data/dvhc-2025';
import { Registry, Unit } from './schema';

/** The day the two-tier map took effect: today's communes and wards exist from it. */
export const DVHC_2025_FROM = '2025-07-01';

export interface Province {
  /** The official 2-digit code: '56' Khánh Hòa. */
  code: string;
  /** As the source writes it: "Tỉnh Khánh Hoà", "Thành phố Hà Nội". */
  name: string;
  /** How many communes, wards and special zones. */
  units: number;
}

/** The 34 provinces and centrally-run cities, by code. */
export function provinces(): Province[] {
  return DVHC_2025.map((p) => ({ code: p.code, name: p.name, units: p.units.length }));
}

const PROVINCE_KIND = /^(tỉnh|thành phố|tp\.?)\s+/u;
/** "Tỉnh Khánh Hoà", "khánh hòa", "Khanh Hoa" → one key; "TP. Hồ Chí Minh", "Hồ Chí Minh" → one key. */
const provinceKeys = (text: string): string[] => {
  const bare = text.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim().replace(PROVINCE_KIND, '');
  return [toneKey(bare), looseKey(bare)];
};

/**
 * A province by its code ("56", also "056" or 56 typed as a number) or its name, with or without "Tỉnh" /
 * "Thành phố", tone marks placed either way or left out ("Khánh Hòa", "Khánh Hoà", "Khanh Hoa").
 */
export function findProvince(text: string | number): Province | undefined {
  const t = String(text).trim();
  const all = provinces();
  if (/^\d{1,3}$/.test(t)) return all.find((p) => Number(p.code) === Number(t));
  const [tone, loose] = provinceKeys(t);
  if (!tone) return undefined;
  return (
    all.find((p) => provinceKeys(p.name)[0] === tone) ??
    // Without diacritics two provinces could meet; none of the 34 do, but a single answer is required.
    single(all.filter((p) => provinceKeys(p.name)[1] === loose))
  );
}

const single = <T>(xs: T[]): T | undefined => (xs.length === 1 ? xs[0] : undefined);

const cache = new Map<string, Registry>();

/**
 * Today's registry of a province (code '56' or a name): its communes, wards and special zones, each under its
 * 5-digit code, group 'ubnd-xa-phuong', its kind, valid from 2025-07-01 and formed from the former units the
 * merger map lists. Built once per province and runtime. Undefined for a province that is not one of the 34.
 */
export function provinceRegistry(codeOrName: string | number): Registry | undefined {
  const p = findProvince(codeOrName);
  if (!p) return undefined;
  let reg = cache.get(p.code);
  if (!reg) {
    const row = DVHC_2025.find((r) => r.code === p.code) as DvhcProvinceRow;
    reg = Registry.parse({
      code: row.code,
      name: row.name,
      units: row.units.map(([code, name, kind, formedFrom]): Unit => ({
        code,
        name,
        group: 'ubnd-xa-phuong',
        parent: row.code,
        aliases: [],
        kind,
        validFrom: DVHC_2025_FROM,
        formedFrom: [...formedFrom],
      })),
    });
    cache.set(p.code, reg);
  }
  return reg;
}

/** Every unit of today's map: 3,321. */
export function dvhcUnitCount(): number {
  return DVHC_2025.reduce((n, p) => n + p.units.length, 0);
}
