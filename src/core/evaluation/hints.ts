// What an input's own text says about its framework and dtype: a wrapper (`np.array(…)`) or a pasted printout
// (`tensor([…])`). Reads only the text's first and last characters: linear and bounded whatever the literal's size.
import { expandCallee } from '../detect/callees';
import type { Framework } from '../framework';
import type { DType } from '../types';

/** Module paths (after alias expansion) whose array constructors make a framework's tensor. */
const WRAPPER_MODULES: ReadonlyArray<[prefix: string, framework: Framework]> = [
  ['numpy.', 'numpy'],
  ['jax.numpy.', 'jax'],
  ['jax.', 'jax'],
  ['torch.', 'pytorch'],
  ['tensorflow.keras.', 'keras'],
  ['keras.', 'keras'],
  ['tensorflow.', 'tensorflow'],
  ['tfjs.', 'tfjs'],
];

/** How each framework's printout starts (its repr / str), checked on the text's first characters only. */
const PRINTOUTS: ReadonlyArray<[RegExp, Framework]> = [
  [/^tensor\s*\(/, 'pytorch'],
  [/^<?tf\.Tensor\b/, 'tensorflow'],
  [/^Array\s*\(/, 'jax'],
  [/^array\s*\(/, 'numpy'],
  [/^Tensor\s*(?:\r?\n|\[)/, 'tfjs'],
];

/** The callee of a wrapper call at the start of `text` (`np.array` of `np.array([1.])`), or null. */
function leadingCallee(text: string): string | null {
  const m = /^([A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*)\s*\(/.exec(text.slice(0, 200));
  return m ? m[1] : null;
}

/**
 * What the input's own text says about its framework: a wrapper (`np.array(…)`, `torch.tensor(…)`, `tf.constant(…)`
 * — with the document's import aliases) or a printout's style (`tensor(…)`, `array(…)`, `Array(…)`, `tf.Tensor(…)`,
 * TF.js `Tensor\n [...]`). Null when the text is a bare literal.
 */
export function frameworkHintOf(
  text: string,
  aliases: Readonly<Record<string, string>>,
): { framework: Framework; hint: 'wrapper' | 'printout' } | null {
  const t = text.trimStart();
  const callee = leadingCallee(t);
  if (callee && callee.includes('.')) {
    const path = expandCallee(callee, aliases) + '.';
    for (const [prefix, framework] of WRAPPER_MODULES) {
      if (path.startsWith(prefix)) return { framework, hint: 'wrapper' };
    }
  }
  for (const [re, framework] of PRINTOUTS) if (re.test(t)) return { framework, hint: 'printout' };
  return null;
}

/** A dtype written in the input's text (`dtype=np.float64`, `dtype=torch.double`, `'float64'`), or null. */
export function dtypeWrittenIn(text: string): DType | null {
  // Bounded, linear: the dtype of a wrapper or printout sits at its end; look at the last 200 characters.
  const tail = text.slice(-200);
  const m = /dtype\s*[=:]\s*['"]?(?:[A-Za-z_]\w*\.)*(float64|double|float32|float)\b/.exec(tail);
  if (!m) return null;
  return m[1] === 'float64' || m[1] === 'double' ? 'float64' : 'float32';
}
