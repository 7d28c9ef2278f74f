// The debuggee's answer to the conversion, validated as data from outside: a tag, then JSON with a known shape. Any
// deviation is a clear error, never a guess. The result becomes a SubjectInput plus what the value says about
// its framework and dtype; a sample (more elements than maxElements) keeps the element count.
import type { SubjectInput } from '../evaluation/subject';
import type { Framework } from '../framework';
import type { DType } from '../types';
import { REPLY_TAG } from './conversion';

export interface LiveValue {
  input: SubjectInput;
  /** The framework the value belongs to (null: a plain list, array or number). */
  framework: Framework | null;
  /** The dtype as the debuggee names it (`float32`, `int64`, `bfloat16`), or null. */
  dtypeName: string | null;
  /** The dtype the evaluation computes in. */
  dtype: DType | null;
  /** The shape of the whole value in the program. */
  shape: number[];
  /** Elements in the program; more than `input.values.length` when the values are an even sample. */
  size: number;
  sampled: boolean;
}

export type LiveReply =
  | { ok: true; value: LiveValue }
  | { ok: false; reason: 'notNumeric'; type: string }
  | { ok: false; reason: 'malformed'; detail: string }
  /** Not the conversion's answer: the debugger's own text (an exception in the debuggee, e.g. a NameError). */
  | { ok: false; reason: 'foreign'; text: string };

const FRAMEWORKS: ReadonlySet<string> = new Set(['pytorch', 'numpy', 'tensorflow', 'jax', 'tfjs']);
const NON_FINITE: Readonly<Record<string, number>> = {
  NaN: NaN,
  '-NaN': NaN,
  Infinity: Infinity,
  '-Infinity': -Infinity,
  inf: Infinity,
  '-inf': -Infinity,
  nan: NaN,
};
const MAX_RANK = 32;

function malformed(detail: string): LiveReply {
  return { ok: false, reason: 'malformed', detail };
}

/** A debugger shows a string result as written, or quoted (JSON-style): unwrap a quoted one. */
function unquote(text: string): string {
  const t = text.trim();
  if (t.startsWith('"') && t.endsWith('"')) {
    try {
      const s: unknown = JSON.parse(t);
      if (typeof s === 'string') return s;
    } catch {
      /* not JSON-quoted: read as is */
    }
  }
  if (t.startsWith("'") && t.endsWith("'") && !t.slice(1, -1).includes("'") && !t.includes('\\'))
    return t.slice(1, -1);
  return t;
}

/** Python's json.dumps writes NaN / Infinity / -Infinity bare: quote them so JSON.parse reads the numbers list. */
function quoteNonFinite(json: string): string {
  return json.replace(/(?<=[[,:]\s*)(-?(?:NaN|Infinity))(?=\s*[\],}])/g, '"$1"');
}

function dtypeOf(name: string | null): DType | null {
  if (name === null) return null;
  return name === 'float64' || name === 'double' ? 'float64' : 'float32';
}

/** Validates a reply (the `result` string of the debugger's evaluate response) for at most `maxElements` values. */
export function parseLiveReply(result: string, maxElements: number): LiveReply {
  const text = unquote(result);
  if (!text.startsWith(REPLY_TAG)) {
    const last =
      text
        .split(/\r?\n/)
        .filter((l) => l.trim() !== '')
        .pop() ?? '';
    return { ok: false, reason: 'foreign', text: last.trim().slice(0, 300) };
  }
  let data: unknown;
  try {
    data = JSON.parse(quoteNonFinite(text.slice(REPLY_TAG.length)));
  } catch {
    return malformed('the answer is not valid JSON (cut short by the debugger?)');
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return malformed('not an object');
  const o = data as Record<string, unknown>;
  if (o.v !== 1) return malformed('unknown version');
  if (o.error !== undefined) {
    if (o.error !== 'notNumeric' || typeof o.type !== 'string') return malformed('unknown error');
    return { ok: false, reason: 'notNumeric', type: o.type.slice(0, 100) };
  }
  const { shape, size, values, fw, dtype } = o;
  if (!Array.isArray(shape) || shape.length > MAX_RANK) return malformed('bad shape');
  if (!shape.every((d): d is number => Number.isSafeInteger(d) && (d as number) >= 0))
    return malformed('bad shape');
  const count = shape.reduce((p: number, q: number) => p * q, 1);
  if (!Number.isSafeInteger(size) || size !== count) return malformed('size does not match the shape');
  if (fw !== null && (typeof fw !== 'string' || !FRAMEWORKS.has(fw))) return malformed('unknown framework');
  if (dtype !== null && (typeof dtype !== 'string' || !/^[a-z][a-z0-9_]{0,19}$/.test(dtype)))
    return malformed('bad dtype');
  if (!Array.isArray(values)) return malformed('no values');
  const n = Math.max(1, Math.floor(maxElements));
  const expected = count <= n ? count : null;
  if (
    values.length > n ||
    (expected !== null && values.length !== expected) ||
    (count > 0 && values.length === 0)
  )
    return malformed('wrong number of values');
  const nums = new Array<number>(values.length);
  for (let i = 0; i < values.length; i++) {
    const v: unknown = values[i];
    if (typeof v === 'number') nums[i] = v;
    else if (typeof v === 'string' && v in NON_FINITE) nums[i] = NON_FINITE[v];
    else return malformed(`value ${i} is not a number`);
  }
  const sampled = expected === null;
  const dtypeName = dtype as string | null;
  return {
    ok: true,
    value: {
      input: { values: nums, shape: sampled ? [nums.length] : [...(shape as number[])], text: '' },
      framework: fw as Framework | null,
      dtypeName,
      dtype: dtypeOf(dtypeName),
      shape: [...(shape as number[])],
      size: count,
      sampled,
    },
  };
}
