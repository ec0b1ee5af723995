/**
 * Every command the README shows, run as written (issue 16): each line of its ```bash blocks and each inline
 * `npx dx-report …` example, in document order, in ONE bash process, in a fresh folder holding what a clone has
 * (the committed samples). `npx dx-report` is what the README tells users to type in the project's folder; in the
 * script it is a bash function running the built bin/dx-report, and one real `npx --no dx-report` in the project
 * checks that npx finds the package's bin. What the README says a command prints ("→ 33,11%" in a block,
 * "prints `33,11%`" inline) must appear in its output; its exit code must be 0 or the one the README gives
 * ("mã thoát 1"). Inline spans with placeholders (`[--json]`, `…`, `FILE`) are synopses: not run, but each of
 * their flags must be one the command declares in cli/args.ts. A command that needs a host or takes minutes is
 * run only when it is not in NOT_RUN, so a new README command is run unless it is added there, with its reason.
 * A command the README repeats word for word (the first session's, again where its section explains it) runs once,
 * where it first appears: run again, a `template --out` would rightly refuse the file it made.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { COMMANDS, helpText } from '../cli/args';
import { CAM_RANH } from '../shared/registry/data/cam-ranh';
import { Registry } from '../shared/registry/schema';

const ROOT = path.join(__dirname, '..');
const README = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
const BUILT = path.join(ROOT, 'dist', 'cli', 'cli', 'dx-report.js');

/** Commands the test does not run, each with why (exact text as the README writes it, comment left out). */
const NOT_RUN: Record<string, string> = {
  'npm ci && npm run demo': 'npm ci reinstalls node_modules; the demo takes minutes (tests/demo.test.ts runs it)',
  'npm ci && npm test': 'the whole test suite, of which this test is a part',
  'npm run demo': 'takes minutes on the sample city (tests/demo.test.ts runs it)',
};

interface Example {
  /** Where in the README: "bash block 2" or "line 290". */
  where: string;
  command: string;
  code: number;
  /** Text the README says the output holds. */
  prints: string[];
}

const lineOf = (index: number) => README.slice(0, index).split('\n').length;

