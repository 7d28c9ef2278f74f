// The wire form of what crosses postMessage and command links. Both serialise through JSON, which turns NaN and
// ±Infinity into null; so every number travels as a WireNumber (non-finite ones as strings). `toWire` is the one
// encoder (host and webview alike); decoding is type-directed and lives in the validators (protocol.ts), which read
// a WireNumber only where the schema has a number, so a text field that says "NaN" stays text.

/** A number on the wire. */
export type WireNumber = number | 'NaN' | 'Infinity' | '-Infinity';

/** The wire form of a value: every number becomes a WireNumber, recursively. */
export type Wire<T> = T extends number
  ? WireNumber
  : T extends string | boolean | null | undefined
    ? T
    : T extends readonly (infer U)[]
      ? Wire<U>[]
      : { [K in keyof T]: Wire<T[K]> };

/** Encodes a value for the wire (a deep copy with non-finite numbers as strings). */
export function toWire<T>(value: T): Wire<T> {
  return encode(value) as Wire<T>;
}

function encode(v: unknown): unknown {
  if (typeof v === 'number') return Number.isFinite(v) ? v : String(v);
  if (Array.isArray(v)) {
    // Number arrays (the input's values) are most of what crosses: a plain loop, no recursion per element.
    const out = new Array<unknown>(v.length);
    for (let i = 0; i < v.length; i++) {
      const x: unknown = v[i];
      out[i] = typeof x === 'number' ? (Number.isFinite(x) ? x : String(x)) : encode(x);
    }
    return out;
  }
  if (ArrayBuffer.isView(v)) return Array.from(v as unknown as ArrayLike<number>, encode);
  if (typeof v === 'object' && v !== null) {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[k] = encode(x);
    return out;
  }
  return v;
}

export function isWireNumber(v: unknown): v is WireNumber {
  return typeof v === 'number' || v === 'NaN' || v === 'Infinity' || v === '-Infinity';
}

export function numberFromWire(v: WireNumber): number {
  return typeof v === 'number' ? v : Number(v);
}
