// The result types of value resolution: what an expression written in a document evaluates to, or why it
// cannot be known without running the code.

/** Element types a resolved value may carry (the frameworks' names). */
export type ValueDType = 'float16' | 'bfloat16' | 'float32' | 'float64' | 'int32' | 'int64' | 'bool';

/** Whose array the value is: it decides arithmetic, dtype promotion and the print. `python`: a list or scalar. */
export type ValueFramework = 'numpy' | 'pytorch' | 'tensorflow' | 'jax' | 'tfjs' | 'python';

/** What resolution reads: the document (or notebook cell) and, for notebooks, the cells above it in order. */
export interface ResolveDoc {
  text: string;
  /** VS Code language id: python, javascript, typescript, javascriptreact, typescriptreact. */
  languageId: string;
  /** Notebook: the texts of the code cells above the current one, first cell first. */
  cellsAbove?: readonly string[];
  /**
   * Identifies this exact text (e.g. `${uri}@${version}`, with the cells' versions for a notebook): repeated
   * resolutions on the same key reuse the statement index instead of re-reading the text. Omit when unknown.
   */
  cacheKey?: string;
}

export interface ResolveOptions {
  /** A generator or result with more elements than this is `tooLarge` (decided before allocating). Default 100,000. */
  maxElements?: number;
  /** Most characters read back from the offset (current cell and cells above together). Default 300,000. */
  maxChars?: number;
  /** Checked in loops; when it returns true resolution stops with `unresolved` (reason 'cancelled'). */
  isCancelled?: () => boolean;
  /** Import aliases (`F` → `torch.nn.functional`); default: read from the document's import lines. */
  aliases?: Readonly<Record<string, string>>;
}

/** Where a value was bound: the header's "x, line 4: torch.arange(-8.0, 8.0, 0.1)". */
export interface ValueOrigin {
  name: string;
  /** 1-based line in its cell (or document). */
  line: number;
  /** The bound expression as written (one line, trimmed, at most 120 characters). */
  text: string;
  /** Notebook: index into `cellsAbove` (0 = first cell); undefined = the current text. */
  cell?: number;
}

/** An array value: its elements, shape, element type, framework and autograd state. */
export interface ArrayValue {
  /** Row-major, already rounded to `dtype`. */
  values: Float64Array;
  shape: number[];
  dtype: ValueDType;
  framework: ValueFramework;
  requiresGrad: boolean;
  /** PyTorch: the autograd node a non-leaf tensor prints (`ReluBackward0`). */
  gradFn?: string;
}

export interface ResolvedValue extends ArrayValue {
  kind: 'value';
  /** The binding of the outermost name the expression read; null for a literal written in place. */
  origin: ValueOrigin | null;
}

export interface Unresolved {
  kind: 'unresolved';
  /** The name (or construct) that stopped resolution. */
  name: string;
  /** 1-based line of that binding or construct (in `cell` when set). */
  line: number;
  cell?: number;
  /** What stopped it, in English (the host translates known phrases or shows it as data). */
  reason: string;
  /** What would help, e.g. "Run the code under the debugger to see its live value." */
  hint: string;
}

export interface TooLarge {
  kind: 'tooLarge';
  /** Elements the expression would make. */
  count: number;
  limit: number;
  /** The construct that is too large, e.g. `torch.arange(0, 1e6)`. */
  name: string;
  line: number;
  cell?: number;
}

export type ResolveResult = ResolvedValue | Unresolved | TooLarge;
