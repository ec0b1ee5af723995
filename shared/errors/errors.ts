/*
 * What the ports and operations throw, as named classes: a pane, the sidebar or
 * the command line tells them apart with `instanceof` and shows the one
 * Vietnamese sentence `messages.ts` gives each, instead of matching strings.
 */
import { ERROR_MESSAGES, ErrorCode, ErrorValues } from './messages';

/** The product's own errors: a code, the values the message quotes, and that message. */
export class DxError<C extends ErrorCode = ErrorCode> extends Error {
  constructor(
    readonly code: C,
    readonly values: ErrorValues[C],
  ) {
    super((ERROR_MESSAGES[code] as (v: ErrorValues[C]) => string)(values));
    this.name = new.target.name;
  }
}

/** A sheet the write would create is already there and is not the product's to replace. */
export class SheetExistsError extends DxError<'sheet-exists'> {
  constructor(sheets: string[], where: 'tệp' | 'bảng tính' = 'bảng tính') {
    super('sheet-exists', { sheets, where });
  }
}

/** Annex names taken by sheets the product did not make (not listed in DX_SoHuu). */
export class NotOwnedError extends DxError<'not-owned'> {
  constructor(sheets: string[]) {
    super('not-owned', { sheets });
  }
}

/** The user stopped a long run before its one write. */
export class CancelledError extends DxError<'cancelled'> {
  constructor() {
    super('cancelled', {});
  }
}

/** A unit name that is not in the registry (with the nearest registered name, when there is one). */
export class UnknownUnitError extends DxError<'unknown-unit'> {
  constructor(name: string, suggestion?: string) {
    super('unknown-unit', { name, suggestion });
  }
}

/** A period written in a way the product cannot read. */
export class UnreadablePeriodError extends DxError<'unreadable-period'> {
  constructor(text: string) {
    super('unreadable-period', { text });
  }
}

/** A sheet named by the user or a saved mapping is not in the workbook. */
export class MissingSheetError extends DxError<'missing-sheet'> {
  constructor(sheet: string) {
    super('missing-sheet', { sheet });
  }
}

/** A synchronous host (Apps Script) was handed an asynchronous step. */
export class HostModeError extends DxError<'host-mode'> {
  constructor() {
    super('host-mode', {});
  }
}

/** Nothing was received and no period was asked for, and the host gave no date to fall back on. */
export class NoPeriodError extends DxError<'no-period'> {
  constructor() {
    super('no-period', {});
  }
}

/** DX_CauHinh has rows that cannot be read: each with its cell, none silently dropped. */
export class ConfigError extends DxError<'config'> {
  constructor(
    sheet: string,
    readonly issues: Array<{ sheet: string; cell: string; message: string }>,
  ) {
    super('config', { sheet, issues });
  }
}

/** Someone else holds the spreadsheet's lock (Google Sheets: LockService) for longer than the wait. */
export class BusyError extends DxError<'busy'> {
  constructor() {
    super('busy', {});
  }
}

/** Thrown when an error is one of ours; anything else (a host's, a library's) is passed on as it is. */
export function isDxError(e: unknown): e is DxError {
  return e instanceof DxError;
}
