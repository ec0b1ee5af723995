'use strict';
/**
 * The floor: what a careful IT officer's streaming script costs on the same files, on one core. For each
 * .xlsx under the folders given (sub-folders too): read the bytes, find the worksheet parts and the shared
 * strings from the zip's central directory, inflate them (zlib.inflateRawSync), and run a SAX pass over the
 * XML that visits every tag, attribute and text (the `sax` package, already in node_modules, with handlers
 * that only count; --parser scan: a minimal tag/attribute/text tokenizer written here instead). Prints
 * {files, bytes, xmlBytes, tags} on stdout. It is not the product's reader: no values, no tables, no checks.
 *
 *   node bench/floor.js DIR... [--parser sax|scan]
 */
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

function* xlsxFiles(p) {
  const st = fs.statSync(p);
  if (st.isFile()) {
    if (p.endsWith('.xlsx')) yield p;
    return;
  }
  for (const e of fs.readdirSync(p).sort()) yield* xlsxFiles(path.join(p, e));
}

const WANTED = /^xl\/(worksheets\/[^/]+\.xml|sharedStrings\.xml)$/;

/** The wanted parts of a zip, inflated, from its central directory. */
function parts(buf) {
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 65535); i--)
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  if (eocd < 0) throw new Error('not a zip');
  const entries = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const out = [];
  for (let k = 0; k < entries; k++) {
    if (buf.readUInt32LE(p) !== 0x02014b50) throw new Error('bad central directory');
    const method = buf.readUInt16LE(p + 10);
    const csize = buf.readUInt32LE(p + 20);
    const nlen = buf.readUInt16LE(p + 28);
    const xlen = buf.readUInt16LE(p + 30);
    const clen = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.toString('utf8', p + 46, p + 46 + nlen);
    p += 46 + nlen + xlen + clen;
    if (!WANTED.test(name)) continue;
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const data = buf.subarray(start, start + csize);
    out.push(method === 8 ? zlib.inflateRawSync(data) : Buffer.from(data));
  }
  return out;
}

let tags = 0;
let attrs = 0;
let texts = 0;

function saxPass(xml) {
  const sax = require('sax');
  const parser = sax.parser(true);
  parser.onopentag = (t) => {
    tags++;
    for (const k in t.attributes) if (k) attrs++;
  };
  parser.ontext = () => texts++;
  parser.onclosetag = () => {};
  parser.write(xml).close();
}

/** A minimal tokenizer: every tag with its attributes, every text between tags. */
const TOKEN = /<([^>]*)>|([^<]+)/g;
const ATTR = /([^\s=/]+)\s*=\s*("[^"]*"|'[^']*')/g;
function scanPass(xml) {
  TOKEN.lastIndex = 0;
  let m;
  while ((m = TOKEN.exec(xml))) {
    if (m[2] !== undefined) {
      texts++;
      continue;
    }
    const c = m[1].charCodeAt(0);
    if (c === 47 /* / */ || c === 63 /* ? */ || c === 33 /* ! */) continue;
    tags++;
    ATTR.lastIndex = 0;
    while (ATTR.exec(m[1])) attrs++;
  }
}

function main(argv) {
  const pi = argv.indexOf('--parser');
  const parser = pi >= 0 ? argv[pi + 1] : 'sax';
  const dirs = argv.filter((a, i) => !a.startsWith('--') && !(pi >= 0 && i === pi + 1));
  const pass = parser === 'scan' ? scanPass : saxPass;
  let files = 0;
  let bytes = 0;
  let xmlBytes = 0;
  for (const d of dirs)
    for (const f of xlsxFiles(d)) {
      const buf = fs.readFileSync(f);
      files++;
      bytes += buf.length;
      for (const part of parts(buf)) {
        xmlBytes += part.length;
        pass(part.toString('utf8'));
      }
    }
  process.stdout.write(`${JSON.stringify({ parser, files, bytes, xmlBytes, tags, attrs, texts })}\n`);
}

main(process.argv.slice(2));
