'use strict';
/**
 * Generated unit workbooks for the benchmark: N distinct units of today's map (dvhc-2025, 3,321 communes, wards
 * and special zones), each a workbook made from the product's own template (createTemplate, as `dx-report
 * template` makes it) and filled with plausible figures for one month, the way samples/generate.ts fills the
 * sample city, through its exported `fill` on the compiled build.
 *
 * Cache: <os.tmpdir()>/dx-bench/<hash>/pool/ holds one file per unit (unit i is the same file whatever N asked
 * for it), <hash>/N/ holds hard links to the first N of them, <hash>/registry-N.json the registry of those N
 * units (passed with --registry). <hash> is of GENERATOR (bump it when the files made here change) and the
 * template's TEMPLATE_VERSION: a new generator or template version makes new files, a rerun reuses them.
 *
 *   node bench/generate.js N [--root DIR]     make (or find) the set of N, print its folder
 *   (internal) node bench/generate.js --worker ROOT POOL FROM TO
 */
const crypto = require('crypto');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { fork } = require('child_process');

const GENERATOR = 1;
const MONTH = '2025-10';
const REPORT_DAY = [2025, 10, 5]; // Date.UTC month index: 5–12 November 2025

const dist = (root, p) => path.join(root, 'dist', 'cli', p);

function cacheBase(root) {
  const { TEMPLATE_VERSION } = require(dist(root, 'shared/templates/version.js'));
  const h = crypto.createHash('sha256').update(`${GENERATOR} ${TEMPLATE_VERSION} ${MONTH}`).digest('hex').slice(0, 10);
  return path.join(os.tmpdir(), 'dx-bench', h);
}

/**
 * Today's communes of the 34 provinces, taken in turn from each province (a set of 50 spans the country), each
 * under its official code. The 245 names that two provinces share get the province's name after them, so every
 * unit is distinct by name as well as by code (a registry refuses a repeated name).
 */
function nationalUnits(root) {
  const { DVHC_2025 } = require(dist(root, 'shared/registry/data/dvhc-2025.js'));
  const { toneKey } = require(dist(root, 'shared/text/fold.js'));
  const count = new Map();
  for (const p of DVHC_2025) for (const u of p.units) count.set(toneKey(u[1]), (count.get(toneKey(u[1])) ?? 0) + 1);
  const short = (name) => name.replace(/^(Tỉnh|Thành phố)\s+/u, '');
  const queues = DVHC_2025.map((p) =>
    p.units.map(([code, name, kind]) => ({
      code,
      name: count.get(toneKey(name)) > 1 ? `${name} (${short(p.name)})` : name,
      group: 'ubnd-xa-phuong',
      parent: p.code,
      aliases: [],
      kind,
      validFrom: '2025-07-01',
    })),
  );
  const out = [];
  for (let i = 0; out.length < 3321; i++) for (const q of queues) if (i < q.length) out.push(q[i]);
  return out;
}

/** mulberry32, as samples/generate.ts. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A commune's month, in the ranges of the sample city's wards; every figure consistent (validate finds no error). */
function figures(index) {
  const rnd = random(20251031 + index * 7919);
  const r = (lo, hi) => Math.round(lo + rnd() * (hi - lo));
  const online = r(80, 900);
  const eid = r(1500, 9000);
  const total = r(300, 2500);
  const withResult = Math.round(total * (0.6 + rnd() * 0.3));
  const received = r(200, 2000);
  const late = r(0, 12);
  const onTime = received - late - r(0, 5);
  const fbOnTime = r(0, 6);
  const fbLate = r(0, 2);
  return {
    T1: {
      'CQS.HSTT': { numerator: online, denominator: online + r(50, 900) },
      'XHS.DDDT': { numerator: eid, denominator: eid + r(2000, 9000) },
    },
    T2: { '#1': { sentOn: r(150, 900), receivedOn: r(400, 2500), sentOff: 0, receivedOff: 0 } },
    T3a: {
      '#1': { dossiers: total, withResult, signed: Math.round(withResult * (0.3 + rnd() * 0.5)), archived: r(0, 120) },
    },
    T3b: { '#1': { received, onTime, late, inProcess: received - onTime - late } },
    T4: {
      '#1': {
        received: fbOnTime + fbLate,
        resolved: fbOnTime + fbLate,
        resolvedOnTime: fbOnTime,
        resolvedLate: fbLate,
        inProcess: 0,
        inProcessOnTime: 0,
        inProcessLate: 0,
      },
    },
    T6a: { '#1': { issued: 'X', document: `Kế hoạch số ${r(10, 300)}/KH-UBND` } },
    day: 5 + Math.floor(rnd() * 8),
  };
}

