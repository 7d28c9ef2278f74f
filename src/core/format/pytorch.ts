// `repr(torch.tensor(...))` for float tensors, ported from `torch/_tensor_str.py` (PyTorch 2.x, read at
// commit 00cbcb20): precision 4, threshold 1000, edgeitems 3, linewidth 80; "int mode" (`0.`, `3.`)
// when every non-zero finite value is integral; scientific notation when max/min > 1000, max > 1e8 or
// (outside int mode) min < 1e-4; every element right-aligned to the widest one; the dtype suffix only
// for a non-default dtype (float64 → `dtype=torch.float64`, the default dtype being float32).

import type { ActivationId, DType } from '../types';
import { pyExp, pyFixed, pyFixed0 } from './pyfloat';
import { pythonTuple, shownIndices, sizeOf, stridesOf, withDefaults } from './shape';

/** Print options of the PyTorch-style printer (torch's defaults when omitted). */
export interface TorchPrintOptions {
  precision?: number;
  threshold?: number;
  edgeItems?: number;
  lineWidth?: number;
}

/** PyTorch's autograd node names per activation (checked against PyTorch 1.13 in the oracle test). */
export const TORCH_GRAD_FN: Partial<Record<ActivationId, string>> = {
  sigmoid: 'SigmoidBackward0',
  tanh: 'TanhBackward0',
  relu: 'ReluBackward0',
  leaky_relu: 'LeakyReluBackward0',
  elu: 'EluBackward0',
  softmax: 'SoftmaxBackward0',
  relu6: 'HardtanhBackward0',
  selu: 'EluBackward0',
  celu: 'CeluBackward0',
  gelu: 'GeluBackward0',
  gelu_tanh: 'GeluBackward0',
  silu: 'SiluBackward0',
  mish: 'MishBackward0',
  softplus: 'SoftplusBackward0',
  softsign: 'DivBackward0',
  hard_sigmoid: 'HardsigmoidBackward0',
  hard_swish: 'HardswishBackward0',
  exponential: 'ExpBackward0',
  log_sigmoid: 'LogSigmoidBackward0',
  log_softmax: 'LogSoftmaxBackward0',
  prelu: 'PreluBackward0',
};

/** What `repr` adds for tensors that are not plain float32 leaves (resolved values: src/core/resolve/print.ts). */
export interface TorchTensorKind {
  /** Integer tensor (int32/int64): elements print as `{}` (`0`, `-3`), no float modes. */
  integer?: boolean;
  /** Replaces the dtype suffix: null = none (the dtype is the default one), else e.g. `dtype=torch.float16`. */
  dtypeSuffix?: string | null;
  /** Autograd suffix after the dtype: `requires_grad=True` for a leaf, `grad_fn=<ReluBackward0>` otherwise. */
  gradSuffix?: string;
}

/** torch's default print options (`torch/_tensor_str.py` `__PrinterOptions`). */
export const TORCH_DEFAULTS: Required<TorchPrintOptions> = {
  precision: 4,
  threshold: 1000,
  edgeItems: 3,
  lineWidth: 80,
};

/** torch's `_Formatter` for a floating tensor. */
export class TorchFormatter {
  private intMode = true;
  private sciMode = false;
  private maxWidth = 1;

  /** Measures the values that will be printed. */
  constructor(
    data: ArrayLike<number>,
    private readonly precision = 4,
    private readonly integer = false,
  ) {
    if (integer) {
      for (let i = 0; i < data.length; i++) this.maxWidth = Math.max(this.maxWidth, String(data[i]).length);
      return;
    }
    const vals: number[] = [];
    for (let i = 0; i < data.length; i++) {
      const v = data[i];
      if (Number.isFinite(v) && v !== 0) vals.push(v);
    }
    if (vals.length === 0) return;
    let min = Infinity;
    let max = 0;
    for (const v of vals) {
      const a = Math.abs(v);
      if (a < min) min = a;
      if (a > max) max = a;
    }
    for (const v of vals) {
      if (v !== Math.ceil(v)) {
        this.intMode = false;
        break;
      }
    }
    if (this.intMode) {
      if (max / min > 1000 || max > 1e8) {
        this.sciMode = true;
        for (const v of vals) this.maxWidth = Math.max(this.maxWidth, pyExp(v, precision).length);
      } else {
        for (const v of vals) this.maxWidth = Math.max(this.maxWidth, pyFixed0(v).length + 1);
      }
    } else if (max / min > 1000 || max > 1e8 || min < 1e-4) {
      this.sciMode = true;
      for (const v of vals) this.maxWidth = Math.max(this.maxWidth, pyExp(v, precision).length);
    } else {
      for (const v of vals) this.maxWidth = Math.max(this.maxWidth, pyFixed(v, precision).length);
    }
  }

