/*
 * The hosts' formula wrappers are generated from the catalogue (shared/formulas/catalog.ts) by
 * scripts/gen-formulas.js; this runs the generator on the TypeScript catalogue and fails on any
 * difference with the committed files, saying how to regenerate them.
 */
import * as fs from 'fs';
import * as path from 'path';
import { FORMULA_SPECS, FORMULAS, FormulaSpec } from '../shared/formulas/catalog';
import { FormulaSpec as FormulaSpecSchema } from '../shared/formulas/schema';
import { ROOT } from './helpers/hosts';

const generator = require('../scripts/gen-formulas.js') as {
  generate(formulas: FormulaSpec[]): Record<string, string>;
  COMMAND: string;
};

const generated = generator.generate(FORMULAS);

/** Where two texts part, as the two lines a reader needs. */
function firstDifference(committed: string, wanted: string): string {
  const a = committed.split('\n');
  const b = wanted.split('\n');
  const i = a.findIndex((line, k) => line !== b[k]);
  const at = i === -1 ? a.length : i;
  return `line ${at + 1}:\n  committed: ${a[at] ?? '(end of file)'}\n  generated: ${b[at] ?? '(end of file)'}`;
}

test('every spec passes its schema, and the catalogue is what the schema makes of it', () => {
  // The catalogue loads no zod (the command line's start); the schema is checked here instead.
  expect(FORMULAS).toEqual(FORMULA_SPECS.map((s) => FormulaSpecSchema.parse(s)));
  expect(FORMULAS.some((f) => f.params.some((p) => p.optional))).toBe(true);
  expect(() => FormulaSpecSchema.parse({ ...FORMULA_SPECS[0], name: 'RATE' })).toThrow();
});

describe('formula wrappers generated from the catalogue', () => {
  test('the generator writes the Excel wrappers and the Apps Script globals', () => {
    expect(Object.keys(generated).sort()).toEqual([
      'addin/functions/functions.ts',
      'appsscript/server/custom-functions.ts',
    ]);
  });

  test.each(Object.keys(generated))('%s is as generated', (file) => {
    const committed = fs.readFileSync(path.join(ROOT, file), 'utf8');
    if (committed !== generated[file])
      throw new Error(
        `${file} differs from what scripts/gen-formulas.js generates from shared/formulas/catalog.ts, ` +
          `${firstDifference(committed, generated[file])}\n` +
          `Regenerate it with \`${generator.COMMAND}\` (do not edit it by hand).`,
      );
  });

  test.each(Object.keys(generated))('%s starts with the "do not edit" header and documents every formula', (file) => {
    const text = generated[file];
    expect(
      text.startsWith('/*\n * Generated from shared/formulas/catalog.ts by scripts/gen-formulas.js — do not edit'),
    ).toBe(true);
    for (const spec of FORMULAS) {
      expect(text).toContain(` * ${spec.vi}\n`);
      expect(text).toContain(spec.returns.vi);
      for (const p of spec.params) expect(text).toContain(`${p.optional ? `[${p.name}]` : p.name} ${p.vi}\n`);
    }
  });
});
