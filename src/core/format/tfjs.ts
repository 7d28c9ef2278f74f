// TensorFlow.js `tensor.toString()` / `print()` text (tfjs-core tensor_format.ts, non-verbose): each float32 value
// as `parseFloat(v.toFixed(7))`, columns right-padded for rank ≥ 2, more than 20 items per axis shown as the first
// 3, `...` and the last 3. A 0-d tensor prints its float32 value's full JavaScript text (`0.8807970881462097`).

const LIMIT = 20;
const EDGE = 3;

function valueText(v: number): string {
  return String(parseFloat(v.toFixed(7)));
}

function rightPad(s: string, width: number): string {
  return s.length >= width ? s : s + ' '.repeat(width - s.length);
}

function strides(shape: readonly number[]): number[] {
  const rank = shape.length;
  if (rank < 2) return [];
  const out = new Array<number>(rank - 1);
  out[rank - 2] = shape[rank - 1];
  for (let i = rank - 3; i >= 0; i--) out[i] = out[i + 1] * shape[i + 1];
  return out;
}

function sub(
  vals: ArrayLike<number>,
  from: number,
  shape: readonly number[],
  st: readonly number[],
  pad: readonly number[],
  isLast: boolean,
): string[] {
  const rank = shape.length;
  if (rank === 0) return [String(vals[from])];
  const size = shape[0];
  if (rank === 1) {
    const item = (i: number): string => rightPad(valueText(vals[from + i]), pad[i] ?? 0);
    if (size > LIMIT) {
      const first = Array.from({ length: EDGE }, (_, i) => item(i));
      const last = Array.from({ length: EDGE }, (_, i) => item(size - EDGE + i));
      return [`[${first.join(', ')}, ..., ${last.join(', ')}]`];
    }
    return [`[${Array.from({ length: size }, (_, i) => item(i)).join(', ')}]`];
  }
  const subShape = shape.slice(1);
  const subStrides = st.slice(1);
  const stride = st[0];
  const lines: string[] = [];
  const rows = size > LIMIT ? [...range(0, EDGE), -1, ...range(size - EDGE, size)] : range(0, size);
  for (const i of rows) {
    if (i < 0) lines.push('...');
    else lines.push(...sub(vals, from + i * stride, subShape, subStrides, pad, i === size - 1));
  }
  const sep = rank === 2 ? ',' : '';
  lines[0] = '[' + lines[0] + sep;
  for (let i = 1; i < lines.length - 1; i++) lines[i] = ' ' + lines[i] + sep;
  const newLineSep = ',\n' + '\n'.repeat(Math.max(0, rank - 2));
  lines[lines.length - 1] = ' ' + lines[lines.length - 1] + ']' + (isLast ? '' : newLineSep);
  return lines;
}

function range(a: number, b: number): number[] {
  return Array.from({ length: Math.max(0, b - a) }, (_, k) => a + k);
}

/** `print()` of a float32 TF.js tensor: `Tensor\n    [0.0474259, 0.1192029, ...]`. */
export function formatTfjs(values: ArrayLike<number>, shape: readonly number[]): string {
  // An empty tensor (any shape with a 0) prints as [] (the row-walk below would print '[undefined,]').
  if (values.length === 0 && shape.length > 0) return 'Tensor\n    []';
  const data = Float32Array.from(Array.from({ length: values.length }, (_, i) => values[i]));
  const st = strides(shape);
  const cols = st.length ? st[st.length - 1] : 1;
  const pad = new Array<number>(cols).fill(0);
  if (shape.length > 1) {
    for (let i = 0; i < data.length; i++) {
      const j = i % cols;
      pad[j] = Math.max(pad[j], valueText(data[i]).length);
    }
  }
  const lines = sub(data, 0, shape, st, pad, true);
  return ['Tensor', lines.map((l) => '    ' + l).join('\n')].join('\n');
}
