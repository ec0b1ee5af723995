#!/usr/bin/env node
'use strict';
/**
 * `npm run bench [-- --quick]`: the figures of issue 15 (item 7), one JSON line each on stdout, the machine first;
 * a table for people at the end on stderr. See bench/README.md for what each line means.
 *
 *   node bench/run.js [--quick] [--sizes 50,300,...] [--reps K] [--root DIR] [--label TEXT] [--skip-rate]
 *
 * --root: the project whose bin/dx-report and dist/cli are measured (default: this one; a copy of another
 * commit, built with `tsc -p tsconfig.cli.json`, gives its "before" figures). No figure here is a test: nothing
 * fails on a time; the `met` fields only say how a figure stands against its target.
 */
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawn, spawnSync } = require('child_process');
const { setInterval, clearInterval } = require('timers');
const { ensureSet } = require('./generate');

const argv = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : dflt;
};
const quick = argv.includes('--quick');
const root = path.resolve(opt('root', path.join(__dirname, '..')));
const sizes = opt('sizes', quick ? '50,300' : '50,300,1000,3000')
  .split(',')
  .map(Number);
const repsFor = (n) => Number(opt('reps', quick || n >= 3000 ? 1 : 3));
const FN_RUNS = Number(opt('fn-runs', quick ? 10 : 20));
const USAGE = path.join(__dirname, 'usage.js');
const WORK = path.join(os.tmpdir(), 'dx-bench', `run-${process.pid}`);
fs.mkdirSync(WORK, { recursive: true });

const started = process.hrtime.bigint();
const sinceStart = () => Number(process.hrtime.bigint() - started) / 1e6;
const lines = [];
const print = (o) => {
  lines.push(o);
  process.stdout.write(`${JSON.stringify(o)}\n`);
};
const round = (x, d = 1) => (x === null || x === undefined || Number.isNaN(x) ? null : +x.toFixed(d));
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const load1 = () => round(os.loadavg()[0], 2);

/** VmHWM (peak resident memory) of a running process from /proc, MB; null where there is no /proc. */
function peakOf(pid) {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : null;
  } catch {
    return null;
  }
}

/**
 * One process, `node -r bench/usage.js ARGS`, in ROOT: its wall time (spawn to exit), CPU, peak memory. The peak
 * is also watched from /proc while it runs, so a process that dies (out of memory) still has one.
 */
function measure(args, { stdout = false } = {}) {
  const usageFile = path.join(WORK, 'usage.json');
  fs.rmSync(usageFile, { force: true });
  const loadBefore = load1();
  const t0 = process.hrtime.bigint();
  return new Promise((resolve) => {
    const c = spawn(process.execPath, ['-r', USAGE, ...args], {
      cwd: root,
      env: { ...process.env, DX_BENCH_USAGE: usageFile },
      stdio: ['ignore', stdout ? 'pipe' : 'ignore', 'pipe'],
    });
    let out = '';
    let err = '';
    let watched = null;
    if (stdout) c.stdout.on('data', (d) => (out += d));
    c.stderr.on('data', (d) => (err = (err + d).slice(-4000)));
    const watch = setInterval(() => {
      const p = peakOf(c.pid);
      if (p !== null) watched = Math.max(watched ?? 0, p);
    }, 250);
    c.on('close', (code, signal) => {
      clearInterval(watch);
      const wallMs = Number(process.hrtime.bigint() - t0) / 1e6;
      let u = null;
      try {
        u = JSON.parse(fs.readFileSync(usageFile, 'utf8'));
      } catch {
        /* killed before its exit handler ran */
      }
      const failed = signal || code > 1 || !u;
      resolve({
        wallMs,
        cpuMs: u ? u.userMs + u.sysMs + (u.childrenCpuMs ?? 0) : null,
        userMs: u?.userMs ?? null,
        sysMs: u?.sysMs ?? null,
        childrenCpuMs: u?.childrenCpuMs ?? null,
        maxRssMB: u?.maxRssMB ?? watched,
        code,
        signal,
        failed: failed
          ? `${signal ?? `exit ${code}`} after ${round(wallMs / 1000)} s${
              /heap out of memory/.test(err) ? ': JavaScript heap out of memory' : ''
            }`
          : null,
        stdout: stdout ? out : undefined,
        stderr: err.slice(-2000),
        load1: loadBefore,
      });
    });
  });
}

