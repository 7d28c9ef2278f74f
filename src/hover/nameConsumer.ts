// Which activation call (or layer call) in the document takes a name as its input: a bare name gets a live hover
// only then, so hovering an ordinary identifier sends nothing to the debugger (src/hover/liveHover.ts builds it).
import * as vscode from 'vscode';
import type { Detection, ResolutionContext } from '../core';
import { detectionAt } from '../services/documentAccess';

/** A name or an attribute path (`x`, `self.act_in`, `block.act_in`): what a call's input may be. */
const PATH = /[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*/;
/** Occurrences of the name looked at for its call (each costs one bounded detection around it). */
const MAX_OCCURRENCES = 200;

/** The path under the mouse, unless it is a keyword. */
export function pathAt(
  document: vscode.TextDocument,
  position: vscode.Position,
  keywords: ReadonlySet<string>,
): { name: string; range: vscode.Range } | undefined {
  const range = document.getWordRangeAtPosition(position, PATH);
  if (!range || range.end.line !== range.start.line) return undefined;
  const name = document.getText(range);
  return keywords.has(name) ? undefined : { name, range };
}

const isWordChar = (c: string | undefined): boolean => c !== undefined && /[\w$.]/.test(c);

/**
 * The activation call (or layer call) in the document whose input is exactly `name`: the first one at or after
 * `from` (the code that uses the value next), else the last one before it; null when there is none. Linear in the
 * document: one scan for the name, at most MAX_OCCURRENCES bounded detections.
 */
export function consumerOf(
  document: vscode.TextDocument,
  name: string,
  from: number,
  resolution: ResolutionContext | undefined,
  token: vscode.CancellationToken,
): Detection | null {
  const text = document.getText();
  let before: Detection | null = null;
  let seen = 0;
  for (let at = text.indexOf(name); at >= 0 && seen < MAX_OCCURRENCES; at = text.indexOf(name, at + 1)) {
    if (token.isCancellationRequested) return null;
    // The whole name, not a part of a longer one (`x` in `x64` or `self.x`).
    if (isWordChar(text[at - 1]) || isWordChar(text[at + name.length])) continue;
    seen++;
    const d = detectionAt(document, document.positionAt(at), resolution);
    if (d?.kind !== 'call' || d.argText?.trim() !== name || !d.inputRange) continue;
    if (d.inputRange.start > at || at >= d.inputRange.end) continue;
    if (at >= from) return d;
    before = d;
  }
  return before;
}
