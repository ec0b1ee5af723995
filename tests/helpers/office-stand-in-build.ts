import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import webpack from 'webpack';
import { ROOT } from './hosts';

/**
 * Bundles office-stand-in.ts (with the Excel stand-in it runs) for a page, into a folder of its own under the
 * system's temporary folder; returns the script's path. The built task pane is served as it is and only its
 * office.js request is answered with this.
 */
export async function buildOfficeStandIn(): Promise<string> {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'dx-office-stand-in-'));
  const compiler = webpack({
    mode: 'development',
    devtool: false,
    context: ROOT,
    target: ['web', 'es2019'],
    entry: path.join(__dirname, 'office-stand-in.ts'),
    output: { path: out, filename: 'office.js' },
    resolve: { extensions: ['.ts', '.js'] },
    module: {
      rules: [
        {
          test: /\.ts$/,
          exclude: /node_modules/,
          use: {
            loader: 'ts-loader',
            options: { configFile: path.join(ROOT, 'tsconfig.json'), transpileOnly: true },
          },
        },
      ],
    },
  });
  await new Promise<void>((resolve, reject) =>
    compiler.run((err, stats) => {
      compiler.close(() => undefined);
      if (err) reject(err);
      else if (stats?.hasErrors()) reject(new Error(stats.toString('errors-only')));
      else resolve();
    }),
  );
  return path.join(out, 'office.js');
}
