// The conversion the extension adds around a safe path: one expression, evaluated in the paused frame, that reads
// the value (never writes it) and answers one string "ALV1" + JSON { v, fw, dtype, shape, size, values } or
// { v, error: "notNumeric", type }. At most maxElements values are sent, taken with an even stride in the
// debuggee, so a 100M-element tensor costs a strided view, not a copy to the host. Python: PyTorch (detach, any
// device), NumPy, TensorFlow eager tensors and Variables, JAX arrays, lists, tuples and scalars; modules are taken
// from sys.modules, never imported. JS: numbers, typed arrays, nested arrays, TF.js tensors (dataSync).
import type { LiveLanguage, PathStep } from './path';
import { renderPath } from './path';

/** The prefix of every reply: a value the conversion did not build cannot start with it by accident. */
export const REPLY_TAG = 'ALV1';

/** JS values per reply: ~20 characters each stay under js-debug's 100,000-character string budget. */
export const JS_REPLY_VALUES = 4000;

const PYTHON =
  "(lambda v, n: (lambda sys, json: (lambda np, tf, S, E: (lambda NP, R: 'ALV1' + json.dumps( (lambda m, c: (({'v': 1, 'fw': 'pytorch', 'dtype': str(v.dtype).replace('torch.', ''), 'shape': list(v.shape), 'size': int(v.numel()), 'values': v.detach().reshape(-1)[::S(int(v.numel()))][:n].cpu().double().tolist()} if not v.is_complex() else E(str(v.dtype))) if m.startswith('torch') and hasattr(v, 'detach') and hasattr(v, 'numel') else NP(v, 'numpy', str(v.dtype)) if m == 'numpy' and hasattr(v, 'dtype') and hasattr(v, 'reshape') else (R(v, tf.reshape(v, [-1])[::S(int(v.shape.num_elements()))][:n].numpy()) if v.dtype.is_floating or v.dtype.is_integer or v.dtype.is_bool else E(v.dtype.name)) if m.startswith('tensorflow') and tf is not None and hasattr(v, 'dtype') and hasattr(v, 'shape') else NP(v, 'jax', str(v.dtype)) if m.startswith('jax') and np is not None and hasattr(v, 'reshape') else NP(np.asarray(v, dtype='float64'), None, None) if isinstance(v, (list, tuple)) and np is not None else {'v': 1, 'fw': None, 'dtype': None, 'shape': [len(v)], 'size': len(v), 'values': [float(x) for x in v[::S(len(v))][:n]]} if isinstance(v, (list, tuple)) and all(isinstance(x, (int, float)) for x in v) else {'v': 1, 'fw': None, 'dtype': None, 'shape': [], 'size': 1, 'values': [float(v)]} if isinstance(v, (int, float)) else E((m + '.' + c)[:100])) )(type(v).__module__ or '', type(v).__name__)))( lambda a, fw, dt: (lambda k: {'v': 1, 'fw': fw, 'dtype': dt, 'shape': list(a.shape), 'size': k, 'values': np.asarray(a.reshape(-1)[::S(k)][:n], dtype='float64').tolist()})(int(a.size)) if np.dtype(a.dtype).kind in 'biuf' else E(str(a.dtype)), lambda t, flat: {'v': 1, 'fw': 'tensorflow', 'dtype': t.dtype.name, 'shape': list(t.shape.as_list()), 'size': int(t.shape.num_elements()), 'values': flat.astype('float64').tolist()}))( sys.modules.get('numpy'), sys.modules.get('tensorflow'), lambda k: max(1, -(-k // n)), lambda t: {'v': 1, 'error': 'notNumeric', 'type': t}))(__import__('sys'), __import__('json')))(";

const JAVASCRIPT =
  "((v, n) => { const S = (k) => Math.max(1, Math.ceil(k / n)); const out = (fw, dtype, shape, size, get) => { const st = S(size), values = []; for (let i = 0; i < size && values.length < n; i += st) { const x = Number(get(i)); values.push(Number.isFinite(x) ? x : String(x)); } return 'ALV1' + JSON.stringify({ v: 1, fw, dtype, shape, size, values }); }; const E = (t) => 'ALV1' + JSON.stringify({ v: 1, error: 'notNumeric', type: String(t).slice(0, 100) }); if (typeof v === 'number' || typeof v === 'boolean') return out(null, null, [], 1, () => v); if (ArrayBuffer.isView(v) && !(v instanceof DataView)) { const c = Object.prototype.toString.call(v).slice(8, -1); if (c.startsWith('Big')) return E(c); return out(null, c === 'Float64Array' ? 'float64' : c === 'Float32Array' ? 'float32' : c.replace('Array', '').toLowerCase(), [v.length], v.length, (i) => v[i]); } if (v !== null && typeof v === 'object' && typeof v.dataSync === 'function' && Array.isArray(v.shape) && typeof v.dtype === 'string') { if (v.dtype === 'string' || v.dtype === 'complex64') return E('tf.Tensor ' + v.dtype); if (v.isDisposed) return E('disposed tf.Tensor'); const d = v.dataSync(); return out('tfjs', v.dtype, v.shape.slice(), d.length, (i) => d[i]); } if (Array.isArray(v)) { const shape = []; for (let a = v; Array.isArray(a); a = a[0]) { shape.push(a.length); if (shape.length > 8 || a.length === 0) break; } const size = shape.reduce((p, q) => p * q, 1); const strides = shape.map((_, k) => shape.slice(k + 1).reduce((p, q) => p * q, 1)); let bad = null; const get = (i) => { let a = v; for (let k = 0; k < shape.length; k++) { if (!Array.isArray(a) || a.length !== shape[k]) { bad = 'ragged'; return NaN; } a = a[Math.floor(i / strides[k]) % shape[k]]; } if (typeof a !== 'number' && typeof a !== 'boolean') bad = typeof a; return a; }; const r = out(null, null, shape, size, get); return bad ? E(bad === 'ragged' ? 'ragged array' : 'array of ' + bad) : r; } return E(v === null ? 'null' : typeof v === 'object' ? (v.constructor && v.constructor.name) || 'object' : typeof v); })(";

/** The expression sent to the debugger for a path (built from the parsed steps only). */
export function conversionExpression(
  steps: readonly PathStep[],
  language: LiveLanguage,
  maxElements: number,
): string {
  const n = Math.max(1, Math.floor(maxElements));
  return `${language === 'python' ? PYTHON : JAVASCRIPT}${renderPath(steps)}, ${n})`;
}
