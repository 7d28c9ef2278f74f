// Acceptance: the seed article's six TensorFlow outputs (2019, TF 1.x eager on CPU), compared token by
// token with an independent NumPy-style float32 formatter written here (no dependency on src/core/format),
// plus the TF/Eigen behaviours that explain them (and published TF issues the emulation reproduces).
//
// Why tokens and not only Math.fround(decimal): NumPy prints at most 8 fractional digits, so a token like
// 0.0015683 is the float32 value rounded to 8 decimals, not its shortest representation (Math.fround of it
// is a different float32). We therefore compare (a) the printed token of our float32 value with the
// seed's token, and (b) for every token that *is* the shortest float32 representation (≤ 8 decimals
// needed), exact float32 equality.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { evaluate, reduceSum, softmaxJacobian } from '../../src/core/activations';
import { eigenFastTanh, eigenLogisticPacket2018 } from '../../src/core/activations/eigen';

const suite = (name: string, fn: () => void): void => void describe(name, fn);
const test = (name: string, fn: () => void): void => void it(name, fn);

/** Shortest decimal digits (as a number string) that round-trip through float32, or null. */
function shortestF32(v: number): { text: string; frac: number } {
  for (let p = 1; p <= 9; p++) {
    const t = v.toPrecision(p);
    if (Math.fround(Number(t)) === v) {
      const e = Number(v.toExponential(p - 1).split('e')[1]);
      return { text: t, frac: Math.max(0, p - 1 - e) };
    }
  }
  throw new Error(`no shortest representation for ${v}`);
}

/** NumPy 2.x `str()` token of a float32 inside an array (positional, unique, precision 8, trim '.'). */
function npToken(v: number): string {
  if (v !== v) return 'nan';
  if (v === Infinity) return 'inf';
  if (v === -Infinity) return '-inf';
  const neg = v < 0 || Object.is(v, -0);
  const a = Math.abs(v);
  const { frac } = shortestF32(a);
  let s: string;
  if (frac <= 8) s = frac === 0 ? `${a.toFixed(0)}.` : a.toFixed(frac);
  else {
    s = a.toFixed(8).replace(/0+$/, '');
    if (s.endsWith('.')) s = s.slice(0, -1) + '.';
  }
  return (neg ? '-' : '') + s;
}

function tokens(printed: string): string[] {
  return printed
    .replace(/[[\]]/g, ' ')
    .split(/\s+/)
    .filter((t) => t.length > 0);
}

const X7 = [-3, -2, -1, 0, 1, 2, 3];
const SEED: Array<{ id: string; input: number[]; params?: Record<string, number>; printed: string }> = [
  {
    id: 'sigmoid',
    input: X7,
    printed: '[0.04742587 0.11920292 0.26894143 0.5 0.7310586 0.880797 0.95257413]',
  },
  { id: 'tanh', input: X7, printed: '[-0.9950547 -0.9640276 -0.7615942 0. 0.7615942 0.9640276 0.9950547]' },
  { id: 'relu', input: X7, printed: '[0 0 0 0 1 2 3]' },
  { id: 'leaky_relu', input: X7, params: { alpha: 0.2 }, printed: '[-0.6 -0.4 -0.2 0 1 2 3]' },
  {
    id: 'elu',
    input: [-10000, -100, -3, -2, -1, 0, 1, 2, 3],
    printed: '[-1 -1 -0.95021296 -0.86466473 -0.63212055 0 1 2 3]',
  },
  {
    id: 'softmax',
    input: X7,
    printed: '[0.0015683 0.00426308 0.01158826 0.03150015 0.0856263 0.23275642 0.6326975]',
  },
];

/** Token equality modulo NumPy's trailing '.' on integral values ('0' in the brief, '0.' in NumPy). */
function sameToken(ours: string, seed: string): boolean {
  return ours === seed || ours === `${seed}.`;
}