  /** Width every element is padded to. */
  width(): number {
    return this.maxWidth;
  }

  /** Formats one element, right-aligned to the common width. */
  format(v: number): string {
    let ret: string;
    if (this.integer) ret = String(v);
    else if (this.sciMode) ret = pyExp(v, this.precision);
    else if (this.intMode) {
      ret = pyFixed0(v);
      if (Number.isFinite(v)) ret += '.';
    } else ret = pyFixed(v, this.precision);
    return ret.length < this.maxWidth ? ' '.repeat(this.maxWidth - ret.length) + ret : ret;
  }
}

/** The bracketed body of a torch tensor printout (`_tensor_str`), `indent` being the prefix length. */
export function torchTensorStr(
  values: ArrayLike<number>,
  shape: readonly number[],
  indent: number,
  options: TorchPrintOptions = {},
  integer = false,
): string {
  const o = withDefaults(TORCH_DEFAULTS, options);
  const size = sizeOf(shape);
  if (size === 0) return '[]';
  const summarize = size > o.threshold;
  const shown = shownIndices(shape, summarize, o.edgeItems);
  const fmt = new TorchFormatter(
    shown.map((i) => values[i]),
    o.precision,
    integer,
  );
  if (shape.length === 0) return fmt.format(values[0]);
  const strides = stridesOf(shape);
  const ndim = shape.length;
  const elementLength = fmt.width() + 2;

  const vector = (offset: number, ind: number): string => {
    const n = shape[ndim - 1];
    const perLine = Math.max(1, Math.floor((o.lineWidth - ind) / elementLength));
    const data: string[] = [];
    if (summarize && n > 2 * o.edgeItems) {
      for (let i = 0; i < o.edgeItems; i++) data.push(fmt.format(values[offset + i]));
      data.push(' ...');
      for (let i = n - o.edgeItems; i < n; i++) data.push(fmt.format(values[offset + i]));
    } else {
      for (let i = 0; i < n; i++) data.push(fmt.format(values[offset + i]));
    }
    const lines: string[] = [];
    for (let i = 0; i < data.length; i += perLine) lines.push(data.slice(i, i + perLine).join(', '));
    return '[' + lines.join(',\n' + ' '.repeat(ind + 1)) + ']';
  };

  const recurse = (axis: number, offset: number, ind: number): string => {
    const dim = ndim - axis;
    if (dim === 1) return vector(offset, ind);
    const n = shape[axis];
    const stride = strides[axis];
    const slices: string[] = [];
    if (summarize && n > 2 * o.edgeItems) {
      for (let i = 0; i < o.edgeItems; i++) slices.push(recurse(axis + 1, offset + i * stride, ind + 1));
      slices.push('...');
      for (let i = n - o.edgeItems; i < n; i++) slices.push(recurse(axis + 1, offset + i * stride, ind + 1));
    } else {
      for (let i = 0; i < n; i++) slices.push(recurse(axis + 1, offset + i * stride, ind + 1));
    }
    return '[' + slices.join(',' + '\n'.repeat(dim - 1) + ' '.repeat(ind + 1)) + ']';
  };
  return recurse(0, 0, indent);
}

/** `repr(t)` / `print(t)` of a float tensor: `tensor([...])`, plus `size=`/`dtype=` suffixes as torch adds them. */
export function torchRepr(
  values: ArrayLike<number>,
  shape: readonly number[],
  dtype: DType,
  options: TorchPrintOptions = {},
  kind: TorchTensorKind = {},
): string {
  const o = withDefaults(TORCH_DEFAULTS, options);
  const prefix = 'tensor(';
  const indent = prefix.length;
  const suffixes: string[] = [];
  const size = sizeOf(shape);
  if (size === 0 && shape.length !== 1) suffixes.push(`size=${pythonTuple(shape)}`);
  if (kind.dtypeSuffix !== undefined) {
    if (kind.dtypeSuffix !== null) suffixes.push(kind.dtypeSuffix);
  } else if (dtype !== 'float32') suffixes.push(`dtype=torch.${dtype}`);
  if (kind.gradSuffix) suffixes.push(kind.gradSuffix);
  const tensorStr = prefix + torchTensorStr(values, shape, indent, o, kind.integer ?? false);
  // _add_suffixes
  let out = tensorStr;
  let lastLineLen = tensorStr.length - tensorStr.lastIndexOf('\n') + 1;
  for (const suffix of suffixes) {
    if (lastLineLen + suffix.length + 2 > o.lineWidth) {
      out += ',\n' + ' '.repeat(indent) + suffix;
      lastLineLen = indent + suffix.length;
    } else {
      out += ', ' + suffix;
      lastLineLen += suffix.length + 2;
    }
  }
  return out + ')';
}
