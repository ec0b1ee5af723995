/*
 * The user guide (docs/huong-dan.md) as the page the panes' help opens: the build writes it beside the task
 * pane (dist/addin/huong-dan.html, pictures in huong-dan/) and into the Apps Script project (HuongDan.html, shown
 * by the menu's "Hướng dẫn sử dụng"; a project holds no pictures, so there each picture is its caption).
 * The guide uses a small part of Markdown — headings, paragraphs, lists, code blocks, `code`, **bold**, *italic*,
 * pictures — and this is that part, so the build needs no Markdown library. Every character from the guide is
 * escaped before any tag is added.
 */
const fs = require('fs');
const path = require('path');

const GUIDE = path.join(__dirname, '..', 'docs', 'huong-dan.md');

const escapeHtml = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** One line's inline marks, on escaped text: `code` first, so that * inside code stays as typed. */
function inline(text) {
  return escapeHtml(text)
    .split(/(`[^`]+`)/)
    .map((part) =>
      part.startsWith('`') && part.endsWith('`') && part.length > 1
        ? `<code>${part.slice(1, -1)}</code>`
        : part.replace(/\*\*([^*]+)\*\*/g, '<b>$1</b>').replace(/\*([^*]+)\*/g, '<i>$1</i>'),
    )
    .join('');
}

/** A picture line `![caption](file)`: the picture with its caption, or the caption alone. */
function figure(caption, file, pictures) {
  const cap = `<figcaption>${inline(caption)}</figcaption>`;
  return pictures
    ? `<figure><img src="${escapeHtml(file)}" alt="${escapeHtml(caption)}" />${cap}</figure>`
    : `<figure class="caption">Hình: ${inline(caption)}</figure>`;
}

/** The guide's Markdown as an HTML page; `pictures: false` for a host that cannot show the picture files. */
function guideHtml(markdown, { pictures = true } = {}) {
  const out = [];
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n');
  let para = [];
  let list = null;
  const flush = () => {
    if (para.length) out.push(`<p>${inline(para.join(' '))}</p>`);
    para = [];
    if (list) out.push(`<ul>${list.map((li) => `<li>${inline(li)}</li>`).join('')}</ul>`);
    list = null;
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const fence = /^```/.exec(line);
    const heading = /^(#{1,3}) (.*)$/.exec(line);
    const pic = /^!\[([^\]]*)\]\(([^)]+)\)\s*$/.exec(line);
    if (fence) {
      flush();
      const code = [];
      while (++i < lines.length && !/^```/.test(lines[i])) code.push(lines[i]);
      out.push(`<pre><code>${escapeHtml(code.join('\n'))}</code></pre>`);
    } else if (heading) {
      flush();
      const n = heading[1].length;
      out.push(`<h${n}>${inline(heading[2])}</h${n}>`);
    } else if (pic) {
      flush();
      out.push(figure(pic[1], pic[2], pictures));
    } else if (/^- /.test(line)) {
      if (para.length) flush();
      list = list ?? [];
      list.push(line.slice(2));
    } else if (/^\s+\S/.test(line) && list) {
      list[list.length - 1] += ` ${line.trim()}`;
    } else if (line.trim() === '') {
      flush();
    } else {
      if (list) flush();
      para.push(line.trim());
    }
  }
  flush();
  const title = /^# (.*)$/m.exec(markdown)?.[1] ?? 'Hướng dẫn sử dụng';
  return (
    '<!doctype html>\n<html lang="vi">\n<head>\n<meta charset="utf-8" />\n' +
    `<title>${escapeHtml(title)}</title>\n<style>${STYLE}</style>\n</head>\n<body>\n${out.join('\n')}\n</body>\n</html>\n`
  );
}

const STYLE =
  'body{font:14px/1.5 "Segoe UI",Roboto,Arial,sans-serif;max-width:46em;margin:1em auto;padding:0 1em;color:#222}' +
  'h1{font-size:1.5em}h2{font-size:1.25em;margin-top:1.5em}h3{font-size:1.05em}' +
  'code{background:#f3f3f3;padding:0 .2em}pre{background:#f3f3f3;padding:.6em;overflow:auto}' +
  'figure{margin:1em 0}figure img{max-width:100%;border:1px solid #ccc}figcaption,.caption{color:#555;font-size:.9em}';

/** The guide from docs/, as the build copies it. */
function readGuide() {
  return fs.readFileSync(GUIDE, 'utf8');
}

module.exports = { guideHtml, readGuide, GUIDE };
