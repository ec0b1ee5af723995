/**
 * What google.script.run carries between the sidebar and the server, as documented
 * (https://developers.google.com/apps-script/guides/html/reference/run#myFunction(...)):
 *
 * "Legal parameters are JavaScript primitives like a Number, Boolean, String, or null, as well as
 * JavaScript objects and arrays that are composed of primitives, objects, and arrays. […] Requests fail if
 * you attempt to pass a Date, Function, DOM element besides a form, or other prohibited type, including
 * prohibited types inside objects or arrays. Objects that create circular references will also fail, and
 * undefined fields within arrays become null. Note that an object passed to the server becomes a copy of
 * the original." Return values are "subject to the same restrictions as parameter types, except that a
 * form element is not a legal return type".
 *
 * The product never passes a form, so every DOM element is refused here. Objects must be plain (their
 * prototype is a realm's Object.prototype, or null): class instances, Map, Set, RegExp are "other
 * prohibited types". The stand-in refuses a bad return value too, where the real host hands the success
 * handler null — the stricter reading, so a test sees the mistake.
 */
export class GasRunError extends Error {
  constructor(message: string) {
    super(`google.script.run: ${message}`);
    this.name = 'GasRunError';
  }
}

const kind = (v: unknown) => Object.prototype.toString.call(v).slice(8, -1);

function isPlainObject(v: object): boolean {
  const proto = Object.getPrototypeOf(v) as object | null;
  // Object.prototype of any realm (the vm that runs Code.js has its own) has no prototype itself.
  return proto === null || Object.getPrototypeOf(proto) === null;
}

/** A copy of one value as it arrives on the other side, or a GasRunError naming where it breaks the rules. */
export function gasValue(value: unknown, where: string, seen: object[] = []): unknown {
  if (value === null || typeof value === 'string' || typeof value === 'boolean' || typeof value === 'number')
    return value;
  if (value === undefined) return undefined;
  if (typeof value === 'function') throw new GasRunError(`${where} is a function.`);
  if (typeof value !== 'object') throw new GasRunError(`${where} is a ${typeof value}.`);
  if (kind(value) === 'Date') throw new GasRunError(`${where} is a Date.`);
  if (typeof (value as { nodeType?: unknown }).nodeType === 'number')
    throw new GasRunError(`${where} is a DOM element.`);
  if (seen.includes(value)) throw new GasRunError(`${where} makes a circular reference.`);
  const inner = [...seen, value];
  if (Array.isArray(value)) {
    // Holes and undefined entries become null.
    return Array.from({ length: value.length }, (_, i) => {
      const x = gasValue(value[i], `${where}[${i}]`, inner);
      return x === undefined ? null : x;
    });
  }
  if (!isPlainObject(value)) throw new GasRunError(`${where} is a ${kind(value)}, not a plain object.`);
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    const x = gasValue(v, `${where}.${k}`, inner);
    if (x !== undefined) out[k] = x;
  }
  return out;
}

/**
 * One call as google.script.run makes it: the arguments copied under the rules, the server function
 * called by name, its result copied under the same rules (undefined arrives as null).
 */
export function gasCall(server: Record<string, (...a: unknown[]) => unknown>, name: string, args: unknown[]): unknown {
  if (typeof server[name] !== 'function') throw new GasRunError(`no server function “${name}”.`);
  const copied = args.map((a, i) => gasValue(a, `${name} argument ${i + 1}`));
  const result = gasValue(server[name](...copied), `${name} result`);
  return result === undefined ? null : result;
}
