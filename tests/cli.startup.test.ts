/**
 * A formula on the command line starts in about a bare `node`'s time (issue 15): `fn`, `catalogue`, `registry`
 * and the help load their own modules only, never the .xlsx and .docx libraries. One child process runs the
 * built command line (dist/cli, what bin/dx-report runs) for each command in turn and lists, after each, the
 * files it loaded. No time is measured here.
 */
import { execFileSync } from 'child_process';
import * as path from 'path';
import { DIST, ROOT } from './helpers/hosts';

const ENTRY = path.join(DIST, 'cli', 'cli', 'dx-report.js');
const HEAVY = ['exceljs', 'jszip', 'docx'];

const RUNS: string[][] = [
  ['help', 'fn'],
  ['fn', 'DX_RATE', '1', '2'],
  ['fn', 'DX_UNIT', 'Lộc Thọ', '--json'],
  ['fn', 'DX_NOPE'],
  ['fn', '--batch'],
  ['catalogue'],
  ['catalogue', '--json'],
  ['registry'],
  ['registry', '--json'],
  ['registry', '--province', '56'],
  ['help'],
  ['fn', '--decimals', '2'],
];

// The child: main() for each run with its output captured, then the files each run loaded that were not loaded
// before it. The last entry loads the .xlsx reader on purpose, to show the check sees a library when it is there.
const CHILD = `
const cli = require(${JSON.stringify(ENTRY)});
const runs = ${JSON.stringify(RUNS)};
(async () => {
  const report = [];
  let seen = new Set(Object.keys(require.cache));
  const loadedSince = () => {
    const now = Object.keys(require.cache).filter((f) => !seen.has(f));
    seen = new Set(Object.keys(require.cache));
    return now;
  };
  for (const argv of runs) {
    let out = '';
    const code = await cli.main(argv, (s) => (out += s), (s) => (out += s));
    report.push({ argv, code, out: out.length, loaded: loadedSince() });
  }
  require(${JSON.stringify(path.join(DIST, 'cli', 'xlsx', 'workbook.js'))});
  report.push({ argv: ['(control: xlsx/workbook.js)'], code: 0, out: 0, loaded: loadedSince() });
  process.stdout.write(JSON.stringify(report));
})();
`;

interface Run {
  argv: string[];
  code: number;
  out: number;
  loaded: string[];
}

const packageOf = (file: string) => /[\\/]node_modules[\\/]((?:@[^\\/]+[\\/])?[^\\/]+)/.exec(file)?.[1];

let report: Run[];

beforeAll(() => {
  const stdout = execFileSync(process.execPath, ['-e', CHILD], {
    cwd: ROOT,
    encoding: 'utf8',
    input: '["DX_RATE", 1, 2]\n{"fn": "DX_SUMRATE", "args": [[10, 6], [16, 10]]}\n',
    maxBuffer: 64 * 1024 * 1024,
  });
  report = JSON.parse(stdout) as Run[];
}, 60_000);

test('every command ran and printed', () => {
  expect(report.map((r) => [r.argv.join(' '), r.code, r.out > 0])).toEqual([
    ['help fn', 0, true],
    ['fn DX_RATE 1 2', 0, true],
    ['fn DX_UNIT Lộc Thọ --json', 0, true],
    ['fn DX_NOPE', 2, true],
    ['fn --batch', 0, true],
    ['catalogue', 0, true],
    ['catalogue --json', 0, true],
    ['registry', 0, true],
    ['registry --json', 0, true],
    ['registry --province 56', 0, true],
    ['help', 0, true],
    ['fn --decimals 2', 2, true],
    ['(control: xlsx/workbook.js)', 0, false],
  ]);
});

test('fn, catalogue, registry and the help load neither exceljs, jszip nor docx', () => {
  const heavy = report.slice(0, -1).map((r) => ({
    argv: r.argv.join(' '),
    heavy: [...new Set(r.loaded.map(packageOf))].filter((p) => HEAVY.includes(p!)),
  }));
  expect(heavy).toEqual(RUNS.map((argv) => ({ argv: argv.join(' '), heavy: [] })));
});

test('the check sees the libraries when they are loaded (the .xlsx reader brings exceljs and jszip)', () => {
  const control = new Set(report[report.length - 1].loaded.map(packageOf));
  expect(['exceljs', 'jszip'].filter((p) => control.has(p))).toEqual(['exceljs', 'jszip']);
});

test("one command's help, the first run, loads no package at all (zod neither)", () => {
  expect(report[0].argv).toEqual(['help', 'fn']);
  expect(report[0].loaded.filter((f) => packageOf(f))).toEqual([]);
});
