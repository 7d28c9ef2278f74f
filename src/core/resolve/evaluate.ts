// Evaluates an expression read by expr.ts to a value, resolving names through bindings.ts and computing
// wrappers, generators, methods and arithmetic with the frameworks' semantics. Every construct it does not model
// raises Stop; nothing is guessed.

import { parseArray, ParseError } from '../parse';
import { expandCallee, resolveCallee } from '../detect/callees';
import {
  applyActivation,
  detectCallAt,
  permute,
  specOfDetection,
  type ActivationSpec,
} from './activationCall';
import { binary, unary } from './arith';
import { findBinding, findSelfBinding, located, type Binding, type Source } from './bindings';
import { canonicalJax, defaultDType, dtypeOf } from './dtypes';
import { dottedName, ExprError, parseExpr, type Expr } from './expr';
import {
  checkCount,
  filled,
  numpyArange,
  numpyLinspace,
  pythonRange,
  tfjsLinspace,
  tfjsRange,
  tfLinspace,
  tfRange,
  torchArange,
  torchLinspace,
} from './generators';
import { layerSpec, type LayerArg } from './layers';
import { isFloatDType, isIntDType, roundTo, toBFloat16, toFloat16 } from './rounding';
import { HINT_DEBUGGER, HINT_LITERAL, pyScalar, sizeOfShape, Stop, type Tensor } from './tensor';
import type { ValueDType, ValueFramework, ValueOrigin } from './types';

type Val =
  | { t: 'tensor'; x: Tensor }
  | { t: 'str'; v: string }
  | { t: 'const'; v: boolean | null }
  | { t: 'dtype'; d: ValueDType }
  | { t: 'layer'; spec: ActivationSpec }
  | { t: 'module'; path: string };

export interface EvalContext {
  sources: Source[];
  languageId: string;
  js: boolean;
  aliases: Readonly<Record<string, string>>;
  limit: number;
  isCancelled?: () => boolean;
  cache: Map<string, Val | Stop>;
  depth: number;
  /** The first binding the top-level expression read. */
  origin: ValueOrigin | null;
}

/** Where an expression sits: its source, the statement it belongs to, and the offset of its text there. */
interface Where {
  si: number;
  stmt: number;
  /** Offset of the expression text in sources[si].text, or -1 when it is not part of the source text. */
  base: number;
  /** The text offsets refer to (the source's text, or the expression itself). */
  text: string;
}

const MAX_BINDING_DEPTH = 48;
const MODULE_ROOTS = new Set([
  'torch',
  'numpy',
  'tensorflow',
  'jax',
  'keras',
  'tf_keras',
  'math',
  'tfjs',
  'flax',
  'builtins',
]);
const CONSTANTS: Readonly<Record<string, number>> = {
  'math.pi': Math.PI,
  'math.e': Math.E,
  'math.inf': Infinity,
  'math.nan': NaN,
  'numpy.pi': Math.PI,
  'numpy.e': Math.E,
  'numpy.inf': Infinity,
  'numpy.nan': NaN,
  'torch.pi': Math.PI,
  'jax.numpy.pi': Math.PI,
  'jax.numpy.inf': Infinity,
  'Math.PI': Math.PI,
  'Math.E': Math.E,
  Infinity: Infinity,
  NaN: NaN,
};
const RANDOM =
  /(?:^|\.)(?:random\.|rand$|randn$|randint$|rand_like$|randn_like$|normal$|uniform$|bernoulli$|multinomial$|truncated_normal$|randomNormal$|randomUniform$)/;
const LOADERS = /(?:^|\.)(?:load|loadtxt|genfromtxt|fromfile|read_csv|open|loadLayersModel|loadGraphModel)$/;

const tensorVal = (x: Tensor): Val => ({ t: 'tensor', x });

function asTensor(v: Val, what: string): Tensor {
  if (v.t === 'tensor') return v.x;
  if (v.t === 'const' && typeof v.v === 'boolean') return pyScalar(v.v ? 1 : 0, 'bool');
  throw new Stop(
    `${what} is ${v.t === 'str' ? 'a string' : v.t === 'module' ? `the module ${v.path}` : v.t === 'layer' ? 'a layer object' : v.t === 'dtype' ? 'a dtype' : 'None'}, not an array`,
  );
}

function asNumber(v: Val | undefined, what: string): number {
  if (!v) throw new Stop(`${what} is missing`);
  const t = asTensor(v, what);
  if (t.shape.length !== 0) throw new Stop(`${what} must be a number`);
  return t.values[0];
}

function asShape(v: Val | undefined, what: string): number[] {
  if (!v) throw new Stop(`${what} is missing`);
  const t = asTensor(v, what);
  if (t.shape.length === 0) return [t.values[0]];
  if (t.shape.length !== 1 || isFloatDType(t.dtype))
    throw new Stop(`${what} must be an int or a tuple of ints`);
  return Array.from(t.values);
}

