#!/usr/bin/env node
/*
 * Writes the formulas' host wrappers from their one source, the catalogue in shared/formulas/catalog.ts:
 *   addin/functions/functions.ts           Excel (custom-functions-metadata-plugin reads its JSDoc and types)
 *   appsscript/server/custom-functions.ts  Google Sheets (the DX_ globals whose JSDoc carries @customfunction)
 *
 *   npm run gen:formulas                      compiles the catalogue (npm run build:cli), then writes both files
 *   node scripts/gen-formulas.js [--check]    the same from dist/cli; --check writes nothing, exits 1 on a difference
 *
 * Plain Node on purpose (no ts-node): it reads the compiled catalogue, dist/cli/shared/formulas/catalog.js.
 * tests/formulas.generated.test.ts runs generate() on the TypeScript catalogue and fails on any difference.
 * The text written is already as prettier (.prettierrc.json, width 120) lays it out.
 */
const fs = require('fs');
const path = require('path');

const ROOT = path.join(__dirname, '..');
const COMMAND = 'npm run gen:formulas';
const EXCEL = 'addin/functions/functions.ts';
const SHEETS = 'appsscript/server/custom-functions.ts';
const WIDTH = 120;

const HEADER = [
  ' * Generated from shared/formulas/catalog.ts by scripts/gen-formulas.js — do not edit: change the catalogue,',
  ` * then run \`${COMMAND}\` (tests/formulas.generated.test.ts fails while this file differs).`,
];

/** `head(a, b): tail` on one line when it fits, else one item a line, as prettier writes it. */
function fit(indent, head, items, tail) {
  const line = `${indent}${head}(${items.join(', ')})${tail}`;
  if (line.length <= WIDTH) return [line];
  return [`${indent}${head}(`, ...items.map((item) => `${indent}  ${item},`), `${indent})${tail}`];
}

/** `RATE_OK` → `rateOk`: the wrapper's name in functions.ts (Excel calls it by its id). */
function camel(id) {
  return id.toLowerCase().replace(/_([a-z])/g, (_, c) => c.toUpperCase());
}

/** Excel's TypeScript type for a parameter or a result: the metadata plugin maps unknown to "any", T[][] to a matrix. */
function excelType({ shape, types }, isResult) {
  if (shape !== 'cell') return 'unknown[][]';
  if (types.length === 1 && types[0] !== 'Date') return types[0];
  return isResult ? 'number | string | boolean' : 'unknown';
}

/**
 * Apps Script's JSDoc `{type}`: the cell's types, and `Array<Array<…>>` where a range is taken
 * (`Array<Array<*>>` when a cell may hold several types, so the line stays within 120 characters).
 */
function sheetsType({ shape, types }) {
  const cell = types.join('|');
  if (shape === 'cell') return cell;
  const inner = types.length > 1 ? '*' : cell;
  if (shape === 'range') return `Array<Array<${inner}>>`;
  return `${cell}|Array<Array<${inner}>>`;
}

/** The arguments handed to the core: an omitted optional argument is null, as the core expects. */
function callArgs(spec) {
  return [`'${spec.name}'`, ...spec.params.map((p) => (p.optional ? `${p.name} ?? null` : p.name))];
}

function excelFunction(spec) {
  const name = camel(spec.excelId);
  const params = spec.params.map((p) => `${p.name}${p.optional ? '?' : ''}: ${excelType(p, false)}`);
  const result = excelType(spec.returns, true);
  const cell = spec.returns.shape === 'cell';
  const cast = cell && result !== 'number | string | boolean' ? ` as ${result}` : '';
  return [
    '/**',
    ` * ${spec.vi}`,
    ` * @customfunction ${spec.excelId}`,
    ...spec.params.map((p) => ` * @param ${p.optional ? `[${p.name}]` : p.name} ${p.vi}`),
    ` * @returns ${spec.returns.vi}`,
    ' */',
    ...fit('', `export function ${name}`, params, `: ${result} {`),
    ...fit('  ', `return ${cell ? 'excelValue' : 'excelRange'}`, callArgs(spec), `${cast};`),
    '}',
  ];
}

function sheetsFunction(spec) {
  const params = spec.params.map((p) => `${p.name}${p.optional ? '?' : ''}: unknown`);
  return [
    '/**',
    ` * ${spec.vi}`,
    ...spec.params.map((p) => ` * @param {${sheetsType(p)}} ${p.optional ? `[${p.name}]` : p.name} ${p.vi}`),
    ` * @return ${spec.returns.vi}`,
    ' * @customfunction',
    ' */',
    ...fit('', `global.${spec.name} = function `, params, ' {'),
    ...fit('  ', 'return sheetsFormula', callArgs(spec), ';'),
    '};',
  ];
}

/** The header, the max-len directive with its reason, then the statements, a blank line apart. */
/*
 * Each description stays on one JSDoc line (the metadata plugin would keep a line break in
 * functions.json, and Sheets reads the line as it is), so the catalogue's texts are kept short
 * enough for the house width of 120: lint fails on a longer line here as anywhere in addin/.
 */
function file(intro, statements) {
  const head = ['/*', ...HEADER, ' *', ...intro, ' */'].join('\n');
  return [head, ...statements].join('\n\n') + '\n';
}

function excelFile(formulas) {
  return file(
    [
      ' * Excel custom functions (namespace DX, so cells read =DX.RATE(...)).',
      ' * custom-functions-metadata-plugin reads these JSDoc blocks and the TypeScript types to write',
      ' * functions.json (unknown[][]: a matrix of any values; unknown: one value of any type) and appends',
      ' * the CustomFunctions.associate calls; each wrapper only hands cells to the shared core and turns',
      " * its errors into Excel's.",
    ],
    ["import { excelRange, excelValue } from './to-excel';", ...formulas.map((spec) => excelFunction(spec).join('\n'))],
  );
}

function sheetsFile(formulas) {
  return file(
    [
      ' * The DX_ custom functions of Google Sheets. gas-webpack-plugin writes a top-level `function DX_…(){}` stub',
      ' * with the JSDoc of each `global.DX_… = …` below into Code.js; Sheets reads @customfunction, the parameters',
      ' * and their descriptions from it. main.ts requires this file so that it stays a module of its own: the',
      ' * plugin writes the stubs of such a module, not those of a module webpack concatenates into another.',
    ],
    [
      "import { sheetsFormula } from './to-sheets';",
      'declare const global: Record<string, unknown>;',
      ...formulas.map((spec) => sheetsFunction(spec).join('\n')),
    ],
  );
}

/** The two files, by path from the repository root, for the catalogue's FORMULAS. */
function generate(formulas) {
  return { [EXCEL]: excelFile(formulas), [SHEETS]: sheetsFile(formulas) };
}

module.exports = { generate, COMMAND };

if (require.main === module) {
  const compiled = path.join(ROOT, 'dist', 'cli', 'shared', 'formulas', 'catalog.js');
  if (!fs.existsSync(compiled)) {
    console.error(`${path.relative(ROOT, compiled)} is missing: run \`npm run build:cli\` first (or \`${COMMAND}\`).`);
    process.exit(2);
  }
  const check = process.argv.includes('--check');
  let differs = false;
  for (const [rel, text] of Object.entries(generate(require(compiled).FORMULAS))) {
    const target = path.join(ROOT, rel);
    const same = fs.existsSync(target) && fs.readFileSync(target, 'utf8') === text;
    if (!same && !check) fs.writeFileSync(target, text);
    differs = differs || !same;
    console.log(`${same ? 'unchanged' : check ? 'differs  ' : 'written  '} ${rel}`);
  }
  if (check && differs) process.exit(1);
}