suite('seed: tf.nn.* on [-3..3] in the tensorflow dialect', () => {
  for (const c of SEED) {
    test(`${c.id} prints ${c.printed}`, () => {
      const r = evaluate(c.id, c.input, [c.input.length], { dialect: 'tensorflow', params: c.params });
      const expected = tokens(c.printed);
      assert.equal(r.values.length, expected.length);
      for (let i = 0; i < expected.length; i++) {
        const v = r.values[i];
        assert.equal(Math.fround(v), v, 'values are float32');
        assert.ok(sameToken(npToken(v), expected[i]), `${c.id}[${i}]: ${npToken(v)} vs ${expected[i]}`);
        const shortest = shortestF32(Math.abs(v));
        if (shortest.frac <= 8) {
          assert.equal(v, Math.fround(Number(expected[i])), `${c.id}[${i}] as float32`);
        }
      }
    });
  }

  test('the seed sum: tf.reduce_sum(softmax) is exactly 1.0 in float32', () => {
    const s = evaluate('softmax', X7, [7], { dialect: 'tensorflow' });
    assert.equal(reduceSum(s.values, 'tensorflow'), 1);
    // … while the float64 sum of the same float32 values is not 1: the float32 summation order matters.
    let sum64 = 0;
    for (const v of Array.from(s.values)) sum64 += v;
    assert.notEqual(sum64, 1);
  });

  test('sigmoid(2) = 0.880797 needs the scalar path: 7 < 8 lanes, so no element used the rational', () => {
    // The 2018 packet rational gives the correctly rounded 0.8807971, which the seed did not print.
    assert.equal(npToken(eigenLogisticPacket2018(2)), '0.8807971');
    const packet = evaluate('sigmoid', X7, [7], { dialect: 'tensorflow', eigenPath: 'packet' });
    assert.equal(npToken(packet.values[5]), '0.8807971');
    const exec = evaluate('sigmoid', X7, [7], { dialect: 'tensorflow' });
    assert.equal(npToken(exec.values[5]), '0.880797');
    // Correctly rounded σ(2) is also 0.8807971: the seed's value is a float32 artefact of 1/(1+exp(−x)).
    assert.equal(npToken(Math.fround(1 / (1 + Math.exp(-2)))), '0.8807971');
  });

  test('tanh(3) = 0.9950547 is the Eigen rational (correctly rounded would be 0.9950548), FMA or not', () => {
    assert.equal(npToken(Math.fround(Math.tanh(3))), '0.9950548');
    for (const fma of [false, true]) {
      const r = evaluate('tanh', X7, [7], { dialect: 'tensorflow', fma });
      assert.deepEqual(Array.from(r.values, npToken), tokens(SEED[1].printed));
    }
  });

  test('elu uses exp(x) − 1 and saturates to exactly −1 for −100 and −10000', () => {
    const r = evaluate('elu', [-10000, -100, -17.5, -17], [4], { dialect: 'tensorflow' });
    assert.equal(r.values[0], -1);
    assert.equal(r.values[1], -1);
    assert.equal(r.values[2], -1);
    assert.notEqual(r.values[3], -1);
  });

  test('softmax multiplies by the reciprocal of the sum (dividing differs in the last place)', () => {
    const softmaxByHand = (xs: number[], divide: boolean): number[] => {
      const m = Math.max(...xs);
      const e = xs.map((x) => Math.fround(Math.exp(Math.fround(x - m))));
      let s = 0;
      for (const v of e) s = Math.fround(s + v);
      const inv = Math.fround(1 / s);
      return e.map((v) => Math.fround(divide ? v / s : v * inv));
    };
    assert.deepEqual(
      Array.from(evaluate('softmax', X7, [7], { dialect: 'tensorflow' }).values),
      softmaxByHand(X7, false),
    );
    // softmax([-5, -3]): 0.11920291 with the reciprocal, 0.11920292 by division.
    const r = evaluate('softmax', [-5, -3], [2], { dialect: 'tensorflow' });
    assert.deepEqual(Array.from(r.values), softmaxByHand([-5, -3], false));
    assert.equal(npToken(r.values[0]), '0.11920291');
    assert.equal(npToken(softmaxByHand([-5, -3], true)[0]), '0.11920292');
  });
});

