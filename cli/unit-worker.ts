/**
 * A worker thread of cli/units.ts: prepares once (mappings, master, matcher), then reads the files it is given
 * one at a time and posts back each outcome, plain data, with the file's index.
 */
import { parentPort, workerData } from 'worker_threads';
import { describeError } from '../shared/errors/describe';
import { prepare, UnitJob, UnitOutcome, workOn } from './units';

const ready = prepare(workerData as UnitJob);
parentPort!.on('message', (m: { index: number; file: string }) => {
  void ready
    .then(
      (p) => workOn(m.file, p),
      (e): UnitOutcome => ({ file: m.file, unreadable: describeError(e), input: false }),
    )
    .then((outcome) => parentPort!.postMessage({ index: m.index, outcome }));
});
