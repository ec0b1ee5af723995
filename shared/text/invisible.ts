/**
 * Characters a name can carry without showing them: the bidirectional controls (U+202A–202E
 * embeddings and overrides, U+2066–2069 isolates, U+200E/200F marks, U+061C the Arabic letter mark),
 * which reorder what is shown so that one unit's name can display as another's, and the zero-width
 * characters (U+200B–200D, U+2060, U+FEFF), which split a name so it no longer matches. They are
 * removed before matching and before anything is written, and the validator reports where they were.
 */
const INVISIBLE = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C\u200B-\u200D\u2060\uFEFF]/g;
const ANY_INVISIBLE = new RegExp(INVISIBLE.source);

/** The text without bidirectional controls and zero-width characters. */
export function stripInvisible(text: string): string {
  return text.replace(INVISIBLE, '');
}

/** The invisible characters a text holds, each once, as "U+202E", in the order they first appear. */
export function invisibleIn(text: string): string[] {
  const found = text.match(INVISIBLE);
  if (!found) return [];
  return [...new Set(found)].map((ch) => `U+${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`);
}

/** True when a text holds any of them. */
export function hasInvisible(text: string): boolean {
  return ANY_INVISIBLE.test(text);
}

/**
 * A text short enough to quote in a message: at most `max` characters, cut with "…" (never inside a
 * surrogate pair), without invisible characters. A 1 MB cell is quoted by its beginning.
 */
export function shortText(text: string, max = 80): string {
  const clean = stripInvisible(text);
  if (clean.length <= max) return clean;
  let end = max - 1;
  const code = clean.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end--;
  return `${clean.slice(0, end)}…`;
}
