// Values from real code in the pipeline: a call whose input is not a literal (`torch.relu(x)`) gets its input from
// the resolver (src/core/resolve), which reads the bindings above it. A value becomes the subject's input; what
// the kernels cannot evaluate faithfully (half types, integers, bools, a tensor of another framework) becomes a
// clear error; what cannot be known stays noInput with the binding that stopped it.
import type { Detection } from '../detect/detect';
import type { Framework } from '../framework';
import { FRAMEWORK_LABELS } from '../framework';
import type { ResolveDoc, ResolvedValue, ValueFramework } from '../resolve';
import type { Resolver } from '../resolve/resolver';
import { TORCH_GRAD_FN } from '../format/pytorch';
import type { ActivationId, DType } from '../types';
import type { SubjectInput, SubjectResult, SubjectSource, Unresolved } from './subject';

/**
 * What resolution reads: the document (and, in a notebook, the cells above), the resolver (given, not imported: a
 * host loads it on first use) and a cancellation check.
 */
export interface ResolutionContext {
  doc: ResolveDoc;
  resolver: Resolver;
  isCancelled?: () => boolean;
}

/** The resolved input of a call, with what it changes in the subject and the source. */
export interface ResolvedInput {
  kind: 'resolved';
  input: SubjectInput;
  /** The value's own dtype when the framework keeps it (float32 or float64); null: the framework decides. */
  dtype: DType | null;
  source: Pick<SubjectSource, 'resolved' | 'gradSuffix'>;
}

const VALUE_LABELS: Readonly<Record<ValueFramework, string>> = {
  numpy: 'NumPy',
  pytorch: 'PyTorch',
  tensorflow: 'TensorFlow',
  jax: 'JAX',
  tfjs: 'TensorFlow.js',
  python: 'Python',
};

/** Which values a call of `framework` takes as they are (PyTorch only takes tensors; TF.js only its own). */
function accepts(framework: Framework, value: ValueFramework): boolean {
  if (framework === 'pytorch') return value === 'pytorch';
  if (framework === 'tfjs') return value === 'tfjs' || value === 'python';
  return value !== 'pytorch' && value !== 'tfjs';
}

function where(v: ResolvedValue, fallback: string): string {
  const o = v.origin;
  if (!o) return fallback;
  return o.cell !== undefined
    ? `${o.name} (cell ${o.cell + 1}, line ${o.line})`
    : `${o.name} (line ${o.line})`;
}

/**
 * The input of call `d` from the code around it, or why there is none: `null` when the call has no argument to
 * resolve. `activation` and `framework` are the call's (for the errors and the autograd suffix).
 */
export function resolveCallInput(
  d: Detection,
  activation: ActivationId,
  framework: Framework,
  ctx: ResolutionContext,
  maxElements: number,
  aliases: Readonly<Record<string, string>>,
): ResolvedInput | Extract<SubjectResult, { kind: 'tooLarge' | 'error' }> | Unresolved | null {
  if (!d.argText || !d.inputRange) return null;
  const r = ctx.resolver.resolveValue(ctx.doc, d.inputRange.start, d.argText, {
    maxElements,
    // No aliases given: the resolver reads the document's own import lines.
    aliases: Object.keys(aliases).length ? aliases : undefined,
    isCancelled: ctx.isCancelled,
  });
  if (r.kind === 'unresolved') return r;
  if (r.kind === 'tooLarge') return { kind: 'tooLarge', limit: maxElements };
  const what = where(r, d.argText);
  const fw = FRAMEWORK_LABELS[framework];
  if (!accepts(framework, r.framework))
    return {
      kind: 'error',
      phase: 'evaluate',
      message: `${what} is a ${VALUE_LABELS[r.framework]} value; ${fw}'s ${d.callee ?? activation} does not take it as it is (the framework would raise a TypeError or convert it).`,
    };
  if (r.dtype !== 'float32' && r.dtype !== 'float64')
    return {
      kind: 'error',
      phase: 'evaluate',
      message: `${what} has dtype ${r.dtype}; Activation Lens evaluates float32 and float64 inputs only (${r.dtype.startsWith('int') || r.dtype === 'bool' ? 'the framework would keep integers or refuse the call' : 'half-precision kernels are not modelled'}), so it shows no numbers rather than wrong ones.`,
    };
  const gradFn = r.requiresGrad && framework === 'pytorch' ? TORCH_GRAD_FN[activation] : undefined;
  return {
    kind: 'resolved',
    input: {
      values: Array.from(r.values),
      shape: r.shape,
      text: r.origin?.text ?? d.argText,
    },
    dtype: r.framework === 'python' || r.framework === 'tfjs' ? null : r.dtype,
    source: {
      resolved: { expression: d.argText, origin: r.origin },
      ...(gradFn ? { gradSuffix: `grad_fn=<${gradFn}>` } : {}),
    },
  };
}
