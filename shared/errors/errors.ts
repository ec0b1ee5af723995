/*
 * What the ports and operations throw, as named classes: a pane, the sidebar or
 * the command line tells them apart with `instanceof` and shows the one
 * Vietnamese sentence `messages.ts` gives each, instead of matching strings.
 */
import { ERROR_MESSAGES, ErrorCode, ErrorValues, NotAFileKind, OtherZipKind, TextKind } from './messages';

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

/*
 * Reading a unit's file: what it is, and the limits that keep one bad file from taking a run down
 * (xlsx/open.ts). Each names the file (its base name; "" when the bytes came without one).
 */

/** A directory, a FIFO, a device (/dev/zero) or a socket given as a workbook: refused before any read. */
export class NotAFileError extends DxError<'not-a-file'> {
  constructor(file: string, kind: NotAFileKind) {
    super('not-a-file', { file, kind });
  }
}

/** The file is larger than the limit on what is read. */
export class FileTooLargeError extends DxError<'file-too-large'> {
  constructor(file: string, bytes: number, limit: number) {
    super('file-too-large', { file, bytes, limit });
  }
}

/** The parts of the zip would unpack to more than the limit: in all, or one part (`part`). */
export class UnzippedTooLargeError extends DxError<'unzipped-too-large'> {
  constructor(file: string, bytes: number, limit: number, part?: string) {
    super('unzipped-too-large', { file, bytes, limit, part });
  }
}

/** A large part compressed far beyond what a spreadsheet compresses to: a zip bomb. */
export class CompressionRatioError extends DxError<'zip-ratio'> {
  constructor(file: string, part: string, ratio: number, limit: number) {
    super('zip-ratio', { file, part, ratio, limit });
  }
}

/** The sheets hold more cells (and rows) than the limit, counted before any is loaded. */
export class TooManyCellsError extends DxError<'too-many-cells'> {
  constructor(file: string, cells: number, limit: number) {
    super('too-many-cells', { file, cells, limit });
  }
}

/** One sheet has more merged areas than the limit (loading checks each against all the others). */
export class TooManyMergesError extends DxError<'too-many-merges'> {
  constructor(file: string, merges: number, limit: number) {
    super('too-many-merges', { file, merges, limit });
  }
}

/** Excel 97–2003 (.xls): an OLE2 compound file without an EncryptionInfo stream. */
export class OldXlsError extends DxError<'old-xls'> {
  constructor(file: string) {
    super('old-xls', { file });
  }
}

/** A password-protected workbook: Excel wraps the encrypted .xlsx in an OLE2 file with EncryptionInfo. */
export class EncryptedWorkbookError extends DxError<'encrypted'> {
  constructor(file: string) {
    super('encrypted', { file });
  }
}

/** An OpenDocument spreadsheet (.ods): a zip whose `mimetype` says so. */
export class OdsError extends DxError<'ods'> {
  constructor(file: string) {
    super('ods', { file });
  }
}

/** Text (CSV, HTML saved as "Excel" by a web system, XML) given as a workbook. */
export class TextFileError extends DxError<'text-file'> {
  constructor(file: string, kind: TextKind) {
    super('text-file', { file, kind });
  }
}

/** A zip without xl/workbook.xml: another Office document, an .xlsb, or any archive. */
export class NotWorkbookZipError extends DxError<'zip-not-workbook'> {
  constructor(file: string, kind?: OtherZipKind) {
    super('zip-not-workbook', { file, kind });
  }
}

/** Bytes that are no spreadsheet at all (a PDF, an image, another archive), named when known. */
export class NotWorkbookError extends DxError<'not-a-workbook'> {
  constructor(file: string, kind?: string) {
    super('not-a-workbook', { file, kind });
  }
}

/** A file of 0 bytes. */
export class EmptyFileError extends DxError<'empty-file'> {
  constructor(file: string) {
    super('empty-file', { file });
  }
}

/** A zip cut short or damaged (a download or copy that did not finish). */
export class TruncatedFileError extends DxError<'truncated'> {
  constructor(file: string) {
    super('truncated', { file });
  }
}

/** A well-formed package whose workbook content the reader could not parse (the library's error is `cause`). */
export class UnreadableWorkbookError extends DxError<'workbook-unreadable'> {
  constructor(
    file: string,
    readonly cause?: unknown,
  ) {
    super('workbook-unreadable', { file });
  }
}

/** Thrown when an error is one of ours; anything else (a host's, a library's) is passed on as it is. */
export function isDxError(e: unknown): e is DxError {
  return e instanceof DxError;
}
