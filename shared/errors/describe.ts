import { isDxError } from './errors';
import { LIBRARY_MESSAGES, schemaRefusal, SchemaIssue, SYSTEM_MESSAGES, UNEXPECTED } from './messages';

interface Thrown {
  name?: string;
  code?: string;
  path?: string;
  message?: string;
  issues?: unknown;
}

/** A letter only Vietnamese writes: a message holding one is the product's own sentence, said as it is. */
const VIETNAMESE = /[ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]/i;

/** A zod error, told by its shape: this module is on the command line's start, where zod is not loaded. */
function schemaIssues(e: Thrown): SchemaIssue[] | undefined {
  return Array.isArray(e.issues) && /ZodError$/.test(e.name ?? '') ? (e.issues as SchemaIssue[]) : undefined;
}

/**
 * One sentence in Vietnamese for anything thrown: the product's own errors carry theirs; system, library and
 * schema errors are translated here, once, for the panes, the sidebar and the command line alike. `file` is the
 * file being read or written, named in the sentence when the error itself does not carry a path. Nothing in
 * English passes: an error of unknown words becomes a plain sentence (the details are behind DX_DEBUG=1).
 */
export function describeError(e: unknown, file?: string): string {
  if (isDxError(e)) return e.message;
  const s = (typeof e === 'object' && e !== null ? e : { message: String(e) }) as Thrown;
  const system = s.code ? SYSTEM_MESSAGES[s.code] : undefined;
  if (system) return system(s.path ?? file ?? '');
  const issues = schemaIssues(s);
  if (issues) return schemaRefusal(issues, file);
  const message = s.message ?? String(e);
  // A library's English first: its message may quote a Vietnamese sheet name ("Worksheet name Phụ lục I …").
  const known = LIBRARY_MESSAGES.find((m) => m.pattern.test(message));
  if (known) return known.say(file ?? /^File not found: (.*)$/.exec(message)?.[1]);
  if (VIETNAMESE.test(message)) return message;
  return UNEXPECTED(file);
}