suite('TF CPU executor: packets of 8, scalar tail (TF issue #33878)', () => {
  test('tf.sigmoid of ten 0.2: 8 packet values then 2 scalar values that differ', () => {
    const r = evaluate('sigmoid', new Array<number>(10).fill(0.2), [10], { dialect: 'tensorflow' });
    const head = Array.from(r.values).slice(0, 8);
    const tail = Array.from(r.values).slice(8);
    assert.ok(head.every((v) => v === head[0]));
    assert.ok(tail.every((v) => v === tail[0]));
    assert.equal(npToken(head[0]), '0.549834');
    assert.equal(npToken(tail[0]), '0.54983395');
  });
  test('a 7-element tensor takes only the scalar path, a 16-element one only the packet path', () => {
    const seven = evaluate('sigmoid', new Array<number>(7).fill(0.2), [7], { dialect: 'tensorflow' });
    const sixteen = evaluate('sigmoid', new Array<number>(16).fill(0.2), [16], { dialect: 'tensorflow' });
    assert.ok(Array.from(seven.values).every((v) => npToken(v) === '0.54983395'));
    assert.ok(Array.from(sixteen.values).every((v) => npToken(v) === '0.549834'));
  });
});

suite('Eigen fast tanh reproduces published TF outputs', () => {
  test('TF issue #23054 (TF 1.10, FMA build): tanh(np.arange(8.8, 9.0, 0.01, float32))', () => {
    // NumPy's float32 arange: start, start+step, then start + i·(second − first) in float32.
    const b0 = Math.fround(8.8);
    const delta = Math.fround(Math.fround(8.8 + 0.01) - b0);
    const xs = [b0, Math.fround(8.8 + 0.01)];
    for (let i = 2; i < 15; i++) xs.push(Math.fround(b0 + Math.fround(i * delta)));
    const printed =
      '1. 1. 0.99999994 1.0000001 1. 0.99999994 0.9999998 0.99999994 0.9999998 1. 1.0000001 0.9999998 1. 0.99999994 0.9999998';
    assert.deepEqual(
      xs.map((x) => npToken(eigenFastTanh(x, true))),
      printed.split(' '),
    );
    assert.notDeepEqual(
      xs.map((x) => npToken(eigenFastTanh(x, false))),
      printed.split(' '),
      'the non-FMA build gives other values',
    );
  });
  test('TF issues #34773 / #35435 (x86 wheels, no FMA): tanh(−8.51089) = −1.0000001', () => {
    const r = evaluate('tanh', [-8.51089], [1], { dialect: 'tensorflow' });
    assert.equal(npToken(r.values[0]), '-1.0000001');
    // … and its TanhGrad 1 − y² is negative there, a nonsensical gradient TF really produced.
    assert.ok(r.derivative[0] < 0);
  });
});

suite('softmax Jacobian of the seed row', () => {
  test('rows sum to 0, diagonal equals the elementwise derivative, J symmetric (exact)', () => {
    for (const dialect of ['exact', 'tensorflow'] as const) {
      const J = softmaxJacobian('softmax', X7, { dialect });
      const d = evaluate('softmax', X7, [7], { dialect }).derivative;
      for (let i = 0; i < 7; i++) {
        assert.equal(J[i][i], d[i]);
        const rowSum = J[i].reduce((a, b) => a + b, 0);
        assert.ok(Math.abs(rowSum) < (dialect === 'exact' ? 1e-16 : 1e-7), `row ${i} sums to ${rowSum}`);
        for (let j = 0; j < 7; j++)
          assert.ok(Math.abs(J[i][j] - J[j][i]) <= 1e-17 + 1e-7 * Math.abs(J[i][j]));
      }
    }
  });
});
