// Shared by CodeLens and inlay hints: find activation calls line by line (a cheap bounded pre-filter first, the
// detector only on candidate lines), capped per document and cancellable, and evaluate them through a small cache
// so that typing elsewhere does not recompute unchanged calls.
import * as vscode from 'vscode';
import {
  detectCallsIn,
  evaluateDetection,
  type Detection,
  type EvaluationResult,
  type EvaluationSettings,
} from '../core';
import {
  aliasesFor,
  documentLength,
  isCodeAt,
  resolutionFor,
  textAccessor,
} from '../services/documentAccess';

/** At most this many inline results per document (CodeLens) or per request (inlay hints). */
export const MAX_INLINE_RESULTS = 100;
/** Lines longer than this are skipped by the inline scan (minified code, data dumps). */
const MAX_LINE_LENGTH = 20_000;
/** Characters read past a candidate line so that a call can close on a later line. */
const INLINE_MAX_SCAN = 8_000;

/** Names that can start an activation call, followed by `(`: a line without one is skipped unread by the detector. */
const CANDIDATE =
  /(?:sigmoid|tanh|relu|relu6|elu|gelu|silu|swish|mish|softplus|softsign|soft_sign|softmax|exp|expit|sigmoid|hardsigmoid|hardswish|hard_sigmoid|hard_silu|hard_swish|exponential|logsigmoid|log_sigmoid|logSigmoid|leakyRelu|leaky_relu|selu|celu|prelu|log_softmax|logSoftmax)\s*\(/;

/** Activation calls that start on lines [fromLine, toLine], in order; stops at `max` or on cancellation. */
export function callsInLines(
  document: vscode.TextDocument,
  fromLine: number,
  toLine: number,
  token: vscode.CancellationToken,
  max = MAX_INLINE_RESULTS,
): Detection[] {
  const out: Detection[] = [];
  const getText = textAccessor(document);
  const length = documentLength(document);
  const aliases = aliasesFor(document);
  const last = Math.min(toLine, document.lineCount - 1);
  for (let line = Math.max(0, fromLine); line <= last; line++) {
    if ((line & 255) === 0 && token.isCancellationRequested) return out;
    const text = document.lineAt(line).text;
    if (text.length > MAX_LINE_LENGTH || !text.includes('(') || !CANDIDATE.test(text)) continue;
    const start = document.offsetAt(new vscode.Position(line, 0));
    if (!isCodeAt(document, start)) continue;
    const found = detectCallsIn(getText, length, start, start + text.length, document.languageId, {
      aliases,
      maxScan: INLINE_MAX_SCAN,
      maxResults: max - out.length,
    });
    out.push(...found);
    if (out.length >= max) break;
  }
  return out;
}

/** Evaluations keyed by what determines them (callee, input text, parameters, settings); least recently used out. */
export class EvaluationCache {
  private readonly map = new Map<string, EvaluationResult>();

  constructor(private readonly capacity = 256) {}

  /**
   * With `document`, a call whose input is not a literal is resolved from the code above it; its key then holds
   * the document's version and the call's offset (the value depends on every line above).
   */
  get(d: Detection, settings: EvaluationSettings, document?: vscode.TextDocument): EvaluationResult {
    const resolution = document && d.inputText === null ? resolutionFor(document) : undefined;
    const key = JSON.stringify([
      resolution ? [resolution.doc.cacheKey, d.inputRange?.start] : null,
      d.activation,
      d.dialect,
      d.framework,
      d.params,
      d.axis,
      d.inputText,
      d.inner ? [d.inner.activation, d.inner.inputText, d.inner.params] : null,
      settings,
    ]);
    const hit = this.map.get(key);
    if (hit) {
      this.map.delete(key);
      this.map.set(key, hit);
      return hit;
    }
    const value = evaluateDetection(d, settings, undefined, undefined, resolution);
    this.map.set(key, value);
    if (this.map.size > this.capacity) this.map.delete(this.map.keys().next().value as string);
    return value;
  }

  clear(): void {
    this.map.clear();
  }
}
