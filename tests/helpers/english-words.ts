/*
 * Finding English in what users read (tests/english.scan.test.ts). A word is English when it is in the small
 * dictionary below, not when it is merely written in ASCII: Vietnamese typed without tone marks ("tu so",
 * "Phuong Loc Tho", the formulas' `ngay_bao_cao`) is ASCII too and must pass. The dictionary therefore leaves
 * out the English words that are also Vietnamese without marks (can, con, ban, long, hang, ten, tan, men), and
 * "file", which Vietnamese administration writes as its own word ("gắn file kết quả", seed 000 §3).
 */
import * as fs from 'fs';
import * as ts from 'typescript';

/** Common English words, and those the product's own code and libraries would leak (a few hundred). */
const DICTIONARY = new Set(
  `
  the and for with not are was were this that these those from have has had will would should could must your you
  our their there here which what when where who why how all any each every some none one two three only also but
  then than into onto over under after before between per via about above below again more most less least other
  such same new old its it's been being does did doing get got set use used using user users please see try
  open close closed save saved load loaded loading read reads reading write written wrote writing run running
  check checked checking checks validate validated validation valid invalid error errors warning warnings
  fail failed failure success successful done ready found missing unknown expected received required optional
  allowed denied permission access cannot unable unexpected folder directory path sheet sheets
  workbook workbooks cell cells row rows column columns table tables range ranges value values number numbers
  files
  text string date dates period periods report reports reporting unit units name names list lists total totals
  sum rate rates target targets status result results annex annexes template templates config configuration
  settings setting rule rules key keys type types format formats formula function functions help guide
  yellow grey gray red green blue white black color colour digital transformation consolidate consolidated
  consolidation summary submit submitted late time deadline month months year years quarter day days week today
  page pages print download upload button click select choose create created delete deleted remove removed
  replace replaced add added edit edited change changed update updated show shown hide hidden visible enter
  input output retry cancel cancelled canceled stop start continue next previous back first last yes true false
  empty blank full partial corrupted zip data end reached signature central size large small limit bytes too
  many much very get sent send sending office ward commune city province department document documents plan
  plans project projects task tasks system systems security level levels indicator indicators numerator
  denominator numerators denominators decimals reported completed mobile subscriptions population households
  character characters match pattern undefined null object array option options record records big link
  details debug stack trace exceeds chars merge merged address bounds bug uncompressed mismatch compression
  unsupported supported encrypted password protected locked busy another someone else later wait waiting
  connecting connected connection network server service services payment payments issue issues issued
  source sources message messages title heading note notes sample example examples mapping map registry
  assessment progress feedback dossier dossiers procedure procedures signed archived resolved process
  within without because since while until whether either neither both few several another own same
  isn't don't doesn't can't won't
  `
    .split(/\s+/)
    .filter((w) => /^[a-z']{3,}$/.test(w)),
);

/** Names and codes that stay as they are in Vietnamese text: products, formats, units, Excel's own words. */
export const ALLOWED = new Set(
  `
  Excel Google Sheets Word Microsoft Office PowerPoint LibreOffice OpenDocument Apps Script Drive Power BI Looker
  Studio DuckDB JSON CSV HTML XML PDF URL KPI TTHC DVC DVCTT DVCQG NFC NFD FIFO UTF TRUE FALSE VNeID Zalo MB GB KB
  true false null
  `
    .split(/\s+/)
    .filter(Boolean),
);

/** What is not prose: addresses, file names, flags, formulas, code spans, the product's identifiers. */
const NOT_PROSE = [
  /https?:\/\/\S+/g,
  /[\w.+-]+@[\w-]+\.[\w.]+/g,
  /`[^`]*`/g,
  /[\w.\-/\\<>…]*\.(?:xlsx|xls|xlsb|ods|json|csv|html|docx|pptx|pdf|js|xml|txt|md|png)\b/gi,
  /--[a-z][a-z-]*/g,
  /\bdx-report(?:\s+[a-z]+)?/gi, // the command and its subcommand: names typed, not words read
  /\bdx-anh-xa\b/gi,
  /\bDX[_.][A-Za-z0-9_.]*/g,
  /=[A-Z][A-Z_.]*\([^)]*\)/g,
  /#[A-Z0-9/!?]+/g,
  /\b[A-Z0-9]+(?:[.-][A-Z0-9]+)+\b/g, // codes: T3.SOHOA-GAN-FILE, CQS.01
  /"[A-Za-z_]+"/g, // a JSON key in an example: "message", "line"
];

export interface EnglishHit {
  /** Where the text is: a file and line, a sheet and cell, a table's entry. */
  where: string;
  word: string;
  text: string;
}

/** The English words of one text: ASCII-only words (camelCase split) found in the dictionary and not allowed. */
export function englishWords(text: string): string[] {
  let prose = text;
  for (const re of NOT_PROSE) prose = prose.replace(re, ' ');
  const out: string[] = [];
  for (const word of prose.split(/[^\p{L}\p{M}'’]+/u)) {
    if (!/^[A-Za-z'’]+$/.test(word) || ALLOWED.has(word)) continue;
    for (const part of word.split(/(?<=[a-z])(?=[A-Z])/)) {
      const bare = part.replace(/['’]s$/, '').replace(/’/g, "'");
      if (bare.length >= 3 && !ALLOWED.has(part) && DICTIONARY.has(bare.toLowerCase())) out.push(part);
    }
  }
  return out;
}

/** Every English word of texts, each with where it is. */
export function findEnglish(texts: Array<{ where: string; text: string }>): EnglishHit[] {
  return texts.flatMap(({ where, text }) => englishWords(text).map((word) => ({ where, word, text })));
}

/** The text a reader sees in an HTML page: no scripts, no styles, no tags, no element marked lang="en". */
export function htmlText(html: string): string {
  return html
    .replace(/<script\b[\s\S]*?<\/script>/gi, ' ')
    .replace(/<style\b[\s\S]*?<\/style>/gi, ' ')
    .replace(/<(\w+)\b[^>]*\blang=["']?en\b[^>]*>[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&[a-z]+;|&#\d+;/g, ' ');
}

/** Calls whose string arguments are names for the code, not words for a reader. */
const CODE_CALLS = new Set([
  'require',
  'querySelector',
  'querySelectorAll',
  'getElementById',
  'addEventListener',
  'removeEventListener',
  'createElement',
  'setAttribute',
  'getAttribute',
  'matchMedia',
  'postMessage',
  'log',
  'warn',
  'debug',
  'info',
  'getItem',
  'setItem',
  'run',
  'withSuccessHandler',
  'withFailureHandler',
]);

/** A literal that reads as words (a space, a Vietnamese letter, or a capitalised word): the rest are names. */
const READ_AS_TEXT = (s: string) => /\s/.test(s.trim()) || /[^\p{ASCII}]/u.test(s) || /^[A-Z][a-z]{2,}\b/.test(s);

/**
 * The texts a TypeScript module can show: its string and template literals (a template's placeholders as "…"),
 * without module names, types, object keys, DOM and host names, the arguments of `el()` that are a tag, and
 * literals that read as names rather than words.
 */
export function moduleTexts(file: string, label = file): Array<{ where: string; text: string }> {
  const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const out: Array<{ where: string; text: string }> = [];
  const push = (node: ts.Node, text: string) => {
    if (!READ_AS_TEXT(text)) return;
    const line = source.getLineAndCharacterOfPosition(node.getStart()).line + 1;
    out.push({ where: `${label}:${line}`, text });
  };
  const skip = (node: ts.Node): boolean => {
    const p = node.parent;
    if (!p) return false;
    if (ts.isImportDeclaration(p) || ts.isExportDeclaration(p) || ts.isExternalModuleReference(p)) return true;
    if (ts.isLiteralTypeNode(p)) return true;
    if ((ts.isPropertyAssignment(p) || ts.isPropertySignature(p) || ts.isMethodDeclaration(p)) && p.name === node)
      return true;
    // An element's class, id or type (`{ class: 'msg busy' }`, `x.className = 'msg error'`): names for the CSS.
    const key = ts.isPropertyAssignment(p) ? p.name.getText().replace(/['"]/g, '') : '';
    if (/^(class|className|id|type|role|for|name|data-[\w-]+)$/.test(key)) return true;
    if (ts.isBinaryExpression(p) && p.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
      const target = p.left.getText();
      if (/\.(className|id|type|name)$/.test(target)) return true;
    }
    if (ts.isElementAccessExpression(p)) return true;
    if (ts.isCallExpression(p)) {
      const callee = p.expression;
      const name = ts.isIdentifier(callee)
        ? callee.text
        : ts.isPropertyAccessExpression(callee)
          ? callee.name.text
          : '';
      if (CODE_CALLS.has(name)) return true;
      if (name === 'el' && p.arguments[0] === node) return true;
    }
    // Compared with (=== 'x', case 'x'): a value the code tests, not one it shows.
    if (ts.isBinaryExpression(p) && /^(===|!==|==|!=)$/.test(p.operatorToken.getText())) return true;
    if (ts.isCaseClause(p)) return true;
    return false;
  };
  const visit = (node: ts.Node) => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
      if (!skip(node)) push(node, node.text);
      return;
    }
    if (ts.isTemplateExpression(node)) {
      if (!skip(node)) push(node, [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join(' … '));
      node.templateSpans.forEach((s) => visit(s.expression));
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}
