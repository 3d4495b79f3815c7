/**
 * Values as they cross a process boundary as one line of JSON (the Ray engine's Node actors, the driver): the
 * same values a worker thread's structured clone carries, exactly. Plain JSON would lose some of them (a Map
 * or Set becomes `{}`, a Uint32Array an object of indices, `undefined` disappears or becomes null, NaN and
 * ±Infinity become null, -0 becomes 0); these travel as tagged objects instead, under a key no data has
 * (`"\u0000"`). A plain object that happens to hold that key travels wrapped, so decoding is exact for
 * any value. Anything else (a class instance, a function, a symbol) throws: it would not cross as it is. Pure.
 */

const TAG = '\u0000';

type Tagged = { [TAG]: string; v?: unknown };

const ARRAYS = {
  Uint8Array,
  Int8Array,
  Uint8ClampedArray,
  Uint16Array,
  Int16Array,
  Uint32Array,
  Int32Array,
  Float32Array,
  Float64Array,
  BigInt64Array,
  BigUint64Array,
} as const;
type ArrayName = keyof typeof ARRAYS;

/** `value` as one line of JSON (no line break in it: JSON escapes those in strings). */
export function encode(value: unknown): string {
  return JSON.stringify(toJson(value));
}

/** The value `encode` was given. */
export function decode(line: string): unknown {
  return fromJson(JSON.parse(line));
}

/** `value` as plain JSON data (what `encode` stringifies). */
export function toJson(value: unknown): unknown {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      if (Number.isNaN(value) || !Number.isFinite(value) || Object.is(value, -0)) return { [TAG]: 'number', v: Object.is(value, -0) ? '-0' : String(value) };
      return value;
    case 'undefined':
      return { [TAG]: 'undefined' };
    case 'bigint':
      return { [TAG]: 'bigint', v: value.toString() };
    case 'object': {
      if (value === null) return null;
      if (Array.isArray(value)) {
        const out = new Array<unknown>(value.length);
        for (let i = 0; i < value.length; i++) out[i] = toJson(value[i]);
        return out;
      }
      if (value instanceof Map) return { [TAG]: 'Map', v: [...value].map(([k, x]) => [toJson(k), toJson(x)]) };
      if (value instanceof Set) return { [TAG]: 'Set', v: [...value].map(toJson) };
      if (value instanceof Date) return { [TAG]: 'Date', v: toJson(value.getTime()) };
      if (ArrayBuffer.isView(value)) {
        // Buffer is a Uint8Array; structured clone hands it over as one too.
        const name = (Buffer.isBuffer(value) ? 'Uint8Array' : value.constructor.name) as ArrayName;
        if (!(name in ARRAYS)) throw new TypeError(`wire: cannot carry a ${value.constructor.name}`);
        return { [TAG]: name, v: Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('base64') };
      }
      const proto = Object.getPrototypeOf(value) as unknown;
      if (proto !== Object.prototype && proto !== null) throw new TypeError(`wire: cannot carry an instance of ${(value as object).constructor?.name ?? 'a class'}`);
      const out: Record<string, unknown> = {};
      for (const k of Object.keys(value)) put(out, k, toJson((value as Record<string, unknown>)[k]));
      return Object.hasOwn(value, TAG) ? { [TAG]: 'object', v: out } : out;
    }
    default:
      throw new TypeError(`wire: cannot carry a ${typeof value}`);
  }
}

/** The value `toJson` made `data` of. */
export function fromJson(data: unknown): unknown {
  if (data === null || typeof data !== 'object') return data;
  if (Array.isArray(data)) {
    for (let i = 0; i < data.length; i++) data[i] = fromJson(data[i]);
    return data;
  }
  const o = data as Record<string, unknown>;
  if (Object.hasOwn(o, TAG)) return fromTagged(o as Tagged);
  for (const k of Object.keys(o)) put(o, k, fromJson(o[k]));
  return o;
}

/** Sets an own property, `__proto__` included (an assignment would set the prototype instead). */
function put(o: Record<string, unknown>, k: string, v: unknown): void {
  if (k === '__proto__') Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
  else o[k] = v;
}

function fromTagged(t: Tagged): unknown {
  const kind = t[TAG];
  switch (kind) {
    case 'number':
      return Number(t.v);
    case 'undefined':
      return undefined;
    case 'bigint':
      return BigInt(t.v as string);
    case 'Map':
      return new Map((t.v as [unknown, unknown][]).map(([k, x]) => [fromJson(k), fromJson(x)]));
    case 'Set':
      return new Set((t.v as unknown[]).map(fromJson));
    case 'Date':
      return new Date(fromJson(t.v) as number);
    case 'object': {
      const o = t.v as Record<string, unknown>;
      for (const k of Object.keys(o)) put(o, k, fromJson(o[k]));
      return o;
    }
    default: {
      if (!(kind in ARRAYS)) throw new TypeError(`wire: unknown tag "${kind}"`);
      const C = ARRAYS[kind as ArrayName];
      const bytes = Buffer.from(t.v as string, 'base64');
      // Copied into a buffer of its own, so the view is aligned whatever the element size.
      const copy = new ArrayBuffer(bytes.length);
      new Uint8Array(copy).set(bytes);
      return new C(copy);
    }
  }
}
