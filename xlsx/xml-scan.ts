/**
 * A small XML tokenizer over a whole part's text, for the snapshot reader (xlsx/snapshots.ts): tags and text in
 * document order, as a SAX parser (saxes, which ExcelJS uses) reports them, with no tree and no per-node object.
 * Element names are compared as written, prefix included, as ExcelJS compares them. Comments, processing
 * instructions and the doctype are skipped; CDATA sections are skipped too (ExcelJS listens to no CDATA event).
 */

export const TEXT: number = 0;
export const OPEN: number = 1;
export const CLOSE: number = 2;
export const END: number = 3;

/** An XML error as saxes would raise it: the workbook is unreadable. */
export class XmlError extends Error {}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Text as saxes hands it over: entities and character references decoded, line ends made "\n". */
export function decodeText(s: string): string {
  if (s.indexOf('&') < 0 && s.indexOf('\r') < 0) return s;
  let out = s.indexOf('\r') < 0 ? s : s.replace(/\r\n?/g, '\n');
  if (out.indexOf('&') >= 0)
    out = out.replace(/&([^;&\s]*);?/g, (m, e: string) => {
      if (!m.endsWith(';')) throw new XmlError(`unterminated entity ${m}`);
      if (e[0] === '#') {
        const hex = e[1] === 'x';
        const code = parseInt(hex ? e.slice(2) : e.slice(1), hex ? 16 : 10);
        if (!Number.isFinite(code) || code > 0x10ffff) throw new XmlError(`bad character reference ${m}`);
        return String.fromCodePoint(code);
      }
      const v = ENTITIES[e];
      if (v === undefined) throw new XmlError(`undefined entity ${m}`);
      return v;
    });
  return out;
}

/** An attribute value as saxes hands it over: decoded, its literal tabs and line ends made spaces. */
export function decodeAttr(s: string): string {
  let plain = true;
  for (let i = 0; i < s.length && plain; i++) {
    const c = s.charCodeAt(i);
    plain = c !== 38 && c !== 9 && c !== 10 && c !== 13;
  }
  if (plain) return s;
  return decodeText(s.replace(/\r\n|[\t\n\r]/g, ' '));
}

export class XmlScanner {
  pos = 0;
  /** What `next` found: TEXT, OPEN, CLOSE or END. */
  kind = END;
  name = '';
  /** An OPEN tag written `<x/>`: its CLOSE is not reported. */
  selfClosing = false;
  /** The span of an OPEN tag's attributes, or of a TEXT token. */
  start = 0;
  end = 0;

  constructor(
    readonly s: string,
    from = 0,
    readonly limit = s.length,
  ) {
    this.pos = from;
  }

  next(): number {
    const s = this.s;
    for (;;) {
      const at = this.pos;
      if (at >= this.limit) return (this.kind = END);
      if (s.charCodeAt(at) !== 60 /* < */) {
        let lt = s.indexOf('<', at);
        if (lt < 0 || lt > this.limit) lt = this.limit;
        this.start = at;
        this.end = lt;
        this.pos = lt;
        return (this.kind = TEXT);
      }
      const c1 = s.charCodeAt(at + 1);
      if (c1 === 47 /* / */) {
        const gt = s.indexOf('>', at + 2);
        if (gt < 0) throw new XmlError('unclosed end tag');
        this.name = s.slice(at + 2, gt).trim();
        this.pos = gt + 1;
        return (this.kind = CLOSE);
      }
      if (c1 === 33 /* ! */) {
        if (s.startsWith('<!--', at)) this.pos = this.skipTo('-->', at + 4);
        else if (s.startsWith('<![CDATA[', at)) this.pos = this.skipTo(']]>', at + 9);
        else this.pos = this.skipTo('>', at + 2);
        continue;
      }
      if (c1 === 63 /* ? */) {
        this.pos = this.skipTo('?>', at + 2);
        continue;
      }
      // An open tag: its name, then attributes up to the '>' outside quotes.
      let i = at + 1;
      const n = this.limit;
      for (; i < n; i++) {
        const c = s.charCodeAt(i);
        if (c === 62 || c === 47 || c === 32 || c === 9 || c === 10 || c === 13) break;
      }
      this.name = s.slice(at + 1, i);
      if (!this.name) throw new XmlError('empty tag name');
      this.start = i;
      let quote = 0;
      for (; i < n; i++) {
        const c = s.charCodeAt(i);
        if (quote) {
          if (c === quote) quote = 0;
        } else if (c === 34 || c === 39) quote = c;
        else if (c === 62) break;
      }
      if (i >= n) throw new XmlError('unclosed tag');
      this.selfClosing = s.charCodeAt(i - 1) === 47;
      this.end = this.selfClosing ? i - 1 : i;
      this.pos = i + 1;
      return (this.kind = OPEN);
    }
  }

