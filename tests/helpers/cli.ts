import { execFile } from 'child_process';
import * as path from 'path';
import { ROOT } from './hosts';

export const BIN = path.join(ROOT, 'bin', 'dx-report');

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs bin/dx-report as a user would, in a child process. */
export function runCli(args: string[], cwd = ROOT): Promise<CliRun> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { cwd, maxBuffer: 64 * 1024 * 1024 }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === 'number' ? err.code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}
