// The fuzz targets: generated hostile text (and webview messages) against the parser, the call detector, the
// evaluation, the hover Markdown, the printers and the message validators. Each target's check throws on a broken
// property; the time bound is checked by the runner (runner.ts). Shared by the `npm test` layer and `npm run fuzz`.
import * as fc from 'fast-check';
import { strict as assert } from 'node:assert';
import {
  ACTIVATION_IDS,
  detectAt,
  detectCallsIn,
  formatArray,
  getActivation,
  ParseError,
  parseArray,
  scanImportAliases,
  type PrintStyle,
} from '../../src/core';
import { evaluateDetection, type EvaluationSettings } from '../../src/core';
import { buildHoverMarkdown, SWITCH_ACTIVATIONS, type HoverEnv } from '../../src/hover/hoverContent';
import { parseFromWebview, parsePlotRequest, parseToWebview } from '../../src/shared/protocol';
import { auditHover } from './markdownAudit';

export interface Target<T> {
  name: string;
  arbitrary: fc.Arbitrary<T>;
  /** Throws when a property fails. */
  check: (input: T) => void;
  /** The input's size for the time bound and the size classes (characters, or elements). */
  size: (input: T) => number;
  /** A short description of an input, for the slowest-case report. */
  describe: (input: T) => string;
}

/** Pieces that real and hostile lines are made of. */
const FRAGMENTS = [
  '[',
  ']',
  '(',
  ')',
  '{',
  '}',
  ',',
  ' ',
  '  ',
  '\n',
  '\t',
  '1',
  '0',
  '-2.5',
  '3.',
  '.5',
  '1e308',
  '-1e308',
  '1e-320',
  '9007199254740993',
  '1_000',
  '−1',
  '+',
  '-',
  '.',
  'e',
  'E',
  '_',
  'j',
  '0x1F',
  '...',
  '…',
  'np.array(',
  'np.asarray(',
  'tf.nn.relu(',
  'tf.nn.sigmoid(',
  'tf.nn.leaky_relu(',
  'torch.softmax(',
  'F.gelu(',
  'F.leaky_relu(',
  'jax.nn.relu(',
  'tf.keras.activations.relu(',
  'tf.constant(',
  'torch.tensor(',
  'tf.tensor1d(',
  'tf.relu(',
  'float(',
  "'inf'",
  '"nan"',
  'np.pi',
  'math.e',
  'inf',
  '-inf',
  'nan',
  'np.inf',
  'None',
  'True',
  'x',
  'w',
  'alpha=',
  'negative_slope=',
  'dim=0',
  'axis=-1',
  'dtype=np.float32',
  'shape=(2,)',
  'approximate="tanh"',
  '<tf.Tensor: shape=(2,), numpy=',
  'array(',
  'tensor(',
  'Tensor\n    ',
  '>',
  '<',
  '`',
  '``',
  '```',
  '[x](https://example.com/login)',
  '[Open chart](command:activationLens.openChart?%5B%5D)',
  'command:activationLens.copyResult',
  'https://e.co',
  '<https://e.co>',
  '<img src=x>',
  'www.e.co',
  '#',
  '# c\n',
  '//',
  '/*',
  '*/',
  '"',
  "'",
  '"""',
  '\\',
  'import ',
  'from x import ',
  'import {',
  'import * as tf from "@tensorflow/tfjs"\n',
  'import torch.nn.functional as F\n',
  ' as ',
  ' = ',
  ';',
  ':',
  '=',
  '$',
  '\u00a0',
  '\ufeff',
  '\u2028',
  '\r\n',
  '\u0000',
];

const piece = fc.oneof(
  { weight: 12, arbitrary: fc.constantFrom(...FRAGMENTS) },
  { weight: 2, arbitrary: fc.string({ maxLength: 6 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 3 }) },
  { weight: 2, arbitrary: fc.double().map(String) },
);
/** A long run of one piece: the shape of every super-linear blow-up found so far. */
const run = fc
  .tuple(fc.constantFrom(...FRAGMENTS), fc.integer({ min: 16, max: 4000 }))
  .map(([f, n]) => f.repeat(Math.max(1, Math.floor(n / f.length))));