function layerArg(v: Val): LayerArg {
  if (v.t === 'str') return v.v;
  if (v.t === 'const') return v.v;
  if (v.t === 'tensor' && v.x.shape.length === 0)
    return v.x.scalar === 'bool' ? v.x.values[0] !== 0 : v.x.values[0];
  return undefined;
}

/** Converts `x` to framework `fw` as its array constructor does (`torch.tensor(list)`, `tf.constant(np_array)`). */
export function convert(
  x: Tensor,
  fw: ValueFramework,
  dtype: ValueDType | null,
  requiresGrad = false,
): Tensor {
  const kind: 'float' | 'int' | 'bool' =
    x.dtype === 'bool' ? 'bool' : isFloatDType(x.dtype) ? 'float' : 'int';
  const fromPython = x.framework === 'python' || x.list || x.scalar !== undefined;
  let d = dtype ?? (fromPython ? defaultDType(fw, kind) : x.dtype);
  if (fw === 'tfjs' && !dtype) d = 'float32';
  if (fw === 'jax') d = canonicalJax(d);
  if (requiresGrad && !isFloatDType(d))
    throw new Stop('Only Tensors of floating point dtype can require gradients (RuntimeError)');
  const out = new Float64Array(x.values.length);
  for (let i = 0; i < out.length; i++) out[i] = castValue(x.values[i], x.dtype, d, fw);
  return { values: out, shape: x.shape.slice(), dtype: d, framework: fw, requiresGrad };
}

/** One value cast from dtype `from` to `to` as framework fw converts it. */
function castValue(v: number, from: ValueDType, to: ValueDType, fw: ValueFramework): number {
  if (to === from) return v;
  if (isIntDType(to)) {
    if (!Number.isFinite(v)) throw new Stop(`casting ${v} to ${to} is undefined behaviour`);
    return Math.trunc(v);
  }
  // PyTorch converts a double to half through float (c10::Half(float)); NumPy rounds once.
  if (to === 'float16')
    return fw === 'pytorch' && from === 'float64' ? toFloat16(Math.fround(v)) : toFloat16(v);
  if (to === 'bfloat16') return toBFloat16(v);
  return roundTo(v, to);
}

