// The frameworks and what each decides: the dialect whose arithmetic and defaults apply (and so how results print).
// The one mapping between frameworks and dialects; the detector, the evaluation and the webview share it.
import type { Dialect } from './types';

/** The frameworks whose activation calls the detector reads. */
export type DetectFramework = 'tensorflow' | 'keras' | 'pytorch' | 'jax' | 'tfjs';

/** A framework whose results the extension reproduces: the detector's, plus NumPy (the `exact` dialect). */
export type Framework = DetectFramework | 'numpy';
export const FRAMEWORKS: readonly Framework[] = ['tensorflow', 'keras', 'pytorch', 'jax', 'tfjs', 'numpy'];

/** What chose the framework of a subject, strongest first; the hover's header names it. */
export type FrameworkHint = 'call' | 'wrapper' | 'printout' | 'setting';

/** Display names (not translated: they are product names). */
export const FRAMEWORK_LABELS: Readonly<Record<Framework, string>> = {
  tensorflow: 'TensorFlow',
  keras: 'Keras',
  pytorch: 'PyTorch',
  jax: 'JAX',
  tfjs: 'TensorFlow.js',
  numpy: 'NumPy',
};

/** The dialect a framework's arithmetic follows. Keras 2 runs on TensorFlow; NumPy computes in float64. */
export const FRAMEWORK_DIALECT: Readonly<Record<Framework, Dialect>> = {
  tensorflow: 'tensorflow',
  keras: 'tensorflow',
  pytorch: 'pytorch',
  jax: 'jax',
  tfjs: 'tfjs',
  numpy: 'exact',
};

/** The framework a dialect stands for when nothing else says (the dialect setting, the panel's dialect box). */
export const DIALECT_FRAMEWORK: Readonly<Record<Dialect, Framework>> = {
  tensorflow: 'tensorflow',
  pytorch: 'pytorch',
  jax: 'jax',
  tfjs: 'tfjs',
  exact: 'numpy',
};
