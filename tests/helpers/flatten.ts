/**
 * An issue list as tuples of the chosen fields, in order (frictionless's
 * `report.flatten(["rowNumber", "fieldNumber", "type"])`):
 * `flatten(issues, ['cell', 'rule'])` → `[['C6', 'CONG-THUC'], ['G6', 'CONG-THUC']]`.
 */
export function flatten<T extends object, K extends keyof T>(items: readonly T[], keys: readonly K[]): Array<T[K][]> {
  return items.map((item) => keys.map((k) => item[k]));
}