/** Hostile text: mostly short mixtures of fragments, sometimes with long runs. */
const mixture = fc
  .array(fc.oneof({ weight: 30, arbitrary: piece }, { weight: 1, arbitrary: run }), { maxLength: 40 })
  .map((parts) => parts.join(''));
/** A keyword, a long run, an ending: `import` + spaces + `!`, `from x import` + spaces, `np.array(` × 3,000 + `[1]`… */
const pumped = fc
  .tuple(fc.constantFrom(...FRAGMENTS), run, fc.constantFrom(...FRAGMENTS), mixture)
  .map((parts) => parts.join(''));
export const hostileText: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: mixture },
  { weight: 1, arbitrary: pumped },
);

/** Text around an activation call, so that the detector and the hover go deep, not only refuse. */
export const callText: fc.Arbitrary<string> = fc
  .tuple(
    fc.constantFrom(
      'tf.nn.relu(',
      'tf.nn.sigmoid(',
      'F.leaky_relu(',
      'torch.softmax(',
      'tf.relu(',
      'jax.nn.gelu(',
      '',
    ),
    fc.constantFrom('[', 'np.array([', 'torch.tensor([', '[[', '(', ''),
    hostileText,
    fc.constantFrom(']', ']])', '])', ')', ''),
    fc.constantFrom(')', ', dim=0)', ', alpha=0.1)', ''),
  )
  .map((p) => p.join(''));

const LANGUAGES = ['python', 'javascript', 'typescript', 'markdown', 'plaintext'] as const;
const docAndOffset = fc.tuple(
  fc.oneof(hostileText, callText),
  fc.double({ min: 0, max: 1, noNaN: true }),
  fc.constantFrom(...LANGUAGES),
);

const KINDS = new Set(['syntax', 'empty', 'tooLarge', 'tooDeep', 'ragged', 'summarised']);

function checkParse(text: string): void {
  try {
    const r = parseArray(text, { maxElements: 10_000 });
    const size = r.shape.reduce((a, b) => a * b, 1);
    assert.equal(size, r.values.length, 'shape and values agree');
    assert.ok(r.shape.length <= 33, 'rank bounded');
  } catch (e) {
    if (!(e instanceof ParseError)) throw new Error(`not a ParseError: ${String(e)}`);
    assert.ok(
      e.offset >= 0 && e.offset <= text.length,
      `offset ${e.offset} inside the text (${text.length})`,
    );
    assert.ok(KINDS.has(e.kind), `kind ${e.kind}`);
    assert.ok(e.message.length > 0 && e.message.length < 1000, 'a message of bounded length');
  }
}

const inside = (r: { start: number; end: number } | undefined, n: number): boolean =>
  r === undefined || (r.start >= 0 && r.start <= r.end && r.end <= n);

function detectionOf([text, at, languageId]: [string, number, string]) {
  const offset = Math.floor(at * text.length);
  return detectAt((s, e) => text.slice(s, e), text.length, offset, languageId, { maxScan: 8000 });
}

const SETTINGS: EvaluationSettings = {
  defaultActivation: 'sigmoid',
  defaultDialect: 'tensorflow',
  epsilon: 0.01,
  maxElements: 10_000,
};
const ENV: HoverEnv = {
  l10n: { t: (m, ...a) => m.replace(/\{(\d+)\}/g, (_, i: string) => String(a[Number(i)])) },
  theme: 'dark',
  sourceFor: (r) => ({ uri: 'file:///fuzz.py', range: [0, r.start, 0, r.end] }),
};
const LABELS = new Set([
  'Open chart',
  'Show in side panel',
  'Copy result',
  ...SWITCH_ACTIVATIONS.map((a) => getActivation(a).label),
]);

