/**
 * Progress on long reads, for a person at a terminal: "Đã đọc 1.200/3.000 tệp…" on one line of standard error,
 * at most a few times a second, wiped when done. Nothing when standard error is not a terminal (a script, a
 * log, the tests) or with --json, so what a command prints stays the same.
 */
import { formatNumber } from '../shared/numbers/format';

export function progress(
  json: boolean,
  stream: NodeJS.WriteStream = process.stderr,
  say: { verb: string; what: string } = { verb: 'Đã đọc', what: 'tệp' },
) {
  if (json || !stream.isTTY) return () => {};
  let shown = 0;
  return (done: number, total: number) => {
    const now = Date.now();
    if (done < total && now - shown < 250) return;
    shown = now;
    stream.write(done < total ? `\r${say.verb} ${formatNumber(done)}/${formatNumber(total)} ${say.what}…` : '\r\x1b[K');
  };
}
