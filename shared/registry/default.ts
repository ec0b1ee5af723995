import { KHANH_HOA } from './data/khanh-hoa';
import { NHA_TRANG } from './data/nha-trang';
import { VUNG_TAU } from './data/vung-tau';
import { UnitMatcher } from './match';
import { Registry } from './schema';

export const DEFAULT_REGISTRIES: Registry[] = [NHA_TRANG, KHANH_HOA, VUNG_TAU].map((r) => Registry.parse(r));

let matcher: UnitMatcher | undefined;
/** Built once per runtime: custom functions call it for every cell. */
export function defaultMatcher(): UnitMatcher {
  return (matcher ??= new UnitMatcher(DEFAULT_REGISTRIES));
}
