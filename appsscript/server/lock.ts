/*
 * Two people pressing Kiểm tra, Hoàn thành or Tổng hợp on one spreadsheet at once: each write takes the
 * document lock (https://developers.google.com/apps-script/reference/lock/lock-service#getDocumentLock()),
 * waits up to 10 s for the other to finish, and otherwise stops with BusyError before touching anything.
 */
import { BusyError } from '../../shared/errors/errors';

/** How long a second user waits for the first (Lock.tryLock takes milliseconds). */
export const LOCK_WAIT_MS = 10000;

/** Runs `work` holding the spreadsheet's document lock; the lock is released however `work` ends. */
export function withDocumentLock<T>(work: () => T): T {
  // Apps Script always has LockService; a harness that loads Code.js without it runs the work unlocked.
  if (typeof LockService === 'undefined') return work();
  // getDocumentLock is null outside a container-bound context (an add-on's own project run from the editor).
  const lock = LockService.getDocumentLock() ?? LockService.getScriptLock();
  if (!lock.tryLock(LOCK_WAIT_MS)) throw new BusyError();
  try {
    return work();
  } finally {
    // Pending writes reach the spreadsheet before the next holder reads it.
    SpreadsheetApp.flush();
    lock.releaseLock();
  }
}