/** Where `b` bound `name`: the header's "x, line 4: torch.arange(-8.0, 8.0, 0.1)". */
export function originOf(b: Binding, name: string): ValueOrigin {
  const o: ValueOrigin = {
    name,
    line: b.line,
    text: oneLine(b.source.text.slice(b.rhsStart, b.rhsEnd).replace(/#.*$/, '')),
  };
  if (b.source.cell !== undefined) o.cell = b.source.cell;
  return o;
}

/** Evaluates the binding `b` (cached per statement and element). */
export function evalBinding(b: Binding, name: string, ctx: EvalContext): Val {
  const si = ctx.sources.indexOf(b.source);
  const key = `${si}:${b.statement}:${b.element ?? -1}:${name}`;
  const hit = ctx.cache.get(key);
  if (hit instanceof Stop) throw hit;
  if (hit) return hit;
  if (++ctx.depth > MAX_BINDING_DEPTH)
    throw new Stop(`bindings nest deeper than ${MAX_BINDING_DEPTH} levels`);
  try {
    const raw = b.source.text.slice(b.rhsStart, b.rhsEnd);
    const where: Where = { si, stmt: b.statement, base: b.rhsStart, text: b.source.text };
    let v: Val;
    if (b.element !== undefined) {
      const tupleText = `(${raw})`;
      const e = parseExpr(tupleText, ctx.js);
      if (e.t !== 'list')
        throw new Stop(`unpacking ${oneLine(raw)} needs a literal tuple or list on the right`, HINT_DEBUGGER);
      const item = e.items[b.element];
      if (!item) throw new Stop('not enough values to unpack (ValueError)');
      v = evalExpr(item, { si, stmt: b.statement, base: 0, text: tupleText }, ctx);
    } else {
      v = evalText(raw, where, ctx);
    }
    if (b.augmented) {
      const prev = evalName(name, { si, stmt: b.statement, base: -1, text: '' }, ctx);
      v = tensorVal(binary(b.augmented, asTensor(prev, name), asTensor(v, raw.trim()), ctx.limit));
    }
    ctx.cache.set(key, v);
    return v;
  } catch (e) {
    if (e instanceof Stop) {
      located(e, b.source, b.source.statements[b.statement], name);
      ctx.cache.set(key, e);
    }
    throw e;
  } finally {
    ctx.depth--;
  }
}

/** Evaluates expression text at `where`; printouts the expression reader does not take go to parseArray. */
export function evalText(raw: string, where: Where, ctx: EvalContext): Val {
  let e: Expr;
  try {
    e = parseExpr(raw, ctx.js);
  } catch (err) {
    if (!(err instanceof ExprError)) throw err;
    const printed = fromPrintout(raw);
    if (printed) return tensorVal(printed);
    throw new Stop(`${err.message} in "${oneLine(raw)}"`, HINT_LITERAL);
  }
  return evalExpr(e, where, ctx);
}

/** A pasted printout (`tensor([...])`, NumPy's `[1. 2. 3.]`, `array(..., dtype=float32)`), or null. */
function fromPrintout(raw: string): Tensor | null {
  const t = raw.trim();
  let fw: ValueFramework;
  if (/^tensor\(/.test(t)) fw = 'pytorch';
  else if (/^(?:<tf\.Tensor|tf\.Tensor\()/.test(t)) fw = 'tensorflow';
  else if (/^array\(|^\[/.test(t)) fw = 'numpy';
  else if (/^Array\(/.test(t)) fw = 'jax';
  else return null;
  try {
    const { values, shape } = parseArray(t);
    const m = /dtype=(?:torch\.|tf\.)?(float16|bfloat16|float32|float64|int32|int64)/.exec(t);
    const d: ValueDType = m ? (m[1] as ValueDType) : fw === 'numpy' ? 'float64' : 'float32';
    const x: Tensor = {
      values: Float64Array.from(values),
      shape,
      dtype: 'float64',
      framework: 'python',
      requiresGrad: /requires_grad=True|grad_fn=/.test(t),
    };
    const out = convert(x, fw, d, false);
    out.requiresGrad = x.requiresGrad && fw === 'pytorch';
    return out;
  } catch (err) {
    if (err instanceof ParseError) return null;
    throw err;
  }
}

export function oneLine(s: string): string {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > 120 ? t.slice(0, 117) + '...' : t;
}

function evalName(name: string, where: Where, ctx: EvalContext): Val {
  const full = expandCallee(name, ctx.aliases);
  if (Object.prototype.hasOwnProperty.call(CONSTANTS, full))
    return tensorVal(pyScalar(CONSTANTS[full], 'float'));
  const root = full.split('.')[0];
  if (MODULE_ROOTS.has(root) || Object.prototype.hasOwnProperty.call(ctx.aliases, name.split('.')[0]))
    return { t: 'module', path: full };
  if (ctx.js && (name === 'tf' || name === 'Math')) return { t: 'module', path: full };
  const b = name.startsWith('self.')
    ? findSelfBinding(ctx.sources, where.si, where.stmt, name)
    : findBinding(ctx.sources, where.si, where.stmt, name, ctx.isCancelled);
  if (!ctx.origin) ctx.origin = originOf(b, name);
  return evalBinding(b, name, ctx);
}

function evalList(e: Extract<Expr, { t: 'list' }>, where: Where, ctx: EvalContext): Tensor {
  checkCount(e.items.length, ctx.limit, 'the list');
  const items = e.items.map((it) => asTensor(evalExpr(it, where, ctx), 'a list element'));
  if (items.length === 0)
    return {
      values: new Float64Array(0),
      shape: [0],
      dtype: 'float64',
      framework: 'python',
      requiresGrad: false,
      list: true,
    };
  const first = items[0];
  for (const it of items) {
    if (!it.scalar && !it.list)
      throw new Stop('a list of arrays is not evaluated (use a literal list of numbers)', HINT_LITERAL);
    if (it.shape.length !== first.shape.length || it.shape.some((d, i) => d !== first.shape[i]))
      throw new Stop('a ragged nested list (elements of different lengths) is not an array');
  }
  const inner = sizeOfShape(first.shape);
  checkCount(items.length * inner, ctx.limit, 'the list');
  const values = new Float64Array(items.length * inner);
  let anyFloat = false;
  let allBool = true;
  items.forEach((it, i) => {
    values.set(it.values, i * inner);
    if (isFloatDType(it.dtype)) anyFloat = true;
    if (it.dtype !== 'bool') allBool = false;
  });
  const dtype: ValueDType = anyFloat || ctx.js ? 'float64' : allBool ? 'bool' : 'int64';
  return {
    values,
    shape: [items.length, ...first.shape],
    dtype,
    framework: 'python',
    requiresGrad: false,
    list: true,
  };
}

function evalComprehension(e: Extract<Expr, { t: 'comp' }>, where: Where, ctx: EvalContext): Tensor {
  const iter = asTensor(evalExpr(e.iter, where, ctx), 'the iterable');
  if (!iter.list || iter.shape.length !== 1)
    throw new Stop('a comprehension over something other than range() or a flat list is not evaluated');
  const n = iter.shape[0];
  checkCount(n, ctx.limit, 'the comprehension');
  const values = new Float64Array(n);
  let anyFloat = false;
  for (let i = 0; i < n; i++) {
    if ((i & 1023) === 0 && ctx.isCancelled?.()) throw new Stop('cancelled');
    const bound = pyScalar(iter.values[i], isFloatDType(iter.dtype) ? 'float' : 'int');
    const v = asTensor(evalWith(e.elt, where, ctx, e.v, bound), 'the comprehension element');
    if (v.shape.length !== 0)
      throw new Stop('a comprehension whose elements are not numbers is not evaluated');
    if (isFloatDType(v.dtype)) anyFloat = true;
    values[i] = v.values[0];
  }
  return {
    values,
    shape: [n],
    dtype: anyFloat ? 'float64' : 'int64',
    framework: 'python',
    requiresGrad: false,
    list: true,
  };
}

/** Evaluates `e` with the loop variable `v` bound to `value` (comprehensions). */
function evalWith(e: Expr, where: Where, ctx: EvalContext, v: string, value: Tensor): Val {
  const sub = (x: Expr): Val => evalWith(x, where, ctx, v, value);
  switch (e.t) {
    case 'name':
      return e.id === v ? tensorVal(value) : evalExpr(e, where, ctx);
    case 'unary':
      return tensorVal(unary(e.op, asTensor(sub(e.x), 'the operand')));
    case 'binary':
      return tensorVal(
        arith(e.op, asTensor(sub(e.l), 'the left operand'), asTensor(sub(e.r), 'the right operand'), ctx),
      );
    case 'num':
    case 'const':
    case 'attr':
      return evalExpr(e, where, ctx);
    default:
      throw new Stop('only arithmetic on the loop variable is evaluated inside a comprehension');
  }
}

function arith(op: Extract<Expr, { t: 'binary' }>['op'], a: Tensor, b: Tensor, ctx: EvalContext): Tensor {
  if (op === '//' || op === '%' || op === '@') throw new Stop(`the operator ${op} is not evaluated`);
  return binary(op, a, b, ctx.limit);
}

export function evalExpr(e: Expr, where: Where, ctx: EvalContext): Val {
  if (ctx.isCancelled?.()) throw new Stop('cancelled');
  switch (e.t) {
    case 'num':
      return tensorVal(pyScalar(e.value, e.isInt && !ctx.js ? 'int' : 'float'));
    case 'str':
      return { t: 'str', v: e.value };
    case 'const':
      return { t: 'const', v: e.value };
    case 'list':
      return tensorVal(evalList(e, where, ctx));
    case 'comp':
      return tensorVal(evalComprehension(e, where, ctx));
    case 'unary':
      return tensorVal(unary(e.op, asTensor(evalExpr(e.x, where, ctx), 'the operand')));
    case 'binary':
      return tensorVal(
        arith(
          e.op,
          asTensor(evalExpr(e.l, where, ctx), 'the left operand'),
          asTensor(evalExpr(e.r, where, ctx), 'the right operand'),
          ctx,
        ),
      );
    case 'name':
      return evalName(e.id, where, ctx);
    case 'attr': {
      const path = dottedName(e);
      if (path) {
        const full = expandCallee(path, ctx.aliases);
        const d = dtypeOf(full, null);
        if (d && full.includes('.')) return { t: 'dtype', d };
        if (Object.prototype.hasOwnProperty.call(CONSTANTS, full))
          return tensorVal(pyScalar(CONSTANTS[full], 'float'));
        const root = path.split('.')[0];
        if (MODULE_ROOTS.has(full.split('.')[0]) || Object.prototype.hasOwnProperty.call(ctx.aliases, root))
          return { t: 'module', path: full };
        if (root === 'self') return evalName(path, where, ctx);
      }
      const obj = evalExpr(e.obj, where, ctx);
      if (obj.t === 'module') return { t: 'module', path: `${obj.path}.${e.name}` };
      return tensorVal(attribute(asTensor(obj, 'the object'), e.name));
    }
    case 'call':
      return evalCall(e, where, ctx);
  }
}

function attribute(x: Tensor, name: string): Tensor {
  switch (name) {
    case 'T': {
      if (x.shape.length < 2)
        return x.framework === 'pytorch' && x.requiresGrad ? { ...x, gradFn: 'PermuteBackward0' } : x;
      const perm = [...x.shape.keys()].reverse();
      const t: Tensor = {
        ...x,
        values: permute(x.values, x.shape, perm),
        shape: perm.map((p) => x.shape[p]),
      };
      if (x.requiresGrad && x.framework === 'pytorch') t.gradFn = 'PermuteBackward0';
      return t;
    }
    case 'data':
      if (x.framework === 'pytorch') return { ...x, requiresGrad: false, gradFn: undefined };
      break;
  }
  throw new Stop(`the attribute .${name} is not evaluated`);
}

function dtypeArg(v: Val | undefined, fw: ValueFramework): ValueDType | null {
  if (!v || (v.t === 'const' && v.v === null)) return null;
  if (v.t === 'dtype') return v.d;
  if (v.t === 'str') {
    const d = dtypeOf(v.v, fw);
    if (d) return d;
    throw new Stop(`unknown dtype '${v.v}'`);
  }
  if (v.t === 'module') {
    const d = dtypeOf(v.path, fw);
    if (d) return d;
  }
  throw new Stop('the dtype argument is not a dtype this project reads');
}

function reshape(x: Tensor, dims: number[]): Tensor {
  const n = x.values.length;
  const unknown = dims.filter((d) => d === -1).length;
  if (unknown > 1) throw new Stop('only one dimension can be inferred (-1)');
  const known = dims.filter((d) => d !== -1).reduce((a, b) => a * b, 1);
  const shape = dims.map((d) => (d === -1 ? (known === 0 ? 0 : n / known) : d));
  if (shape.some((d) => !Number.isInteger(d) || d < 0) || sizeOfShape(shape) !== n)
    throw new Stop(`cannot reshape an array of size ${n} into shape (${dims.join(', ')})`);
  return { ...x, shape, scalar: undefined };
}

function method(x: Tensor, name: string, args: Val[], kwargs: Record<string, Val>): Tensor {
  const torch = x.framework === 'pytorch';
  const cast = (d: ValueDType, gradFn = 'ToCopyBackward0'): Tensor => {
    if (d === x.dtype) return x;
    const t = convert(x, x.framework, d, false);
    t.requiresGrad = x.requiresGrad && isFloatDType(d);
    if (t.requiresGrad && torch) t.gradFn = gradFn;
    return t;
  };
  switch (name) {
    case 'reshape':
    case 'view': {
      const dims =
        args.length === 1
          ? asShape(args[0], 'the new shape')
          : args.map((a, i) => asNumber(a, `dimension ${i}`));
      const t = reshape(x, dims);
      if (torch && x.requiresGrad) t.gradFn = name === 'view' ? 'ViewBackward0' : 'ReshapeAliasBackward0';
      return t;
    }
    case 'flatten':
    case 'ravel':
      if (x.shape.length <= 1) return x.shape.length === 1 ? x : reshape(x, [1]);
      if (torch && x.requiresGrad)
        throw new Stop(`.${name}() of a tensor that requires grad is not evaluated`);
      return reshape(x, [x.values.length]);
    case 'numpy':
      if (torch && x.requiresGrad)
        throw new Stop(
          "Can't call numpy() on Tensor that requires grad. Use tensor.detach().numpy() instead. (RuntimeError)",
        );
      if (!torch && x.framework !== 'tensorflow')
        throw new Stop(`.numpy() of a ${x.framework} value is not evaluated`);
      return { ...x, framework: 'numpy', gradFn: undefined, requiresGrad: false };
    case 'detach':
      return { ...x, requiresGrad: false, gradFn: undefined };
    case 'clone':
    case 'copy':
      return torch && x.requiresGrad ? { ...x, gradFn: 'CloneBackward0' } : x;
    case 'cpu':
    case 'contiguous':
      return x;
    case 'float':
      return cast('float32');
    case 'double':
      return cast('float64');
    case 'half':
      return cast('float16');
    case 'bfloat16':
      return cast('bfloat16');
    case 'requires_grad_': {
      if (!isFloatDType(x.dtype))
        throw new Stop('only Tensors of floating point dtype can require gradients (RuntimeError)');
      const flag = args[0] ?? kwargs.requires_grad;
      const on = flag === undefined || (flag.t === 'const' && flag.v === true);
      return { ...x, requiresGrad: on, gradFn: undefined };
    }
    case 'to':
    case 'astype':
    case 'type': {
      const d = dtypeArg(args[0] ?? kwargs.dtype, x.framework);
      if (!d) throw new Stop(`.${name}(...) without a dtype is not evaluated`);
      if (name === 'astype') {
        const t = convert(x, x.framework, d, false);
        return t;
      }
      return cast(d);
    }
  }
  const activation = torch ? TORCH_METHODS[name] : undefined;
  if (activation) {
    const spec: ActivationSpec = { activation, framework: 'pytorch', dialect: 'pytorch', params: {} };
    if (activation === 'softmax' || activation === 'log_softmax') {
      const dim = args[0] ?? kwargs.dim;
      if (!dim) throw new Stop(`.${name}() needs dim`);
      spec.axis = asNumber(dim, 'dim');
    }
    return guardedApply(spec, x);
  }
  throw new Stop(`the method .${name}() is not evaluated`);
}

/** Tensor methods that are activations (`x.relu()`, `x.softmax(dim=0)`). */
const TORCH_METHODS: Readonly<Record<string, ActivationSpec['activation'] | undefined>> = {
  relu: 'relu',
  sigmoid: 'sigmoid',
  tanh: 'tanh',
  exp: 'exponential',
  softmax: 'softmax',
  log_softmax: 'log_softmax',
};

function evalCall(e: Extract<Expr, { t: 'call' }>, where: Where, ctx: EvalContext): Val {
  const path = dottedName(e.fn);
  const kw = (): Record<string, Val> =>
    Object.fromEntries(e.kwargs.map((k) => [k.name, evalExpr(k.value, where, ctx)]));
  if (path) {
    const full = expandCallee(path, ctx.aliases);
    // An activation call: the detector reads its parameters, as the hover does.
    const callee = resolveCallee(path, ctx.aliases);
    if (callee) return tensorVal(activationCall(e, where, ctx));
    const head = full.split('.')[0];
    const isModulePath =
      MODULE_ROOTS.has(head) ||
      Object.prototype.hasOwnProperty.call(ctx.aliases, path.split('.')[0]) ||
      (ctx.js && path.startsWith('tf.'));
    if (isModulePath || path === 'range' || path === 'float' || path === 'list' || path === 'tuple') {
      if (RANDOM.test(full))
        throw new Stop(`${path}(...) makes random values; they are not known without running`, HINT_DEBUGGER);
      if (LOADERS.test(full)) throw new Stop(`${path}(...) loads data from a file`, HINT_DEBUGGER);
      const layer = layerCtor(full, e, where, ctx);
      if (layer) return layer;
      return tensorVal(
        library(
          full,
          e.args.map((a) => evalExpr(a, where, ctx)),
          kw(),
          ctx,
        ),
      );
    }
  }
  if (e.fn.t === 'attr') {
    const obj = evalExpr(e.fn.obj, where, ctx);
    if (obj.t === 'tensor')
      return tensorVal(
        method(
          obj.x,
          e.fn.name,
          e.args.map((a) => evalExpr(a, where, ctx)),
          kw(),
        ),
      );
    if (obj.t === 'module') throw new Stop(`${obj.path}.${e.fn.name}(...) is not evaluated`);
  }
  // A layer object called on its input: act(x), self.act(x), nn.ReLU()(x).
  let fn: Val;
  try {
    fn = evalExpr(e.fn, where, ctx);
  } catch (err) {
    if (!(err instanceof Stop) || !path || err.tooLargeCount !== undefined) throw err;
    throw new Stop(
      `${path}(...) calls a function the resolver does not run; its result is known only at run time`,
      HINT_DEBUGGER,
    );
  }
  if (fn.t === 'layer') {
    if (e.args.length !== 1 || e.kwargs.length) throw new Stop('a layer is called with one input');
    return tensorVal(applyLayer(fn.spec, asTensor(evalExpr(e.args[0], where, ctx), 'the layer input')));
  }
  throw new Stop(`calling ${path ?? 'this expression'} is not evaluated`, HINT_DEBUGGER);
}

function applyLayer(spec: ActivationSpec, input: Tensor): Tensor {
  let x = input;
  if ((x.list || x.scalar) && spec.framework !== 'pytorch')
    x = convert(x, spec.framework === 'keras' ? 'tensorflow' : (spec.framework as ValueFramework), null);
  return guardedApply(spec, x);
}

function guardedApply(spec: ActivationSpec, x: Tensor): Tensor {
  try {
    return applyActivation(spec, x);
  } catch (err) {
    if (err instanceof Stop) throw err;
    throw new Stop(err instanceof Error ? err.message : String(err));
  }
}

function layerCtor(
  full: string,
  e: Extract<Expr, { t: 'call' }>,
  where: Where,
  ctx: EvalContext,
): Val | null {
  if (!/^(?:torch\.nn\.[A-Z]|keras\.layers\.|tensorflow\.keras\.layers\.|tf_keras\.layers\.)/.test(full))
    return null;
  const args = e.args.map((a) => layerArg(evalExpr(a, where, ctx)));
  const kwargs: Record<string, LayerArg> = {};
  for (const k of e.kwargs)
    if (k.name !== 'name' && k.name !== 'dtype') kwargs[k.name] = layerArg(evalExpr(k.value, where, ctx));
  const spec = layerSpec(full, args, kwargs);
  if (typeof spec === 'string') throw new Stop(spec);
  return { t: 'layer', spec };
}

function activationCall(e: Extract<Expr, { t: 'call' }>, where: Where, ctx: EvalContext): Tensor {
  // The detector works on source text: the call as written at its place (or the expression alone).
  const text = where.text;
  const at = where.base + e.start;
  const d = detectCallAt(text, at, ctx.languageId, ctx.aliases);
  if (!d) throw new Stop('the activation call could not be read');
  const spec = specOfDetection(d);
  const inputStart = d.inputRange ? d.inputRange.start - where.base : -1;
  const arg = [...e.args, ...e.kwargs.map((k) => k.value)].find((a) => a.start === inputStart);
  if (!arg) throw new Stop('the activation call has no input argument');
  return applyLayer(spec, asTensor(evalExpr(arg, where, ctx), 'the input'));
}

const FW_OF: ReadonlyArray<[string, ValueFramework]> = [
  ['numpy.', 'numpy'],
  ['torch.', 'pytorch'],
  ['tensorflow.keras.ops.', 'tensorflow'],
  ['tensorflow.', 'tensorflow'],
  ['keras.ops.', 'tensorflow'],
  ['jax.numpy.', 'jax'],
  ['tfjs.', 'tfjs'],
];

/** Wrappers and generators by full path. */
function library(full: string, args: Val[], kwargs: Record<string, Val>, ctx: EvalContext): Tensor {
  const limit = ctx.limit;
  if (full === 'range') {
    const n = args.map((a, i) => asNumber(a, `range() argument ${i + 1}`));
    if (n.length === 1) return pythonRange(0, n[0], 1, limit);
    if (n.length === 2) return pythonRange(n[0], n[1], 1, limit);
    if (n.length === 3) return pythonRange(n[0], n[1], n[2], limit);
    throw new Stop('range() takes 1 to 3 arguments');
  }
  if (full === 'list' || full === 'tuple') {
    const x = asTensor(args[0] ?? tensorVal(pyScalar(0, 'int')), 'the argument');
    if (!x.list) throw new Stop(`${full}() of an array is not evaluated`);
    return x;
  }
  if (full === 'float') {
    const a = args[0];
    if (a?.t === 'str') {
      const m = /^\s*([-+]?)(inf|infinity|nan)\s*$/i.exec(a.v);
      if (m)
        return pyScalar(m[2].toLowerCase() === 'nan' ? NaN : m[1] === '-' ? -Infinity : Infinity, 'float');
      const v = Number(a.v);
      if (a.v.trim() !== '' && Number.isFinite(v)) return pyScalar(v, 'float');
      throw new Stop(`float('${a.v}') is not evaluated`);
    }
    return pyScalar(asNumber(a, 'float() argument'), 'float');
  }
  const entry = FW_OF.find(([p]) => full.startsWith(p));
  if (!entry) throw new Stop(`${full}(...) is not evaluated`, HINT_DEBUGGER);
  const fw = entry[1];
  const fn = full.slice(entry[0].length);
  const dtypeKw = dtypeArg(kwargs.dtype, fw);
  const requiresGrad =
    fw === 'pytorch' && kwargs.requires_grad?.t === 'const' && kwargs.requires_grad.v === true;
  const finish = (t: Tensor): Tensor => {
    if (requiresGrad) {
      if (!isFloatDType(t.dtype))
        throw new Stop('Only Tensors of floating point dtype can require gradients (RuntimeError)');
      t.requiresGrad = true;
    }
    return t;
  };
  const num = (i: number, k: string, def?: number): number => {
    const v = args[i] ?? kwargs[k];
    if (v === undefined) {
      if (def === undefined) throw new Stop(`${full}: argument ${k} is missing`);
      return def;
    }
    return asNumber(v, `${full} argument ${k}`);
  };
  const argKinds = (...vs: (Val | undefined)[]): 'float' | 'int' =>
    vs.some((v) => v && v.t === 'tensor' && isFloatDType(v.x.dtype)) ? 'float' : 'int';

  // Wrappers: the first argument is the data.
  const WRAP =
    /^(?:array|asarray|asanyarray|tensor|as_tensor|from_numpy|constant|convert_to_tensor|Variable|tensor1d|tensor2d|tensor3d|tensor4d|Tensor|FloatTensor|DoubleTensor)$/;
  if (WRAP.test(fn)) {
    const data = asTensor(
      args[0] ?? kwargs.value ?? kwargs.data ?? tensorVal(pyScalar(NaN, 'float')),
      `the data of ${full}`,
    );
    let d = dtypeKw;
    if (fw === 'tfjs') {
      const pos = fn === 'tensor1d' ? args[1] : args[2];
      d = pos ? dtypeArg(pos, fw) : d;
      const shapeArg = fn !== 'tensor1d' ? args[1] : undefined;
      const t = convert(data, 'tfjs', d ?? 'float32');
      if (shapeArg && !(shapeArg.t === 'const' && shapeArg.v === null))
        return reshape(t, asShape(shapeArg, 'the shape'));
      return t;
    }
    // np.array(data, np.float32) / tf.constant(data, tf.float32): the dtype may be the second positional argument.
    if (!d && args[1] && (fw === 'numpy' || fw === 'tensorflow' || fw === 'jax')) d = dtypeArg(args[1], fw);
    if (fn === 'FloatTensor' || fn === 'Tensor') d = 'float32';
    if (fn === 'DoubleTensor') d = 'float64';
    if (fn === 'from_numpy' && data.framework !== 'numpy')
      throw new Stop('torch.from_numpy expects a NumPy array (TypeError)');
    return finish(convert(data, fw, d, requiresGrad));
  }
  const fdt = (kind: 'float' | 'int'): ValueDType => {
    const d = dtypeKw ?? defaultDType(fw, kind);
    return fw === 'jax' ? canonicalJax(d) : d;
  };
  switch (fn) {
    case 'arange':
    case 'range': {
      let [a, b, s] = [0, 0, 1];
      const n = args.length;
      const startKw = kwargs.start;
      const vs: (Val | undefined)[] = [
        ...args,
        kwargs.start,
        kwargs.stop,
        kwargs.end,
        kwargs.limit,
        kwargs.step,
        kwargs.delta,
      ];
      if (n === 1 && !startKw) b = num(0, 'stop');
      else {
        a = num(0, 'start');
        b = args[1] ? num(1, 'stop') : asNumber(kwargs.stop ?? kwargs.end ?? kwargs.limit, 'stop');
        s = args[2]
          ? num(2, 'step')
          : kwargs.step || kwargs.delta
            ? asNumber(kwargs.step ?? kwargs.delta, 'step')
            : 1;
      }
      if (fw === 'tfjs') {
        const dt = args[3] ?? kwargs.dtype;
        return tfjsRange(a, b, s, dt ? (dtypeArg(dt, fw) ?? 'float32') : 'float32', limit);
      }
      const kind = argKinds(...vs);
      const d = fdt(kind);
      if (fw === 'numpy' || fw === 'jax') return numpyArange(a, b, s, d, fw, limit);
      if (fw === 'pytorch') return finish(torchArange(a, b, s, d, limit));
      if (fw === 'tensorflow' && fn === 'range') return tfRange(a, b, s, d, limit);
      break;
    }
    case 'linspace': {
      const a = num(0, 'start');
      const b = num(1, fw === 'pytorch' ? 'end' : 'stop');
      if (fw === 'numpy') {
        const endpoint = kwargs.endpoint?.t === 'const' ? kwargs.endpoint.v !== false : true;
        return numpyLinspace(a, b, num(2, 'num', 50), endpoint, dtypeKw ?? 'float64', 'numpy', limit);
      }
      if (fw === 'pytorch') return finish(torchLinspace(a, b, num(2, 'steps'), fdt('float'), limit));
      if (fw === 'tensorflow') return tfLinspace(a, b, num(2, 'num'), dtypeKw ?? 'float32', limit);
      if (fw === 'tfjs') return tfjsLinspace(a, b, num(2, 'num'), limit);
      if (fw === 'jax')
        throw new Stop(
          'jnp.linspace rounding depends on how XLA compiles it; not modelled',
          'Use jnp.arange or a literal, or run under the debugger.',
        );
      break;
    }
    case 'ones':
    case 'zeros':
    case 'full':
    case 'fill': {
      const value = fn === 'ones' ? 1 : fn === 'zeros' ? 0 : num(1, fn === 'fill' ? 'value' : 'fill_value');
      let shape: number[];
      if (fw === 'pytorch' && args.length > 1 && fn !== 'full')
        shape = args.map((a, i) => asNumber(a, `size ${i}`));
      else shape = asShape(args[0] ?? kwargs.shape ?? kwargs.size ?? kwargs.dims, 'the shape');
      let d: ValueDType;
      if (fn === 'full' || fn === 'fill') {
        const fv = args[1] ?? kwargs.fill_value ?? kwargs.value;
        const kind = fv?.t === 'tensor' && fv.x.dtype === 'bool' ? 'bool' : argKinds(fv);
        d =
          dtypeKw ??
          (fw === 'tfjs'
            ? args[2]
              ? (dtypeArg(args[2], fw) ?? 'float32')
              : 'float32'
            : defaultDType(fw, kind));
      } else
        d =
          dtypeKw ??
          (fw === 'tfjs'
            ? args[1]
              ? (dtypeArg(args[1], fw) ?? 'float32')
              : 'float32'
            : defaultDType(fw, 'float'));
      if (fw === 'jax') d = canonicalJax(d);
      return finish(filled(shape, value, d, fw, limit, full));
    }
  }
  throw new Stop(`${full}(...) is not evaluated`, HINT_DEBUGGER);
}

export type { Val, Where };
