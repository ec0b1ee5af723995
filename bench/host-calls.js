'use strict';
/**
 * Host calls per operation: the budget table of tests/helpers/host-budgets.ts (HOST_BUDGETS, measured on the
 * Office.js and Apps Script stand-ins and held by tests/host-budgets.test.ts), one JSON line per row, with the
 * count it allows at its two sizes. The TypeScript is compiled on the fly (typescript's transpileModule, no type
 * check). Exits 3 with a reason on stderr when the table is not there.
 *
 *   node bench/host-calls.js ROOT
 */
const fs = require('fs');
const path = require('path');

const root = path.resolve(process.argv[2] ?? path.join(__dirname, '..'));
const table = path.join(root, 'tests', 'helpers', 'host-budgets.ts');
if (!fs.existsSync(table)) {
  process.stderr.write(`no ${path.relative(root, table)} in ${root}\n`);
  process.exit(3);
}
const ts = require(require.resolve('typescript', { paths: [root] }));
require.extensions['.ts'] = (module, filename) => {
  const out = ts.transpileModule(fs.readFileSync(filename, 'utf8'), {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020, esModuleInterop: true },
    fileName: filename,
  });
  module._compile(out.outputText, filename);
};
const { HOST_BUDGETS, budgetAt } = require(table);
if (!Array.isArray(HOST_BUDGETS) || !HOST_BUDGETS.length) {
  process.stderr.write('HOST_BUDGETS is empty\n');
  process.exit(3);
}
for (const b of HOST_BUDGETS) {
  const [small, large] = b.sizes;
  const at = budgetAt ?? ((x, n) => x.constant + x.perSize * n);
  process.stdout.write(
    `${JSON.stringify({
      figure: 'host-calls',
      operation: b.operation,
      step: b.step ?? '(whole operation)',
      host: b.host,
      counts: b.counts,
      size: b.size,
      constant: b.constant,
      perSize: b.perSize,
      [`at${small}`]: at(b, small),
      [`at${large}`]: at(b, large),
      ...(b.defect ? { defect: b.defect } : {}),
      source: 'tests/helpers/host-budgets.ts (budgets as measured on the stand-ins)',
    })}\n`,
  );
}
