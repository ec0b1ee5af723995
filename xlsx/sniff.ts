/**
 * What a file is, from its first bytes (never from its name): a zip goes on to be read as a workbook;
 * everything else is refused with its own named error and a fix (shared/errors/errors.ts).
 */
import {
  EmptyFileError,
  EncryptedWorkbookError,
  NotWorkbookError,
  OdsError,
  OldXlsError,
  TextFileError,
} from '../shared/errors/errors';
import { TextKind } from '../shared/errors/messages';

const startsWith = (data: Uint8Array, bytes: number[], at = 0) =>
  data.length >= at + bytes.length && bytes.every((b, i) => data[at + i] === b);

/** OLE2 compound file (Excel 97–2003, and the wrapper of an encrypted .xlsx). */
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** Other formats people send for a report, by their magic bytes. */
const OTHER: Array<[number[], string]> = [
  [[0x25, 0x50, 0x44, 0x46], 'tệp PDF'],
  [[0x89, 0x50, 0x4e, 0x47], 'hình ảnh PNG'],
  [[0xff, 0xd8, 0xff], 'hình ảnh JPEG'],
  [[0x47, 0x49, 0x46, 0x38], 'hình ảnh GIF'],
  [[0x52, 0x61, 0x72, 0x21], 'tệp nén RAR'],
  [[0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], 'tệp nén 7z'],
  [[0x1f, 0x8b], 'tệp nén gzip'],
];

/** "EncryptionInfo" as a compound file's directory stores a name: UTF-16LE, with its terminating zero. */
const ENCRYPTION_INFO = Array.from('EncryptionInfo\0').flatMap((ch) => [ch.charCodeAt(0), 0]);

/**
 * Does this compound file hold an `EncryptionInfo` stream (MS-OFFCRYPTO: how Excel saves a workbook with a
 * password)? Directory entries are 128 bytes and start at multiples of 128 in the file (sectors are 512 or
 * 4096 bytes, after a header of one sector), so each such offset is tried as an entry: its name, the name's
 * length in bytes (30) and its type (2, a stream).
 */
export function isEncryptedOle(data: Uint8Array): boolean {
  for (let at = 512; at + 128 <= data.length; at += 128) {
    if (data[at] !== 0x45 || data[at + 64] !== ENCRYPTION_INFO.length || data[at + 65] !== 0) continue;
    if (data[at + 66] === 2 && startsWith(data, ENCRYPTION_INFO, at)) return true;
  }
  return false;
}

/** Text, or a binary format: no NUL byte and almost no control characters in the first bytes. */
function textKind(data: Uint8Array): TextKind | 'ods' | null {
  const head = data.subarray(0, 8192);
  const utf16 = startsWith(head, [0xff, 0xfe]) || startsWith(head, [0xfe, 0xff]);
  let controls = 0;
  if (!utf16)
    for (const b of head) {
      if (b === 0) return null;
      if (b < 9 || (b > 13 && b < 32)) controls++;
    }
  if (controls > head.length / 100) return null;
  const text = utf16
    ? String.fromCharCode(...Array.from(head.subarray(2)).filter((b) => b !== 0))
    : String.fromCharCode(...head);
  const start = text
    .replace(/^\uFEFF|^\xEF\xBB\xBF/, '')
    .trimStart()
    .toLowerCase();
  if (start.includes('urn:oasis:names:tc:opendocument')) return 'ods';
  if (/^<!doctype html|^<html|<table[\s>]/.test(start)) return 'html';
  if (start.startsWith('<')) return 'xml';
  const lines = start.split(/\r?\n/).filter((l) => l.trim() !== '');
  if (lines.length && lines.slice(0, 5).every((l) => /[,;\t]/.test(l))) return 'csv';
  return 'text';
}

/**
 * Says what the bytes are when they are not a zip, by throwing its named error; returns when they are a zip
 * (the workbook checks go on in package.ts).
 */
export function expectZip(data: Uint8Array, file: string): void {
  if (data.length === 0) throw new EmptyFileError(file);
  // Local file header, or the end record of a zip with no entries.
  if (startsWith(data, [0x50, 0x4b, 0x03, 0x04]) || startsWith(data, [0x50, 0x4b, 0x05, 0x06])) return;
  if (startsWith(data, OLE2)) throw isEncryptedOle(data) ? new EncryptedWorkbookError(file) : new OldXlsError(file);
  const other = OTHER.find(([magic]) => startsWith(data, magic));
  if (other) throw new NotWorkbookError(file, other[1]);
  const text = textKind(data);
  if (text === 'ods') throw new OdsError(file);
  if (text) throw new TextFileError(file, text);
  throw new NotWorkbookError(file);
}
