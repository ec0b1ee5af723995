#!/usr/bin/env node
'use strict';
// npm run playground: serves dist/playground on http://localhost:8080 (loopback only).
const http = require('http');
const fs = require('fs');
const path = require('path');

const ROOT = path.join(__dirname, '..', 'dist', 'playground');
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8' };

/**
 * The file a request asks for, or a status: 400 for a URL that does not decode, 404 for anything
 * outside the root (checked with a path-separator boundary: /root-other is not inside /root) or not
 * a regular file.
 */
function resolve(root, url) {
  let rel;
  try {
    rel = decodeURIComponent((url || '/').split('?')[0]);
  } catch {
    return { status: 400 };
  }
  if (rel.includes('\0')) return { status: 400 };
  const file = path.resolve(root, '.' + path.posix.normalize('/' + (rel === '/' ? 'index.html' : rel)));
  if (file !== root && !file.startsWith(root + path.sep)) return { status: 404 };
  try {
    if (!fs.statSync(file).isFile()) return { status: 404 };
  } catch {
    return { status: 404 };
  }
  return { status: 200, file };
}

function handler(root) {
  return (req, res) => {
    // One bad request never takes the server down.
    try {
      const r = resolve(root, req.url);
      if (r.status !== 200) {
        res.writeHead(r.status, { 'content-type': 'text/plain; charset=utf-8' });
        res.end(r.status === 400 ? 'Địa chỉ không hợp lệ.\n' : 'Không có trang này.\n');
        return;
      }
      res.writeHead(200, { 'content-type': TYPES[path.extname(r.file)] || 'application/octet-stream' });
      fs.createReadStream(r.file)
        .on('error', () => res.destroy())
        .pipe(res);
    } catch {
      if (!res.headersSent) res.writeHead(500);
      res.end();
    }
  };
}

module.exports = { resolve, handler };

if (require.main === module) {
  const port = Number(process.env.PORT || 8080);
  http
    .createServer(handler(ROOT))
    .on('clientError', (_e, socket) => socket.destroy())
    .listen(port, '127.0.0.1', () => process.stdout.write(`Sân thử: http://localhost:${port}/ (Ctrl+C để dừng)\n`));
}
