import { stripInvisible } from './invisible';

/**
 * Folding of Vietnamese names for matching. Tone marks are the five combining
 * marks below; vowel marks (â, ê, ô, ơ, ư, ă) and đ are letters and are kept
 * except in the loosest key.
 */
const TONES: Record<string, string> = {
  '\u0300': '2', // huyền
  '\u0301': '1', // sắc
  '\u0309': '3', // hỏi
  '\u0303': '4', // ngã
  '\u0323': '5', // nặng
};
const TONE_RE = /[\u0300\u0301\u0309\u0303\u0323]/g;

function clean(text: string): string {
  return stripInvisible(text)
    .normalize('NFD')
    .toLowerCase()
    .replace(/[\u2013\u2014\-–]/g, ' ')
    .replace(/[.,;:()“”"'’]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Key that ignores NFC/NFD and where the tone mark sits ("Hòa" = "Hoà",
 * "Thủy" = "Thuỷ"): each word loses its tone mark and gets it back as a
 * trailing digit.
 */
export function toneKey(text: string): string {
  return clean(text)
    .split(' ')
    .map((word) => {
      const tones = word.match(TONE_RE) ?? [];
      const bare = word.replace(TONE_RE, '').normalize('NFC');
      return tones.length ? `${bare}${TONES[tones[0] as string]}` : bare;
    })
    .join(' ');
}

/** Key without any diacritics ("Phuong Loc Tho" typed on a phone matches too). */
export function looseKey(text: string): string {
  return clean(text)
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .normalize('NFC');
}

/** Levenshtein distance, for suggesting the closest registered name to a typo. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0];
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j];
      prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return prev[b.length];
}
