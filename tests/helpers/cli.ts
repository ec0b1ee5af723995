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

/**
 * Runs `main()` of cli/dx-report.ts in this process (no process per case): what it prints, its exit code;
 * `env` is set for the run only. A rejection (which main never gives) comes back as code -1 with the error.
 */
export async function runMain(args: string[], env: Record<string, string | undefined> = {}): Promise<CliRun> {
  const { main } = (await import('../../cli/dx-report')) as {
    main: (argv: string[], out: (s: string) => void, err: (s: string) => void) => Promise<number>;
  };
  const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  for (const [k, v] of Object.entries(env)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  let stdout = '';
  let stderr = '';
  try {
    const code = await main(
      args,
      (s) => {
        stdout += s;
      },
      (s: string) => {
        stderr += s;
      },
    );
    return { code, stdout, stderr };
  } catch (e) {
    return { code: -1, stdout, stderr: `${stderr}${e instanceof Error ? e.stack : String(e)}` };
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}
