// PyTorch 1.13 (Debian python3-torch, /usr/bin/python3) as the oracle of the `pytorch` dialect: every activation,
// parameter set and input through the real F.* call, values and autograd derivatives (softmax: the Jacobian
// diagonal), and str(tensor) against the core's PyTorch printer. One Python process for the whole file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ACTIVATION_IDS, evaluate, formatArray, getActivation, type ActivationId } from './core';
import { EXACT, describeMismatches, mismatches, type Tolerance } from './compare';
import { bitsF32, elementwiseInputs, f32Bits, uniformGrid, vectorInputs } from './inputs';
import { paramSetsOf, paramText } from './paramSets';
import { DEBIAN_PYTHON, pythonHas, runPython } from './python';
import { writeReport } from './report';

// Accepted distance from PyTorch per activation: bit-exact unless a reason is written here (exp, sigmoid, the ELU
// family, relu-likes, softsign, hard_sigmoid/swish, prelu are). ATen's vectorised loops (16 elements at a time,
// the tail scalar) call SLEEF's u10 functions; the core emulates Sleef_expf8_u10 bit for bit (sleef.ts) but not
// Sleef_tanhf8_u10 / Sleef_log1pf8_u10, nor exp inside composites, which are correctly rounded here: ≤ 1 ulp
// from SLEEF each.
const SLEEF = "SLEEF u10 exp/tanh/log1p in ATen's vectorised loop: ≤ 1 ulp from the correctly rounded value";
const ONE_ULP_OF_ONE = 2 ** -23;
const TOLERANCE: Partial<Record<ActivationId, { values: Tolerance; derivative: Tolerance }>> = {
  tanh: {
    values: { ulps: 1, why: SLEEF },
    // 1 − y²: a 1-ulp y moves it by 2·ulp(1) absolute (at |x| ≥ 9 SLEEF's tanh is exactly 1, so torch's 0).
    derivative: { ulps: 1, abs: 2 * ONE_ULP_OF_ONE, why: `${SLEEF}; 1 − y² turns it into 2 ulp(1) absolute` },
  },
  softplus: { values: { ulps: 1, why: SLEEF }, derivative: { ulps: 1, why: SLEEF } },
  log_sigmoid: { values: { ulps: 2, why: SLEEF }, derivative: { ulps: 2, why: SLEEF } },
  softmax: { values: { ulps: 2, why: SLEEF }, derivative: { ulps: 2, why: SLEEF } },
  log_softmax: {
    values: { ulps: 2, abs: 2 * ONE_ULP_OF_ONE, why: `${SLEEF}; x − (max + log Σ) cancels: error absolute` },
    derivative: { ulps: 2, abs: 2 * ONE_ULP_OF_ONE, why: `${SLEEF}; 1 − exp(y) cancels: error absolute` },
  },
  silu: {
    values: { ulps: 2, why: SLEEF },
    derivative: { ulps: 2, abs: ONE_ULP_OF_ONE, why: `${SLEEF}; σ·(1 + x(1 − σ)) cancels near x ≈ −1.28` },
  },
  mish: {
    values: { ulps: 2, abs: 2 ** -126, why: `${SLEEF}; exp(x) near −104 is subnormal, SLEEF returns 0` },
    derivative: {
      ulps: 2,
      abs: 2 * ONE_ULP_OF_ONE,
      why: `${SLEEF}; x·σ·(1 − t²) multiplies tanh's ulp by x`,
    },
  },
  gelu_tanh: {
    values: { ulps: 2, why: SLEEF },
    derivative: {
      ulps: 2,
      abs: 2 * ONE_ULP_OF_ONE,
      why: `${SLEEF}; x·(1 − t²)·… multiplies tanh's ulp by x`,
    },
  },
  // Known limit (README): ATen 1.13's vectorised erf is Abramowitz–Stegun 7.1.26 (absolute error 1.5e-7), not
  // erff; the core uses the correctly rounded erf. Pinned by the test 'pytorch: gelu's vectorised erf…' below.
  gelu: {
    values: {
      ulps: 2,
      abs: 1.5e-7,
      zeroSign: true,
      why: 'ATen vectorised erf: A&S 7.1.26, |error| ≤ 1.5e-7',
    },
    derivative: {
      ulps: 2,
      abs: 3e-7,
      why: 'A&S erf error 0.75e-7 in the cdf plus the rounding of cdf + x·pdf',
    },
  },
};

interface TorchResult {
  y?: number[];
  dy?: number[];
  str?: string;
  dstr?: string;
  error?: string;
}
interface TorchReply {
  torch: string;
  numpy: string;
  results: Record<string, TorchResult>;
  prints: Record<string, string>;
}

interface Case {
  key: string;
  id: ActivationId;
  params: Record<string, number>;
  input: { name: string; values: number[]; shape: number[] };
}

const cases: Case[] = [];
for (const id of ACTIVATION_IDS) {
  const inputs = getActivation(id).vector ? vectorInputs() : elementwiseInputs();
  for (const params of paramSetsOf(id))
    for (const input of inputs)
      cases.push({ key: `${id}|${paramText(params)}|${input.name}`, id, params, input });
}