/** Webview messages: valid ones mutated (holes, wrong types, huge shapes), and arbitrary JSON-like values. */
const wireValue = fc.oneof(fc.double(), fc.constantFrom('NaN', 'Infinity', '-Infinity', 'x', null));
const plotRequest = fc.record({
  activations: fc.oneof(
    fc.array(fc.constantFrom(...ACTIVATION_IDS, 'evil'), { maxLength: 4 }),
    fc.anything(),
  ),
  dialect: fc.constantFrom('exact', 'tensorflow', 'pytorch', 'jax', 'tfjs', 1),
  params: fc.oneof(
    fc.constant({}),
    fc.dictionary(fc.constantFrom(...ACTIVATION_IDS, '__proto__'), fc.anything()),
  ),
  epsilon: fc.oneof(fc.constant(0.01), fc.double()),
  input: fc.oneof(
    fc.constant(null),
    fc.record({
      values: fc.oneof(fc.array(wireValue, { maxLength: 8 }), fc.sparseArray(wireValue, { maxLength: 8 })),
      shape: fc.oneof(
        fc.array(fc.integer({ min: 0, max: 4 }), { maxLength: 3 }),
        fc.array(fc.oneof(fc.integer(), fc.double(), fc.constant(2 ** 40)), { maxLength: 40 }),
        fc.sparseArray(fc.nat(4), { maxLength: 3 }),
      ),
      text: fc.string({ maxLength: 20 }),
    }),
  ),
  source: fc.oneof(
    fc.constant(null),
    fc.record({ uri: fc.string({ maxLength: 30 }), range: fc.array(fc.integer(), { maxLength: 5 }) }),
  ),
});
const message = fc.oneof(
  fc.record({
    type: fc.constantFrom('state', 'openInPanel', 'plot', 'init'),
    request: plotRequest,
    layout: fc.constantFrom('panel', 'sidebar'),
    strings: fc.constant({}),
    pinned: fc.boolean(),
  }),
  fc.record({
    type: fc.constantFrom(
      'copy',
      'insertComment',
      'export',
      'pin',
      'rendered',
      'error',
      'empty',
      'pinned',
      'ready',
    ),
    text: fc.anything(),
    style: fc.constantFrom('numpy', 'json', 'evil'),
    format: fc.constantFrom('png', 'csv', 'exe'),
    data: fc.string(),
    suggestedName: fc.string(),
    pinned: fc.anything(),
    activations: fc.oneof(
      fc.array(fc.constantFrom(...ACTIVATION_IDS)),
      fc.sparseArray(fc.constantFrom('relu')),
    ),
    elements: fc.double(),
    millis: fc.double(),
    message: fc.anything(),
    reason: fc.anything(),
  }),
  fc.anything(),
);

function isDense(a: unknown): boolean {
  if (!Array.isArray(a)) return false;
  for (let i = 0; i < a.length; i++) if (!(i in a)) return false;
  return true;
}

function checkRequest(r: unknown): void {
  if (r === null || r === undefined) return;
  const q = r as { activations: unknown; input: { values: unknown[]; shape: number[] } | null };
  assert.ok(isDense(q.activations), 'activations dense');
  if (q.input) {
    assert.ok(isDense(q.input.values) && isDense(q.input.shape), 'values and shape dense');
    assert.ok(q.input.shape.length <= 32, 'rank bounded');
    assert.equal(
      q.input.shape.reduce((a, b) => a * b, 1),
      q.input.values.length,
      'shape matches the values',
    );
    assert.ok(
      q.input.values.every((v) => typeof v === 'number'),
      'values decoded to numbers',
    );
  }
}

const STYLES: PrintStyle[] = ['numpy', 'tensorflow', 'pytorch', 'json'];
const shapeAndValues = fc
  .array(
    fc.oneof(
      { weight: 4, arbitrary: fc.integer({ min: 0, max: 5 }) },
      { weight: 1, arbitrary: fc.constantFrom(0, 1e8, 2 ** 31) },
    ),
    { maxLength: 6 },
  )
  .filter((shape) => shape.reduce((a, b) => a * b, 1) <= 2000)
  .chain((shape) =>
    fc.tuple(
      fc.constant(shape),
      fc.array(fc.oneof(fc.double(), fc.constantFrom(0, -0, 1e308, -1e308, 5e-324, 2 ** 53 + 2)), {
        minLength: shape.reduce((a, b) => a * b, 1),
        maxLength: shape.reduce((a, b) => a * b, 1),
      }),
      fc.constantFrom(...STYLES),
    ),
  );

