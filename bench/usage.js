'use strict';
/**
 * Preloaded with `node -r bench/usage.js …`: when the process exits, writes what it used to the file named by
 * DX_BENCH_USAGE, as JSON: CPU (user and system, ms, every thread of the process, worker threads included), peak
 * resident memory (MB), time since the process started (ms), and the CPU of child processes it waited for
 * (from /proc, 10 ms steps; 0 if it starts none).
 */
const fs = require('fs');
const { performance } = require('perf_hooks');

const file = process.env.DX_BENCH_USAGE;
if (file) {
  process.on('exit', (code) => {
    const u = process.resourceUsage();
    let childrenCpuMs = null;
    try {
      // /proc/self/stat: fields after the command's closing parenthesis; cutime and cstime are the 16th and 17th.
      const stat = fs.readFileSync('/proc/self/stat', 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      childrenCpuMs = ((Number(f[13]) + Number(f[14])) * 1000) / 100;
    } catch {
      /* not Linux */
    }
    fs.writeFileSync(
      file,
      JSON.stringify({
        code: process.exitCode ?? code,
        userMs: u.userCPUTime / 1000,
        sysMs: u.systemCPUTime / 1000,
        maxRssMB: u.maxRSS / 1024,
        sinceStartMs: performance.now(),
        childrenCpuMs,
      }),
    );
  });
}
