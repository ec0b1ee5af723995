import { FormulaCase } from '../cases/formulas';

/** A host's answer reduced to what the case table states: a value, or an error code. */
export type Observed = { value: unknown } | { error: string };

export function checkCase(c: FormulaCase, observed: Observed): void {
  const label = `${c.fn}(${c.args.map((a) => JSON.stringify(a)).join('; ')}) — ${c.why}`;
  if ('error' in c.expect) {
    expect({ label, observed }).toEqual({ label, observed: { error: c.expect.error } });
    return;
  }
  expect({ label, kind: 'value' in observed ? 'value' : observed.error }).toEqual({ label, kind: 'value' });
  const got = (observed as { value: unknown }).value;
  if (typeof c.expect.value === 'number') {
    expect(typeof got).toBe('number');
    expect(Math.abs((got as number) - c.expect.value)).toBeLessThan(1e-12);
  } else {
    expect({ label, got }).toEqual({ label, got: c.expect.value });
  }
}