/** Medians of wall and CPU over the runs that finished, the highest peak memory, every run's figures. */
function summarise(runs) {
  const ok = runs.filter((r) => !r.failed);
  const peaks = runs.map((r) => r.maxRssMB).filter((x) => x !== null);
  return {
    wallMs: ok.length ? round(median(ok.map((r) => r.wallMs))) : null,
    cpuMs: ok.length ? round(median(ok.map((r) => r.cpuMs))) : null,
    userMs: ok.length ? round(median(ok.map((r) => r.userMs))) : null,
    sysMs: ok.length ? round(median(ok.map((r) => r.sysMs))) : null,
    maxRssMB: peaks.length ? round(Math.max(...peaks)) : null,
    runs: runs.length,
    codes: [...new Set(runs.map((r) => (r.signal ? r.signal : r.code)))],
    runsWallMs: runs.map((r) => round(r.wallMs)),
    runsCpuMs: runs.map((r) => round(r.cpuMs)),
    load1: runs.map((r) => r.load1),
    ...(runs.some((r) => r.failed)
      ? { failed: runs.filter((r) => r.failed).map((r) => r.failed), stderr: runs.find((r) => r.failed).stderr }
      : {}),
  };
}

function gitOf(dir) {
  const r = spawnSync('git', ['-C', dir, 'rev-parse', 'HEAD'], { encoding: 'utf8' });
  if (r.status !== 0) return null;
  const d = spawnSync('git', ['-C', dir, 'status', '--porcelain', '--untracked-files=no'], { encoding: 'utf8' });
  return { commit: r.stdout.trim(), modifiedFiles: d.stdout.split('\n').filter(Boolean).length };
}