/** The lines of the ```bash blocks, continuations joined; a trailing comment may say "→ TEXT" and "mã thoát N". */
function blockExamples(): Example[] {
  const out: Example[] = [];
  const fence = /```bash\n([\s\S]*?)```/g;
  for (let m = fence.exec(README); m; m = fence.exec(README)) {
    const at = lineOf(m.index) + 1;
    const lines = m[1].replace(/\\\n\s*/g, '').split('\n');
    lines.forEach((raw, i) => {
      const line = raw.trim();
      if (!line || line.startsWith('#')) return;
      const hash = line.search(/\s#\s/);
      const command = (hash < 0 ? line : line.slice(0, hash)).trim();
      const comment = hash < 0 ? '' : line.slice(hash + 3);
      const code = /mã thoát (\d)/.exec(comment);
      const prints = /→\s*(.+)$/.exec(comment);
      out.push({
        where: `README line ${at + i}`,
        command,
        code: code ? Number(code[1]) : 0,
        prints: prints ? [prints[1].trim()] : [],
      });
    });
  }
  return out;
}

/** Placeholders a synopsis writes instead of a value: the help's own, and the README's English ones. */
function isSynopsis(command: string): boolean {
  // "[--json]", "[FILE]", "…", "...": a synopsis; "'[10,6]'" is a value (a range written as JSON).
  if (/\[(--|[A-ZĐ])|…|\.\.\./.test(command)) return true;
  const placeholders = new Set(['FILE', 'FILES', 'FOLDER', 'RANGE', 'FILE.json', 'FILES_OR_FOLDERS']);
  for (const c of COMMANDS) {
    for (const w of c.usage.split(/\s+/)) if (w) placeholders.add(w.replace(/\.\.\.$/, ''));
    for (const f of c.flags) if (f.value) for (const v of f.value.split('|')) placeholders.add(v);
  }
  return command.split(/\s+/).some((w) => placeholders.has(w.replace(/^["']|["']$/g, '')));
}

/** Inline spans holding `npx dx-report`: runnable examples (with "prints `X`" after them) and synopses. */
function inlineSpans(): { examples: Example[]; synopses: Array<{ where: string; command: string }> } {
  const withoutBlocks = README.replace(/```[\s\S]*?```/g, (b) => b.replace(/[^\n]/g, ' '));
  const examples: Example[] = [];
  const synopses: Array<{ where: string; command: string }> = [];
  const span = /`([^`]*\bnpx dx-report\b[^`]*)`/g;
  for (let m = span.exec(withoutBlocks); m; m = span.exec(withoutBlocks)) {
    const where = `README line ${lineOf(m.index)}`;
    const command = m[1].replace(/\s+/g, ' ').trim();
    if (isSynopsis(command)) {
      synopses.push({ where, command });
      continue;
    }
    const after = withoutBlocks.slice(m.index + m[0].length, m.index + m[0].length + 200);
    const prints = /^\s*(?:prints|in ra)\s+`([^`]+)`/.exec(after);
    const code = /^[^.`]*?(?:exits|mã thoát)\s+(\d)/.exec(after);
    examples.push({ where, command, code: code ? Number(code[1]) : 0, prints: prints ? [prints[1]] : [] });
  }
  return { examples, synopses };
}

/** The script: each command between markers, its output and exit code read back by index. */
function script(examples: Example[]): string {
  const lines = [
    'set +e',
    // What `npx dx-report` does in the project folder (package.json "bin"), without npm's start each time.
    'npx() { if [ "$1" = dx-report ]; then shift; node "$DX_ROOT/bin/dx-report" "$@"; ' +
      'else echo "npx $1: không chạy trong kiểm thử" >&2; return 127; fi; }',
  ];
  examples.forEach((e, i) => {
    lines.push(`echo "@@DX-BEGIN ${i}"`, `{ ${e.command}\n} </dev/null 2>&1`, `echo "@@DX-END ${i} $?"`);
  });
  return `${lines.join('\n')}\n`;
}

function copySamples(work: string): void {
  const samples = path.join(work, 'samples');
  fs.mkdirSync(samples);
  fs.cpSync(path.join(ROOT, 'samples', 'cam-ranh'), path.join(samples, 'cam-ranh'), { recursive: true });
  for (const f of ['so-mot-cua.xlsx', 'danh-muc-cam-ranh.json'])
    fs.copyFileSync(path.join(ROOT, 'samples', f), path.join(samples, f));
}

describe('the README’s commands', () => {
  test('every command of the README runs as written and says what the README says', () => {
    if (!fs.existsSync(BUILT))
      throw new Error(`Chưa có dòng lệnh đã biên dịch (${BUILT}): chạy npm run build:cli (npm test làm việc này).`);
    const inline = inlineSpans();
    const all = [...blockExamples(), ...inline.examples].sort(
      (a, b) => Number(a.where.split(' ').pop()) - Number(b.where.split(' ').pop()),
    );
    const run = all.filter((e, i) => !(e.command in NOT_RUN) && all.findIndex((x) => x.command === e.command) === i);
    // Every exception is still in the README: a stale entry would hide nothing, but says something untrue.
    for (const c of Object.keys(NOT_RUN)) expect(all.map((e) => e.command)).toContain(c);
    // One real npx in the project's folder: it must find the package's bin, never download one (--no).
    const check: Example = {
      where: 'package.json "bin"',
      command: '(cd "$DX_ROOT" && command npx --no dx-report fn DX_RATE 1 2)',
      code: 0,
      prints: ['50,00%'],
    };
    const examples = [check, ...run];
    const work = fs.mkdtempSync(path.join(os.tmpdir(), 'dx-readme-'));
    try {
      copySamples(work);
      const r = spawnSync('bash', ['-c', script(examples)], {
        cwd: work,
        // One process per command: the worker threads (tests/consolidate.workers.test.ts gives the same annexes with
        // one or several) cost more CPU than a loaded machine spares.
        env: { ...process.env, DX_ROOT: ROOT, DX_DEBUG: '', DX_WORKERS: '1' },
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
        timeout: 170000,
      });
      expect(r.error).toBeUndefined();
      const failures: string[] = [];
      examples.forEach((e, i) => {
        const m = new RegExp(`@@DX-BEGIN ${i}\\n([\\s\\S]*?)@@DX-END ${i} (\\d+)`).exec(r.stdout);
        if (!m) return failures.push(`${e.where}: ${e.command}\n  did not finish`);
        const [, output, code] = m;
        const wrong = [
          ...(Number(code) !== e.code ? [`exit ${code}, README says ${e.code}`] : []),
          ...e.prints.filter((p) => !output.includes(p)).map((p) => `output lacks “${p}”`),
          // A failure is one Vietnamese line, never a stack trace or the runtime's own words.
          ...(/\n\s+at .+:\d+:\d+\)?\n|Error: |Invalid input/.test(output) ? ['a stack trace or English error'] : []),
        ];
        if (wrong.length) failures.push(`${e.where}: ${e.command}\n  ${wrong.join('; ')}\n${output.slice(0, 1500)}`);
        return undefined;
      });
      expect(failures).toEqual([]);
      // The examples run are most of the README's commands: a parse that found none would pass vacuously.
      expect(run.length).toBeGreaterThan(15);
    } finally {
      fs.rmSync(work, { recursive: true, force: true });
    }
  }, 180000);

  test('each synopsis names a command and flags that command declares', () => {
    const { synopses } = inlineSpans();
    const wrong: string[] = [];
    for (const s of synopses) {
      const [, , name, ...rest] = s.command.slice(s.command.indexOf('npx dx-report')).split(' ');
      // "npx dx-report LỆNH …": how to run any command, no command in particular.
      if (name === undefined || name === 'LỆNH' || name === '…') continue;
      const spec = COMMANDS.find((c) => c.name === name);
      if (!spec) {
        wrong.push(`${s.where}: no command “${name}”`);
        continue;
      }
      for (const f of rest.join(' ').match(/--[a-z][a-z-]*/g) ?? [])
        if (!spec.flags.some((x) => `--${x.name}` === f)) wrong.push(`${s.where}: ${name} has no ${f}`);
    }
    expect(wrong).toEqual([]);
    expect(synopses.length).toBeGreaterThan(3);
  });

  test('help lists every command and every flag, and the annexes consolidate writes', () => {
    const text = helpText();
    for (const c of COMMANDS) {
      expect(text).toContain(`npx dx-report ${c.name}`);
      for (const f of c.flags) expect(helpText(c.name)).toContain(`--${f.name}`);
    }
    expect(text).toContain('Phụ lục I–VIII');
    expect(text).toContain('--deadline-day');
    expect(text).toContain('--force');
  });

  test('the sample registry file is Cam Ranh’s registry, as --registry reads it', () => {
    const file = JSON.parse(fs.readFileSync(path.join(ROOT, 'samples', 'danh-muc-cam-ranh.json'), 'utf8'));
    expect(Registry.parse(file)).toEqual(Registry.parse(CAM_RANH));
  });
});
