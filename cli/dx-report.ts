/**
 * The command line's entry. Each command's module is loaded when that command runs (`require` in dispatch):
 * `fn`, `catalogue`, `registry` and `help` never load the .xlsx and .docx libraries (exceljs, jszip, docx),
 * so a formula costs about one bare `node` start (tests/cli.startup.test.ts checks what is loaded).
 */
import { describeError } from '../shared/errors/describe';
import { isDxError } from '../shared/errors/errors';
import { Args, EXIT, has, helpText, parseCommandLine, Refused, UsageError, usageLine, commandSpec } from './args';
import type { InputError } from './inputs';

let stdoutClosed = false;
let guarded = false;

/**
 * Standard output that a closed pipe (`dx-report help | head -1`) silences instead of crashing: the
 * command finishes its work and exits with its own code, nothing more is printed.
 */
export function stdoutWriter(): (s: string) => void {
  if (!guarded) {
    guarded = true;
    process.stdout.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EPIPE' || e.code === 'ERR_STREAM_DESTROYED') stdoutClosed = true;
      else throw e;
    });
  }
  return (s) => {
    if (!stdoutClosed) process.stdout.write(s);
  };
}

const DEBUG_HINT = '(DX_DEBUG=1 để xem chi tiết)';

/** The one line an unexpected error gets: Vietnamese where it can be, never a stack trace unless DX_DEBUG=1. */
export function unexpectedLine(e: unknown): string {
  return `Lỗi không mong đợi: ${describeError(e)} ${DEBUG_HINT}\n`;
}

/**
 * Runs one command. Never throws: a wrong call exits 2, a refusal or the product's own error 1 (or the code it
 * carries), anything unexpected one Vietnamese line and 2; with DX_DEBUG=1 the details go to `err`.
 */
export async function main(
  argv: string[],
  out: (s: string) => void = stdoutWriter(),
  err: (s: string) => void = (s) => process.stderr.write(s),
): Promise<number> {
  let command: string | undefined;
  try {
    const parsed = parseCommandLine(argv);
    if ('help' in parsed) {
      out(helpText(parsed.help));
      return argv.length === 0 ? EXIT.usage : EXIT.ok;
    }
    command = parsed.args.command;
    return await dispatch(parsed.args, out);
  } catch (e) {
    if (process.env.DX_DEBUG === '1' && e instanceof Error && e.stack) err(`${e.stack}\n`);
    if (e instanceof UsageError) {
      const spec = command ? commandSpec(command) : undefined;
      out(`${e.message}\n${spec && !e.message.includes('Cách dùng') ? `Cách dùng: ${usageLine(spec)}\n` : ''}`);
      return EXIT.usage;
    }
    if (e instanceof Refused) {
      if (e.message) out(`${e.message}\n`);
      return e.exitCode;
    }
    if (isInputError(e)) {
      out(`${e.message}\n`);
      return EXIT.usage;
    }
    // The product's own refusals and the system's (a missing file, a full disk) are said, not stack-traced.
    if (isDxError(e) || /^E[A-Z]+$/.test(String((e as { code?: unknown } | null)?.code ?? ''))) {
      out(`${describeError(e)}\n`);
      return EXIT.failed;
    }
    out(unexpectedLine(e));
    return EXIT.usage;
  }
}

/**
 * An input that could not be read (cli/inputs.ts). Only a command that loaded cli/inputs can throw one, so a
 * module not yet loaded is not loaded for the check (it would bring in exceljs).
 */
function isInputError(e: unknown): e is InputError {
  const loaded = require.cache[require.resolve('./inputs')];
  return Boolean(loaded) && e instanceof (loaded!.exports as typeof import('./inputs')).InputError;
}

async function dispatch(args: Args, out: (s: string) => void): Promise<number> {
  switch (args.command) {
    case 'template':
      return (require('./template') as typeof import('./template')).runTemplate(args, out);
    case 'validate':
      return (require('./validate') as typeof import('./validate')).runValidate(args, out);
    case 'consolidate':
      return (require('./consolidate') as typeof import('./consolidate')).runConsolidate(args, out);
    case 'missing':
      return (require('./missing') as typeof import('./missing')).runMissing(args, out);
    case 'catalogue':
      return (require('./lists') as typeof import('./lists')).runCatalogue(args, out);
    case 'registry':
      // Today's map (cli/registry.ts, 3,321 units) is loaded for this command only; the 2023 lists stay in lists.ts.
      return (require('./registry') as typeof import('./registry')).runRegistryCommand(
        args,
        out,
        (require('./lists') as typeof import('./lists')).runRegistry,
      );
    case 'tables':
      return (require('./tables') as typeof import('./tables')).runTables(args, out);
    case 'map':
      return (require('./tables') as typeof import('./tables')).runMap(args, out);
    case 'fn': {
      const fn = require('./fn') as typeof import('./fn');
      if (has(args, 'batch')) return fn.runFnBatch(args.words, process.stdin, out);
      const r = fn.runFn(args.words, has(args, 'json'));
      out(r.stdout);
      return r.code;
    }
    case 'demo':
      return (require('./demo') as typeof import('./demo')).runDemo(process.cwd(), out);
    default:
      throw new Error(`lệnh ${args.command} có trong bảng lệnh nhưng chưa được nối`);
  }
}
