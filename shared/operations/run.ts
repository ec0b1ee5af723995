/**
 * Operations are written once as generators that yield host calls. Office.js
 * and ExcelJS answer with promises (runAsync); Apps Script answers at once and
 * google.script.run needs a plain return value, not a promise (runSync).
 */
import { HostModeError } from '../errors/errors';

export type Op<T> = Generator<unknown, T, unknown>;

function isThenable(x: unknown): x is PromiseLike<unknown> {
  return typeof x === 'object' && x !== null && typeof (x as { then?: unknown }).then === 'function';
}

export function runSync<T>(op: Op<T>): T {
  let step = op.next();
  while (!step.done) {
    if (isThenable(step.value)) throw new HostModeError();
    step = op.next(step.value);
  }
  return step.value;
}

export async function runAsync<T>(op: Op<T>): Promise<T> {
  let step = op.next();
  while (!step.done) step = op.next(await step.value);
  return step.value;
}
