/** A short, stable fingerprint of plain data (FNV-1a, 32 bits): enough to tell "changed since" apart. */
export function fingerprint(data: unknown): string {
  const text = JSON.stringify(data, (_k, v: unknown) => (v instanceof Date ? `D${v.getTime()}` : v));
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}
