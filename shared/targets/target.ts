import { parseNumber } from '../numbers/parse';
import { formatNumber } from '../numbers/format';

// The schemas live in ./schema (zod is not loaded on the formulas' path); these are their types.
export type { Comparison, Target, TargetPart, TargetStage } from './schema';
import type { Comparison, Target, TargetPart, TargetStage } from './schema';

const OPS: Array<[RegExp, Comparison]> = [
  [/(?:^|\s)(?:không dưới|tối thiểu|ít nhất|từ|>=|≥)\s*$/u, '>='],
  [/(?:^|\s)(?:không quá|không vượt quá|tối đa|<=|≤)\s*$/u, '<='],
  [/(?:^|\s)(?:trên|hơn|lớn hơn|>)\s*$/u, '>'],
  [/(?:^|\s)(?:dưới|nhỏ hơn|<)\s*$/u, '<'],
];

const PERCENT = /([+-]?\d[\d.,]*)\s*%/gu;

function stage(before: string, numberText: string): TargetStage | null {
  const p = parseNumber(`${numberText}%`);
  if (p.kind !== 'percent' || p.value === null || p.ambiguous) return null;
  const op = OPS.find(([re]) => re.test(before))?.[1] ?? '>=';
  return { op, value: p.value };
}

/**
 * Reads a target phrase as the plans write it: "100%", "Trên 8,5%.",
 * "tối thiểu 70%", "30% đến cuối năm là 50%",
 * "50% sản phẩm; 85% hộ có tài khoản trên sàn TMĐT". Returns null for a
 * phrase with no percentage ("Tổ chức 03 lớp").
 */
export function parseTarget(raw: unknown): Target | null {
  if (typeof raw === 'number') {
    return Number.isFinite(raw) ? { verbatim: String(raw), parts: [{ stage: { op: '>=', value: raw } }] } : null;
  }
  if (typeof raw !== 'string') return null;
  const verbatim = raw;
  const parts: TargetPart[] = [];
  for (const piece of raw.normalize('NFC').split(';')) {
    const text = piece.trim().replace(/\.$/, '');
    if (!text) continue;
    const lower = text.toLowerCase();
    const matches = [...lower.matchAll(PERCENT)];
    if (matches.length === 0) return null;
    const first = matches[0];
    const main = stage(lower.slice(0, first.index), first[1]);
    if (!main) return null;
    const part: TargetPart = { stage: main };
    const yearEnd = /đến cuối năm(?:\s+(?:là|đạt))?\s*$/u;
    if (matches.length > 1 && yearEnd.test(lower.slice(0, matches[1].index))) {
      const later = stage('', matches[1][1]);
      if (!later) return null;
      part.yearEnd = later;
    } else if (matches.length > 1) {
      return null;
    }
    const label = text.slice((first.index ?? 0) + first[0].length).trim();
    if (label && !part.yearEnd && !/^trở lên$/iu.test(label)) part.label = label;
    parts.push(part);
  }
  return parts.length ? { verbatim, parts } : null;
}

export function compare(value: number, s: TargetStage): boolean {
  const eps = 1e-9;
  switch (s.op) {
    case '>':
      return value > s.value + eps;
    case '>=':
      return value >= s.value - eps;
    case '<':
      return value < s.value - eps;
    case '<=':
      return value <= s.value + eps;
  }
}

/** Year-end stages apply from 1 December of the report's year (the annual report). */
export function stageFor(part: TargetPart, reportMonth?: number): TargetStage {
  return part.yearEnd && reportMonth !== undefined && reportMonth >= 12 ? part.yearEnd : part.stage;
}

/**
 * A target cell as text: hosts store "100%" typed in a cell as the number 1 with a % format (and
 * "8,5%" as 0.085), so a number is a fraction and reads back as the phrase "100%", "8,5%".
 */
export function targetText(raw: unknown): string {
  if (typeof raw !== 'number' || !Number.isFinite(raw)) return raw === null || raw === undefined ? '' : String(raw);
  const percent = raw * 100;
  const decimals = [0, 1, 2, 3, 4].find((d) => Math.abs(Number(percent.toFixed(d)) - percent) < 1e-9) ?? 4;
  return `${formatNumber(percent, decimals)}%`;
}
