import * as fs from 'fs';
import * as http from 'http';
import * as os from 'os';
import * as path from 'path';
import { AddressInfo } from 'net';

// A plain Node script, tested as it runs.
const server = require('../scripts/serve-playground.js') as {
  resolve(root: string, url: string): { status: number; file?: string };
  handler(root: string): http.RequestListener;
};

describe('the playground server', () => {
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'dx-play-'));
  const root = path.join(base, 'playground');
  fs.mkdirSync(root);
  fs.writeFileSync(path.join(root, 'index.html'), '<p>ok</p>');
  // A sibling whose name starts with the root's: outside it, whatever startsWith says.
  fs.mkdirSync(path.join(base, 'playground-secret'));
  fs.writeFileSync(path.join(base, 'playground-secret', 'key.txt'), 'secret');

  test('malformed URLs are refused with 400, paths outside the root with 404', () => {
    expect(server.resolve(root, '/%E0%A4%A').status).toBe(400);
    expect(server.resolve(root, '/a%00b').status).toBe(400);
    expect(server.resolve(root, '/../playground-secret/key.txt').status).toBe(404);
    expect(server.resolve(root, '/%2e%2e/playground-secret/key.txt').status).toBe(404);
    expect(server.resolve(root, '/').file).toBe(path.join(root, 'index.html'));
    expect(server.resolve(root, '/khong-co.js').status).toBe(404);
  });

  test('the server answers a bad request and keeps serving', async () => {
    const s = http.createServer(server.handler(root));
    await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
    const port = (s.address() as AddressInfo).port;
    const get = (p: string) =>
      new Promise<number>((resolve, reject) =>
        http
          .get({ host: '127.0.0.1', port, path: p }, (res) => (res.resume(), resolve(res.statusCode!)))
          .on('error', reject),
      );
    try {
      expect(await get('/%E0%A4%A')).toBe(400);
      expect(await get('/..%2fplayground-secret/key.txt')).toBe(404);
      expect(await get('/')).toBe(200);
    } finally {
      s.closeAllConnections();
      await new Promise((r) => s.close(r));
      fs.rmSync(base, { recursive: true, force: true });
    }
  });
});
