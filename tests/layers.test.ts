/*
 * The core's folders form layers that point down (README "Cấu trúc mã / Code layout"):
 * a folder imports only from folders on a lower line of LAYERS, never from its own line
 * or above, so no cycle between folders can form. The core imports no host or library
 * API besides zod.
 */
import * as fs from 'fs';
import * as path from 'path';

const SHARED = path.join(__dirname, '..', 'shared');

/** Lowest first. The README's table is this list. */
export const LAYERS: string[][] = [
  ['text', 'dates'],
  ['numbers'],
  ['targets', 'workbook', 'messages'],
  ['catalogue', 'tables', 'errors'],
  ['registry'],
  ['formulas'],
  ['templates'],
  ['reading'],
  ['validation'],
  ['consolidate'],
  ['report'],
  ['operations'],
];

const levelOf = new Map(LAYERS.flatMap((line, i) => line.map((f) => [f, i] as const)));

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sources(p);
    return e.name.endsWith('.ts') ? [p] : [];
  });
}

interface Edge {
  file: string;
  from: string;
  to: string;
  spec: string;
}

function imports(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  return [...text.matchAll(/^\s*(?:import|export)\b[^'"]*?from\s+'([^']+)'/gm)].map((m) => m[1]);
}

/** The top folder of shared/ a file lies in ('' for shared/index.ts). */
const folderOf = (file: string) => path.relative(SHARED, file).split(path.sep).slice(0, -1)[0] ?? '';

function edges(): Edge[] {
  return sources(SHARED).flatMap((file) =>
    imports(file)
      .filter((spec) => spec.startsWith('.'))
      .map((spec) => ({
        file: path.relative(SHARED, file),
        from: folderOf(file),
        to: folderOf(path.resolve(path.dirname(file), spec) + '.ts'),
        spec,
      }))
      .filter((e) => e.from !== e.to && e.from !== ''),
  );
}

/** Folder-level cycles, each as a path a → b → … → a. */
export function cycles(list: Edge[]): string[][] {
  const next = new Map<string, Set<string>>();
  for (const e of list) next.set(e.from, (next.get(e.from) ?? new Set()).add(e.to));
  const found: string[][] = [];
  for (const start of next.keys()) {
    const stack: string[][] = [[start]];
    while (stack.length) {
      const route = stack.pop()!;
      for (const n of next.get(route[route.length - 1]) ?? []) {
        if (n === start) found.push([...route, n]);
        else if (!route.includes(n) && n > start) stack.push([...route, n]);
      }
    }
  }
  return found;
}

describe('layers of shared/', () => {
  const all = edges();

  test('every folder of shared/ has its line in LAYERS', () => {
    const folders = fs
      .readdirSync(SHARED, { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => e.name);
    expect(folders.filter((f) => !levelOf.has(f))).toEqual([]);
  });

  test('no import cycle between folders', () => {
    expect(cycles(all).map((c) => c.join(' → '))).toEqual([]);
  });

  test('imports point down only', () => {
    const up = all.filter((e) => (levelOf.get(e.to) ?? -1) >= (levelOf.get(e.from) ?? -1));
    expect(up.map((e) => `${e.file} imports ${e.spec}`)).toEqual([]);
  });

  test('the cycle finder finds a cycle when there is one', () => {
    const e = (from: string, to: string) => ({ file: '', spec: '', from, to });
    expect(cycles([e('a', 'b'), e('b', 'c'), e('c', 'a'), e('c', 'd')])).toEqual([['a', 'b', 'c', 'a']]);
    expect(cycles([e('a', 'b'), e('b', 'c')])).toEqual([]);
  });

  test('the core uses no host or library API but zod', () => {
    const outside = sources(SHARED).flatMap((file) =>
      imports(file)
        .filter((spec) => !spec.startsWith('.') && spec !== 'zod')
        .map((spec) => `${path.relative(SHARED, file)}: ${spec}`),
    );
    expect(outside).toEqual([]);
    const hostApi = /\b(Excel\.run|Office\.|SpreadsheetApp|DocumentApp|HtmlService|google\.script|require\()/;
    const users = sources(SHARED).filter((f) =>
      fs
        .readFileSync(f, 'utf8')
        .split('\n')
        .some((l) => hostApi.test(l) && !/^\s*(\*|\/\/|\/\*)/.test(l)),
    );
    expect(users.map((f) => path.relative(SHARED, f))).toEqual([]);
  });

  test('the core never reads the clock', () => {
    const clock = /new Date\(\)|Date\.now\(\)/;
    const readers = sources(SHARED).filter((f) => clock.test(fs.readFileSync(f, 'utf8')));
    expect(readers.map((f) => path.relative(SHARED, f))).toEqual([]);
  });
});