  /** The name of the tag just read (a method, so that no comparison narrows it for the next token). */
  tag(): string {
    return this.name;
  }

  type(): number {
    return this.kind;
  }

  private skipTo(close: string, from: number): number {
    const i = this.s.indexOf(close, from);
    if (i < 0) throw new XmlError(`unclosed ${close}`);
    return i + close.length;
  }

  /** The decoded text of the TEXT token just read. */
  text(): string {
    return decodeText(this.s.slice(this.start, this.end));
  }

  /** The OPEN tag's attributes, decoded. */
  attrs(): Record<string, string> {
    return attributesOf(this.s, this.start, this.end);
  }

  /** Skips the rest of the element whose OPEN tag was just read (nested same-named elements included). */
  skipElement(): void {
    if (this.selfClosing) return;
    const name = this.name;
    // Straight to its end tag when no element of the same name opens before it (the usual case).
    const close = this.s.indexOf(`</${name}`, this.pos);
    if (close >= 0 && close < this.limit) {
      const inner = this.s.indexOf(`<${name}`, this.pos);
      const c = inner >= 0 ? this.s.charCodeAt(inner + name.length + 1) : 0;
      const opens =
        inner >= 0 && inner < close && (c === 62 || c === 47 || c === 32 || c === 9 || c === 10 || c === 13);
      const commented = this.s.lastIndexOf('<!', close) >= this.pos;
      if (!opens && !commented) {
        this.pos = close;
        this.next();
        return;
      }
    }
    let depth = 1;
    while (depth > 0) {
      const k = this.next();
      if (k === END) return;
      if (k === OPEN && !this.selfClosing && this.name === name) depth++;
      else if (k === CLOSE && this.name === name) depth--;
    }
  }
}

/** Attributes of a tag's span (name="value" or name='value'), decoded; the last of a repeated name wins. */
export function attributesOf(s: string, start: number, end: number): Record<string, string> {
  const out: Record<string, string> = {};
  let i = start;
  while (i < end) {
    let c = s.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13) {
      i++;
      continue;
    }
    const nameStart = i;
    while (i < end) {
      c = s.charCodeAt(i);
      if (c === 61 || c === 32 || c === 9 || c === 10 || c === 13) break;
      i++;
    }
    const name = s.slice(nameStart, i);
    while (i < end && s.charCodeAt(i) !== 61) i++;
    i++;
    while (
      i < end &&
      (s.charCodeAt(i) === 32 || s.charCodeAt(i) === 9 || s.charCodeAt(i) === 10 || s.charCodeAt(i) === 13)
    )
      i++;
    const q = s.charCodeAt(i);
    if (q !== 34 && q !== 39) {
      if (i >= end) break;
      throw new XmlError(`attribute ${name} without a quoted value`);
    }
    const close = s.indexOf(q === 34 ? '"' : "'", i + 1);
    if (close < 0 || close > end) throw new XmlError('unclosed attribute value');
    out[name] = decodeAttr(s.slice(i + 1, close));
    i = close + 1;
  }
  return out;
}
