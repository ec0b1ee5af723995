import { KHANH_HOA } from './data/khanh-hoa';
import { NHA_TRANG } from './data/nha-trang';
import { VUNG_TAU } from './data/vung-tau';
import { UnitMatcher } from './match';
import type { Registry } from './schema';

/**
 * The built-in registries as written: typed by the schema, checked against it in the tests
 * (tests/registry.integrity.test.ts), not at load — the formulas' path (`dx-report fn`) loads no zod.
 */
export const DEFAULT_REGISTRIES: Registry[] = [NHA_TRANG, KHANH_HOA, VUNG_TAU];

let matcher: UnitMatcher | undefined;
/** Built once per runtime: custom functions call it for every cell. */
export function defaultMatcher(): UnitMatcher {
  return (matcher ??= new UnitMatcher(DEFAULT_REGISTRIES));
}
