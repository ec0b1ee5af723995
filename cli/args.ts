/** Minimal flag reading: `--name value`, repeated flags collected, bare words kept in order. */
export interface Args {
  words: string[];
  flags: Record<string, string[]>;
}

export function parseArgs(argv: string[], booleans: string[] = ['json', 'force']): Args {
  const out: Args = { words: [], flags: {} };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a.startsWith('--')) {
      const name = a.slice(2);
      const value = booleans.includes(name) ? 'true' : argv[++i];
      if (value === undefined) throw new UsageError(`Thiếu giá trị cho --${name}`);
      (out.flags[name] ??= []).push(value);
    } else out.words.push(a);
  }
  return out;
}

export class UsageError extends Error {}

export function flag(args: Args, name: string): string | undefined {
  return args.flags[name]?.[args.flags[name].length - 1];
}