async function main() {
  const cpus = os.cpus();
  print({
    figure: 'machine',
    cpu: cpus[0]?.model ?? null,
    cpus: cpus.length,
    availableParallelism: os.availableParallelism?.() ?? null,
    totalMemoryMB: Math.round(os.totalmem() / 2 ** 20),
    freeMemoryMB: Math.round(os.freemem() / 2 ** 20),
    loadavg: os.loadavg().map((x) => round(x, 2)),
    node: process.version,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    date: new Date().toISOString(),
    root,
    git: gitOf(root),
    label: opt('label', null),
    mode: quick ? 'quick' : 'full',
    sizes,
  });
  const bin = path.join(root, 'bin', 'dx-report');
  if (!fs.existsSync(path.join(root, 'dist', 'cli', 'cli', 'dx-report.js')))
    throw new Error(`${root}/dist/cli is not built: npm run build:cli`);

  const byN = {};
  for (const n of sizes) {
    const g0 = sinceStart();
    const set = await ensureSet(root, n);
    print({
      figure: 'generate',
      n,
      generatedNow: set.generated,
      wallMs: round(set.generatedMs),
      perFileMs: set.generated ? round(set.generatedMs / set.generated) : null,
      workers: os.availableParallelism?.() ?? cpus.length,
      dir: set.dir,
      registry: set.registry,
      totalMs: round(sinceStart() - g0),
    });
    const out = path.join(WORK, 'annex.xlsx');
    const floorRuns = [];
    const cons = [];
    const val = [];
    const reps = repsFor(n);
    let files = null;
    for (let k = 0; k < reps; k++) {
      // floor, consolidate, floor, validate: each figure measured next to a floor of the same moment.
      let f = await measure([path.join(__dirname, 'floor.js'), set.dir], { stdout: true });
      floorRuns.push(f);
      files ??= JSON.parse(f.stdout.trim().split('\n').pop());
      fs.rmSync(out, { force: true });
      cons.push(await measure([bin, 'consolidate', set.dir, '--out', out, '--registry', set.registry]));
      f = await measure([path.join(__dirname, 'floor.js'), set.dir], { stdout: true });
      floorRuns.push(f);
      val.push(await measure([bin, 'validate', set.dir]));
    }
    const scan = await measure([path.join(__dirname, 'floor.js'), set.dir, '--parser', 'scan'], { stdout: true });
    const floor = summarise(floorRuns);
    print({
      figure: 'floor',
      n,
      what: 'read + unzip worksheets and sharedStrings (zlib.inflateRawSync) + sax pass, one core',
      parser: `sax@${require(require.resolve('sax/package.json', { paths: [root] })).version}`,
      files: files.files,
      bytes: files.bytes,
      xmlBytes: files.xmlBytes,
      tags: files.tags,
      ...floor,
      scanParserWallMs: round(scan.wallMs),
      scanParserCpuMs: round(scan.cpuMs),
    });
    byN[n] = { floor };
    for (const [name, runs] of [
      ['consolidate', cons],
      ['validate', val],
    ]) {
      const s = summarise(runs);
      // A run that did not finish (out of memory) has no ratio, and meets no target.
      const ratio = s.wallMs === null ? null : s.wallMs / floor.wallMs;
      const cpuRatio = s.cpuMs !== null && floor.cpuMs ? s.cpuMs / floor.cpuMs : null;
      byN[n][name] = { ...s, ratio, cpuRatio };
      print({
        figure: name,
        n,
        ...s,
        floorWallMs: floor.wallMs,
        floorCpuMs: floor.cpuMs,
        ratio: round(ratio, 2),
        cpuRatio: round(cpuRatio, 2),
        ratioTarget: '≤ 1.5 × floor (judged at 3,000)',
        ratioMet: ratio !== null && ratio <= 1.5,
        ...(name === 'consolidate'
          ? { memoryTarget: '≤ 400 MB peak at any N', memoryMet: s.maxRssMB !== null && s.maxRssMB <= 400 }
          : { peakMemoryNote: 'validate has no memory target' }),
        ...(name === 'validate'
          ? { note: 'validate has no --registry: every commune is also reported as not in the built-in registry' }
          : {}),
      });
    }
  }

  // Cost linear in N: the ratio at 3,000 no more than 10% above the ratio at 300 (quick: 300 against 50, for the
  // trend only). One-sided: a ratio that falls is start-up (workers, the annexes' fixed sheets) spread over more
  // files, not a cost growing faster than N; the wall time each added file costs, between successive sizes, is
  // printed beside it to show the slope itself.
  const ns = sizes.filter((n) => byN[n]?.consolidate);
  const slopes = (name) =>
    ns.slice(1).map((n, i) => {
      const [a, b] = [byN[ns[i]][name], byN[n][name]];
      return {
        from: ns[i],
        to: n,
        wallMsPerFile: a.wallMs && b.wallMs ? round((b.wallMs - a.wallMs) / (n - ns[i]), 2) : null,
      };
    });
  const [from, to] = byN[300] && byN[3000] ? [300, 3000] : [ns[0], ns[ns.length - 1]];
  if (from !== undefined && to !== undefined && from !== to)
    for (const name of ['consolidate', 'validate']) {
      const [a, b] = [byN[from][name], byN[to][name]];
      const change = a.ratio === null || b.ratio === null ? null : b.ratio / a.ratio - 1;
      print({
        figure: 'scaling',
        operation: name,
        from,
        to,
        ratioFrom: round(a.ratio, 2),
        ratioTo: round(b.ratio, 2),
        change: round(change, 3),
        cpuPerFileFromMs: a.cpuMs === null ? null : round(a.cpuMs / from),
        cpuPerFileToMs: b.cpuMs === null ? null : round(b.cpuMs / to),
        slopes: slopes(name),
        target: 'ratio at 3,000 at most 10% above the ratio at 300',
        met: from === 300 && to === 3000 ? change !== null && change <= 0.1 : null,
      });
    }

  // fn start-up against bare node, alternating.
  const fnRuns = [];
  const nodeRuns = [];
  for (let k = 0; k < FN_RUNS; k++) {
    nodeRuns.push(await measure(['-e', '0']));
    fnRuns.push(await measure([bin, 'fn', 'DX_RATE', '1', '2']));
  }
  const fnS = summarise(fnRuns);
  const nodeS = summarise(nodeRuns);
  const fnRatio = fnS.wallMs / nodeS.wallMs;
  const fnLine = {
    figure: 'fn-startup',
    command: 'node bin/dx-report fn DX_RATE 1 2',
    against: 'node -e 0',
    runs: FN_RUNS,
    fnWallMs: fnS.wallMs,
    nodeWallMs: nodeS.wallMs,
    ratio: round(fnRatio, 2),
    fnCpuMs: fnS.cpuMs,
    nodeCpuMs: nodeS.cpuMs,
    cpuRatio: round(fnS.cpuMs / nodeS.cpuMs, 2),
    fnMaxRssMB: fnS.maxRssMB,
    nodeMaxRssMB: nodeS.maxRssMB,
    codes: fnS.codes,
    target: '≤ 2 × bare node',
    met: fnRatio <= 2,
  };
  print(fnLine);

  // Host calls per operation: the budget table the stand-in tests hold the product to.
  const hc = spawnSync(process.execPath, [path.join(__dirname, 'host-calls.js'), root], { encoding: 'utf8' });
  const hostLines = hc.stdout.split('\n').filter(Boolean);
  if (hc.status === 0 && hostLines.length) for (const l of hostLines) print(JSON.parse(l));
  else
    print({
      figure: 'host-calls',
      skipped: (hc.stderr || hc.stdout || 'no output').trim().split('\n').slice(-3).join(' | '),
    });

  // DX_RATE over 10,000 and 1,000,000 cells.
  if (!argv.includes('--skip-rate')) {
    const r = spawnSync(
      process.execPath,
      [path.join(__dirname, 'rate.js'), root, '10000', '1000000', ...(quick ? ['--quick'] : [])],
      {
        encoding: 'utf8',
      },
    );
    if (r.status !== 0) print({ figure: 'DX_RATE', skipped: r.stderr.trim().split('\n').slice(-3).join(' | ') });
    for (const l of r.stdout.split('\n').filter(Boolean)) print({ figure: 'DX_RATE', ...JSON.parse(l) });
  }

  // The targets, each with its figure.
  const at = (n, name) => byN[n]?.[name];
  const scalingLine = lines.find(
    (l) => l.figure === 'scaling' && l.operation === 'consolidate' && l.from === 300 && l.to === 3000,
  );
  const peaks = sizes
    .filter((n) => at(n, 'consolidate')?.maxRssMB !== null && at(n, 'consolidate'))
    .map((n) => at(n, 'consolidate').maxRssMB);
  // undefined: not measured in this mode (met null); null: measured but did not finish (met false).
  const crashed = sizes.flatMap((n) => (at(n, 'consolidate')?.failed ?? []).map((f) => `N=${n}: ${f}`));
  const failedAt = (n, name) => at(n, name)?.failed?.join('; ');
  const targets = [
    ['consolidate 3,000 ≤ 1.5 × floor', at(3000, 'consolidate')?.ratio, (v) => v <= 1.5, failedAt(3000, 'consolidate')],
    [
      'consolidate peak memory ≤ 400 MB at any N',
      peaks.length ? Math.max(...peaks) : undefined,
      (v) => v <= 400 && !crashed.length,
      crashed.length ? crashed.join('; ') : undefined,
    ],
    ['consolidate ratio at 3,000 at most 10% above ratio at 300', scalingLine?.change, (v) => v <= 0.1],
    ['validate 3,000 ≤ 1.5 × floor', at(3000, 'validate')?.ratio, (v) => v <= 1.5, failedAt(3000, 'validate')],
    ['dx-report fn ≤ 2 × bare node start', fnRatio, (v) => v <= 2],
  ].map(([target, v, ok, failed]) => ({
    target,
    value: v === undefined ? null : round(v, 3),
    met: v === undefined ? null : v !== null && ok(v),
    ...(failed ? { failed } : {}),
  }));
  print({
    figure: 'targets',
    targets,
    benchWallMs: round(sinceStart()),
    loadavgEnd: os.loadavg().map((x) => round(x, 2)),
  });
  fs.rmSync(WORK, { recursive: true, force: true });

  // For people: a table on stderr.
  const t = [];
  const row = (...c) => t.push(c.map(String));
  row('figure', 'N', 'wall ms', 'CPU ms', 'peak MB', '× floor (wall)', '× floor (CPU)');
  for (const n of sizes) {
    const b = byN[n];
    if (!b) continue;
    row('floor', n, b.floor.wallMs, b.floor.cpuMs, b.floor.maxRssMB, '', '');
    for (const name of ['consolidate', 'validate'])
      row(
        name,
        n,
        b[name].wallMs,
        b[name].cpuMs,
        b[name].maxRssMB,
        round(b[name].ratio, 2),
        round(b[name].cpuRatio, 2),
      );
  }
  row('fn start', '', fnS.wallMs, fnS.cpuMs, fnS.maxRssMB, `${round(fnRatio, 2)} × node`, '');
  row('node -e 0', '', nodeS.wallMs, nodeS.cpuMs, nodeS.maxRssMB, '', '');
  for (const l of lines.filter((x) => x.figure === 'DX_RATE' && x.cells))
    row(`DX_RATE`, l.cells, l.medianMs, '', '', `${l.cellsPerSecond.toLocaleString('en-US')} cells/s`, '');
  const w = t[0].map((_, i) => Math.max(...t.map((r) => r[i].length)));
  process.stderr.write(`\n${t.map((r) => r.map((c, i) => c.padEnd(w[i])).join('  ')).join('\n')}\n`);
  for (const x of targets)
    process.stderr.write(
      `${x.met === null ? '  —' : x.met ? ' OK' : 'NOT'}  ${x.target}: ${x.failed ?? x.value ?? 'not measured in this mode'}\n`,
    );
  process.stderr.write(
    `bench: ${round(sinceStart() / 1000)} s; load average ${os
      .loadavg()
      .map((x) => x.toFixed(2))
      .join(' ')} on ${cpus.length} CPUs\n`,
  );
}

main().catch((e) => {
  process.stderr.write(`${e.stack}\n`);
  process.exit(1);
});