const available = pythonHas(DEBIAN_PYTHON, ['torch', 'numpy']);
const reply = available
  ? runPython<TorchReply>(DEBIAN_PYTHON, 'torch_oracle.py', {
      tasks: cases.map((c) => ({
        key: c.key,
        op: c.id,
        params: c.params,
        x: f32Bits(c.input.values),
        shape: c.input.shape,
      })),
    })
  : { ok: false, error: `${DEBIAN_PYTHON} cannot import torch (run scripts/install-system-deps.sh)` };

const stats = { cases: 0, elements: 0, prints: 0, inexact: 0 };

void test('pytorch: the oracle ran (Debian PyTorch through /usr/bin/python3)', () => {
  assert.ok(reply.ok, reply.error);
});

for (const id of ACTIVATION_IDS) {
  void test(`pytorch: ${id} values, derivatives and str() match torch`, () => {
    assert.ok(reply.ok && reply.result, reply.error);
    const bound = TOLERANCE[id] ?? { values: EXACT, derivative: EXACT };
    const problems: string[] = [];
    for (const c of cases.filter((k) => k.id === id)) {
      const r = reply.result.results[c.key];
      if (!r || r.error || !r.y || !r.dy) {
        problems.push(`${c.key}: torch failed: ${r?.error ?? 'no result'}`);
        continue;
      }
      const ty = bitsF32(r.y);
      const tdy = bitsF32(r.dy);
      const ev = evaluate(id, c.input.values, c.input.shape, { dialect: 'pytorch', params: c.params });
      const mv = mismatches(c.input.values, ev.values, ty, bound.values);
      const md = mismatches(c.input.values, ev.derivative, tdy, bound.derivative);
      stats.cases++;
      stats.elements += ty.length + tdy.length;
      stats.inexact += mismatches(c.input.values, ev.values, ty).length;
      stats.inexact += mismatches(c.input.values, ev.derivative, tdy).length;
      if (mv.length) problems.push(`${c.key} values:\n${describeMismatches(mv)}`);
      if (md.length) problems.push(`${c.key} derivative:\n${describeMismatches(md)}`);
      // The printer, on torch's own numbers: str(tensor) must come out character for character.
      const printed = formatArray(ty, c.input.shape, 'pytorch', 'float32');
      const printedD = formatArray(tdy, c.input.shape, 'pytorch', 'float32');
      stats.prints += 2;
      if (printed !== r.str) problems.push(`${c.key} str():\n  torch: ${r.str}\n  core:  ${printed}`);
      if (printedD !== r.dstr) problems.push(`${c.key} str(grad):\n  torch: ${r.dstr}\n  core:  ${printedD}`);
    }
    assert.equal(problems.length, 0, problems.join('\n'));
  });
}

void test('pytorch: report', () => {
  assert.ok(reply.ok && reply.result, reply.error);
  writeReport({ framework: 'pytorch', version: reply.result.torch, ...stats });
  assert.ok(stats.cases > 0);
});

// Known limits (README), pinned against torch itself so that a change on either side is noticed.
/** 16,384 + 5 inputs over exp's whole float32 range: 16,384 take ATen's vectorised (SLEEF) path, 5 the tail. */
const EXP_GRID = uniformGrid(88, 16384 + 5, -104, 89);
const pins = available
  ? runPython<TorchReply>(DEBIAN_PYTHON, 'torch_oracle.py', {
      tasks: [
        {
          key: 'gelu-tail',
          op: 'gelu',
          params: {},
          x: f32Bits(Array(16).fill(-7.16697359085083)),
          shape: [16],
        },
        { key: 'hswish-vec', op: 'hard_swish', params: {}, x: f32Bits(Array(17).fill(3)), shape: [17] },
        { key: 'exp-many', op: 'exponential', params: {}, x: f32Bits(EXP_GRID), shape: [EXP_GRID.length] },
      ],
    })
  : reply;

void test("pytorch: gelu's vectorised erf (A&S 7.1.26) gives gelu'(−7.17) = 0 where erf gives −2e-11 (known limit)", () => {
  assert.ok(pins.ok && pins.result, pins.error);
  const torchD = bitsF32(pins.result.results['gelu-tail'].dy ?? []);
  const core = evaluate('gelu', Array(16).fill(-7.16697359085083), [16], { dialect: 'pytorch' });
  assert.equal(torchD[0], 0, 'torch 1.13 rounds the tail gradient to 0');
  assert.ok(core.derivative[0] < -1e-11 && core.derivative[0] > -3e-11, `core ${core.derivative[0]}`);
});

void test('pytorch: hardswish′(3) is 1 in the vectorised blocks of 16 and 1.5 in the scalar tail; the core follows', () => {
  assert.ok(pins.ok && pins.result, pins.error);
  const torchD = Array.from(bitsF32(pins.result.results['hswish-vec'].dy ?? []));
  const core = Array.from(evaluate('hard_swish', Array(17).fill(3), [17], { dialect: 'pytorch' }).derivative);
  assert.deepEqual(torchD, [...Array(16).fill(1), 1.5]);
  assert.deepEqual(core, torchD);
});

void test('pytorch: torch.exp of 16,389 random inputs is bit-exact (SLEEF u10 in the vectorised blocks, expf in the tail)', () => {
  assert.ok(pins.ok && pins.result, pins.error);
  const torchY = bitsF32(pins.result.results['exp-many'].y ?? []);
  const core = evaluate('exponential', EXP_GRID, [EXP_GRID.length], { dialect: 'pytorch' });
  const off = mismatches(EXP_GRID, core.values, torchY);
  assert.equal(off.length, 0, describeMismatches(off));
});