const fileName = (i, u) => `${String(i + 1).padStart(4, '0')} ${u.code} ${u.name}.xlsx`;

async function makeRange(root, pool, from, to) {
  const m = {
    ...require(dist(root, 'shared/operations/create-template.js')),
    ...require(dist(root, 'shared/reading/unit-workbook.js')),
    ...require(dist(root, 'shared/workbook/sheet-spec.js')),
    ...require(dist(root, 'shared/registry/match.js')),
    ...require(dist(root, 'shared/registry/schema.js')),
    ...require(dist(root, 'xlsx/workbook.js')),
    ...require(dist(root, 'samples/generate.js')),
  };
  const units = nationalUnits(root);
  const matcher = new m.UnitMatcher([m.Registry.parse({ code: 'VN', name: 'Cả nước', units })]);
  for (let i = from; i < to; i++) {
    const u = units[i];
    const file = path.join(pool, fileName(i, u));
    if (fs.existsSync(file)) continue;
    const book = new m.XlsxWorkbook();
    await m.createTemplate(book, { unit: u.name, period: MONTH, preparer: 'Cán bộ phụ trách CĐS', matcher });
    const { day, ...cells } = figures(i);
    const d = new Date(Date.UTC(REPORT_DAY[0], REPORT_DAY[1], day));
    // samples/generate.ts's own fill: the template read back, each figure typed into its table's cell.
    await m.fill(book, cells, {
      reportDate: d,
      completedAt: `${String(day).padStart(2, '0')}/11/2025 16:30`,
    });
    const tmp = `${file}.${process.pid}.tmp`;
    await book.save(tmp);
    fs.renameSync(tmp, file);
  }
}

/**
 * The folder of N generated workbooks and its registry, made where missing with `workers` processes.
 * Returns { dir, registry, generatedMs, generated } (generated: how many files this call wrote).
 */
async function ensureSet(root, n, workers = Math.max(1, os.availableParallelism?.() ?? os.cpus().length)) {
  const base = cacheBase(root);
  const pool = path.join(base, 'pool');
  const dir = path.join(base, String(n));
  const registry = path.join(base, `registry-${n}.json`);
  fs.mkdirSync(pool, { recursive: true });
  const units = nationalUnits(root);
  if (n > units.length) throw new Error(`at most ${units.length} units`);
  const missing = [];
  for (let i = 0; i < n; i++) if (!fs.existsSync(path.join(pool, fileName(i, units[i])))) missing.push(i);
  const t0 = process.hrtime.bigint();
  if (missing.length) {
    const k = Math.min(workers, Math.ceil(missing.length / 25));
    const lo = missing[0];
    const per = Math.ceil((n - lo) / k);
    await Promise.all(
      Array.from({ length: k }, (_, w) => {
        const from = lo + w * per;
        const to = Math.min(n, from + per);
        return new Promise((resolve, reject) => {
          const c = fork(path.join(__dirname, 'generate.js'), ['--worker', root, pool, String(from), String(to)], {
            stdio: 'inherit',
          });
          c.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`generator worker exited ${code}`))));
        });
      }),
    );
  }
  const generatedMs = Number(process.hrtime.bigint() - t0) / 1e6;
  if (!fs.existsSync(dir) || fs.readdirSync(dir).filter((f) => f.endsWith('.xlsx')).length !== n) {
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(dir, { recursive: true });
    for (let i = 0; i < n; i++)
      fs.linkSync(path.join(pool, fileName(i, units[i])), path.join(dir, fileName(i, units[i])));
  }
  if (!fs.existsSync(registry))
    fs.writeFileSync(
      registry,
      JSON.stringify({
        code: 'VN-BENCH',
        name: `Ban Chỉ đạo (${n} xã, phường)`,
        units: units.slice(0, n).map((u) => ({ ...u, parent: 'VN-BENCH' })),
      }),
    );
  return { dir, registry, generated: missing.length, generatedMs };
}

module.exports = { ensureSet, cacheBase, MONTH };

if (require.main === module) {
  const argv = process.argv.slice(2);
  if (argv[0] === '--worker') {
    const [, root, pool, from, to] = argv;
    makeRange(root, pool, Number(from), Number(to)).then(
      () => process.exit(0),
      (e) => {
        process.stderr.write(`${e.stack}\n`);
        process.exit(1);
      },
    );
  } else {
    const n = Number(argv[0] ?? 50);
    const ri = argv.indexOf('--root');
    const root = path.resolve(ri >= 0 ? argv[ri + 1] : path.join(__dirname, '..'));
    ensureSet(root, n).then((s) => process.stdout.write(`${JSON.stringify(s)}\n`));
  }
}
