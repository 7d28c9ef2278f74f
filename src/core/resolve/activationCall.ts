// The one place resolution evaluates an activation: a detected call (or layer) applied to a resolved input.
// The lead's evaluation pipeline may repoint `applyActivation` to its own stage; nothing else in resolve/
// imports the activation kernels or the detector.

import { evaluate } from '../activations/evaluate';
import { detectAt, type Detection } from '../detect/detect';
import type { DetectFramework } from '../detect/callees';
import type { ActivationId, Dialect } from '../types';
import { TORCH_GRAD_FN } from '../format/pytorch';
import { Stop, type Tensor } from './tensor';
import type { ValueFramework } from './types';

/** What an activation call or layer means: enough to evaluate it. */
export interface ActivationSpec {
  activation: ActivationId;
  framework: DetectFramework;
  dialect: Dialect;
  params: Record<string, number>;
  /** softmax / log_softmax: the axis; undefined = PyTorch's implicit dim. */
  axis?: number;
  /** Parameters written but not evaluated (their value is unknown or not modelled). */
  ignoredParams?: string[];
}

/** The detector's reading of the activation call whose callee starts at `offset` in `text`. */
export function detectCallAt(
  text: string,
  offset: number,
  languageId: string,
  aliases: Readonly<Record<string, string>>,
): Detection | null {
  const d = detectAt((s, e) => text.slice(s, e), text.length, offset, languageId, { aliases });
  return d && d.kind === 'call' && d.range.start === offset ? d : null;
}

const VALUE_FRAMEWORK: Readonly<Record<DetectFramework, ValueFramework>> = {
  tensorflow: 'tensorflow',
  keras: 'tensorflow',
  pytorch: 'pytorch',
  jax: 'jax',
  tfjs: 'tfjs',
};

/** Transposes a row-major array: the result's axis i is the input's axis perm[i] (also used for `.T`). */
export function permute(
  values: ArrayLike<number>,
  shape: readonly number[],
  perm: readonly number[],
): Float64Array {
  const nd = shape.length;
  const strides = new Array<number>(nd);
  let s = 1;
  for (let i = nd - 1; i >= 0; i--) {
    strides[i] = s;
    s *= shape[i];
  }
  const dst = perm.map((p) => shape[p]);
  const out = new Float64Array(values.length);
  const pos = new Array<number>(nd).fill(0);
  for (let k = 0; k < values.length; k++) {
    let f = 0;
    for (let i = 0; i < nd; i++) f += pos[i] * strides[perm[i]];
    out[k] = values[f];
    for (let i = nd - 1; i >= 0; i--) {
      if (++pos[i] < dst[i]) break;
      pos[i] = 0;
    }
  }
  return out;
}

/** spec applied to input, as the framework computes it (float32 inputs; the core's per-dialect kernels). */
export function applyActivation(spec: ActivationSpec, input: Tensor): Tensor {
  if (spec.ignoredParams?.length)
    throw new Stop(
      `the parameter(s) ${spec.ignoredParams.join(', ')} of this call are not evaluated`,
      'Write them as numbers.',
    );
  const fw = VALUE_FRAMEWORK[spec.framework];
  if (fw === 'pytorch' && input.framework !== 'pytorch')
    throw new Stop(
      `PyTorch's ${spec.activation} needs a Tensor, got a ${input.list ? 'Python list' : input.framework + ' value'} (TypeError)`,
    );
  if (input.dtype !== 'float32') {
    const why =
      input.dtype === 'float64' ? "float64 (the core models the frameworks' float32 kernels)" : input.dtype;
    throw new Stop(
      `${spec.activation} of a ${why} input is not evaluated`,
      'Use float32 input, or run under the debugger.',
    );
  }
  const shape = input.shape;
  let values = input.values;
  const vector = spec.activation === 'softmax' || spec.activation === 'log_softmax';
  let axis = spec.axis;
  if (vector) {
    if (shape.length === 0) throw new Stop(`${spec.activation} of a scalar is not evaluated`);
    if (axis === undefined) axis = shape.length === 0 || shape.length === 1 || shape.length === 3 ? 0 : 1;
    if (axis < 0) axis += shape.length;
    if (axis < 0 || axis >= shape.length)
      throw new Stop(`axis ${spec.axis} is out of range for a ${shape.length}-D input`);
  }
  // softmax works along the last axis: move the requested axis there and back.
  const perm = [...shape.keys()].filter((i) => i !== axis).concat(vector ? [axis!] : []);
  const moved = vector ? perm.map((p) => shape[p]) : shape;
  if (vector && axis !== shape.length - 1) values = permute(values, shape, perm);
  const ev = evaluate(spec.activation, values, moved, { dialect: spec.dialect, params: spec.params });
  let out: Float64Array = Float64Array.from(ev.values);
  if (vector && axis !== shape.length - 1)
    out = permute(
      out,
      moved,
      perm.map((_, i) => perm.indexOf(i)),
    );
  const t: Tensor = {
    values: out,
    shape: shape.slice(),
    dtype: 'float32',
    framework: fw,
    requiresGrad: input.requiresGrad,
  };
  if (input.requiresGrad && fw === 'pytorch') t.gradFn = TORCH_GRAD_FN[spec.activation];
  return t;
}

/** The spec of a detected call. */
export function specOfDetection(d: Detection): ActivationSpec {
  return {
    activation: d.activation!,
    framework: d.framework!,
    dialect: d.dialect!,
    params: d.params,
    axis: d.axis,
    ignoredParams: d.ignoredParams,
  };
}