const show = (s: string): string => JSON.stringify(s.length > 60 ? s.slice(0, 40) + '…' + s.slice(-12) : s);

export const TARGETS: Target<never>[] = [
  {
    name: 'parser',
    arbitrary: fc.oneof(hostileText, callText),
    check: checkParse,
    size: (t: string) => t.length,
    describe: (t: string) => `${t.length} chars ${show(t)}`,
  } as Target<string>,
  {
    name: 'detector',
    arbitrary: docAndOffset,
    check: (input: [string, number, string]) => {
      const [text, , languageId] = input;
      const d = detectionOf(input);
      if (d) {
        assert.ok(
          inside(d.range, text.length) && inside(d.inputRange, text.length),
          'ranges inside the text',
        );
        assert.ok(d.kind === 'call' || d.kind === 'array');
      }
      for (const c of detectCallsIn((s, e) => text.slice(s, e), text.length, 0, text.length, languageId, {
        maxScan: 8000,
      }))
        assert.ok(inside(c.range, text.length), 'call ranges inside the text');
      scanImportAliases(text, languageId);
    },
    size: (i: [string, number, string]) => i[0].length,
    describe: (i: [string, number, string]) =>
      `${i[0].length} chars @${Math.floor(i[1] * i[0].length)} ${i[2]} ${show(i[0])}`,
  } as Target<[string, number, string]>,
  {
    name: 'evaluation',
    arbitrary: docAndOffset,
    check: (input: [string, number, string]) => {
      const d = detectionOf(input);
      if (!d) return;
      const r = evaluateDetection(d, SETTINGS);
      assert.ok(['ok', 'noInput', 'truncated', 'tooLarge', 'error'].includes(r.kind), r.kind);
      if (r.kind === 'ok') assert.equal(r.output.length, r.input.values.length, 'one output per input');
    },
    size: (i: [string, number, string]) => i[0].length,
    describe: (i: [string, number, string]) => `${i[0].length} chars ${i[2]} ${show(i[0])}`,
  } as Target<[string, number, string]>,
  {
    name: 'hover',
    arbitrary: docAndOffset,
    check: (input: [string, number, string]) => {
      const d = detectionOf(input);
      if (!d) return;
      const built = buildHoverMarkdown(d, SETTINGS, ENV);
      const problems = auditHover(built, LABELS);
      if (problems.length) throw new Error(problems.join('; '));
    },
    size: (i: [string, number, string]) => i[0].length,
    describe: (i: [string, number, string]) => `${i[0].length} chars ${i[2]} ${show(i[0])}`,
  } as Target<[string, number, string]>,
  {
    name: 'printers',
    arbitrary: shapeAndValues,
    check: ([shape, values, style]: [number[], number[], PrintStyle]) => {
      const out = formatArray(values, shape, style);
      // Bounded by the element count, never by the dimensions: ≤ 64 characters per element, plus a constant (the
      // header, and a zero-size JSON array's up to 1,000 innermost empty lists with their enclosing lists).
      assert.ok(out.length <= 10_000 + 64 * values.length, `output of ${out.length} chars`);
    },
    // Measured in characters printed (about 20 per element): a number is printed, and its width computed, once or
    // twice (NumPy aligns columns), so the bound per element is that of ~20 characters of text.
    size: (i: [number[], number[], PrintStyle]) => 20 * i[1].length,
    describe: (i: [number[], number[], PrintStyle]) => `shape [${i[0].join(', ')}] ${i[2]}`,
  } as Target<[number[], number[], PrintStyle]>,
  {
    name: 'validators',
    arbitrary: message,
    check: (raw: unknown) => {
      const a = parseFromWebview(raw);
      const b = parseToWebview(raw);
      for (const m of [a, b]) if (m && 'request' in m) checkRequest(m.request);
      if (raw && typeof raw === 'object' && 'request' in raw)
        checkRequest(parsePlotRequest((raw as { request: unknown }).request));
    },
    size: () => 1,
    describe: (raw: unknown) => {
      try {
        return show(JSON.stringify(raw) ?? String(raw));
      } catch {
        return typeof raw;
      }
    },
  } as Target<unknown>,
] as unknown as Target<never>[];
