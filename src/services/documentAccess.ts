// Bounded access to a TextDocument for the pure detector: a text accessor by offsets, the length, the import
// aliases of the document's head (cached per version), and conversions between offsets and ranges.
import * as vscode from 'vscode';
import {
  detectAt,
  inCodeRange,
  markdownCodeRanges,
  scanImportAliases,
  type CodeRanges,
  type Detection,
  type DetectRange,
} from '../core';
import type { SourceRef } from '../shared/plotRequest';

/** Lines read from the head of a document (or of each earlier notebook cell) for import statements. */
const IMPORT_SCAN_LINES = 300;
const IMPORT_SCAN_CELLS = 30;

export function textAccessor(document: vscode.TextDocument): (start: number, end: number) => string {
  return (start, end) =>
    document.getText(new vscode.Range(document.positionAt(start), document.positionAt(end)));
}

export function documentLength(document: vscode.TextDocument): number {
  return document.offsetAt(document.lineAt(document.lineCount - 1).range.end);
}

export function toRange(document: vscode.TextDocument, r: DetectRange): vscode.Range {
  return new vscode.Range(document.positionAt(r.start), document.positionAt(r.end));
}

export function sourceRef(document: vscode.TextDocument, r: DetectRange): SourceRef {
  return sourceOfRange(document, toRange(document, r));
}

/** Where a range of a document is, as a PlotRequest's source. */
export function sourceOfRange(document: vscode.TextDocument, range: vscode.Range): SourceRef {
  return {
    uri: document.uri.toString(),
    range: [range.start.line, range.start.character, range.end.line, range.end.character],
  };
}

function head(document: vscode.TextDocument): string {
  const last = Math.min(document.lineCount, IMPORT_SCAN_LINES) - 1;
  return document.getText(new vscode.Range(0, 0, last, document.lineAt(last).text.length));
}

const aliasCache = new WeakMap<vscode.TextDocument, { version: number; aliases: Record<string, string> }>();

/** Import aliases for a document: its first lines, and for a notebook cell the first lines of the cells before it. */
export function aliasesFor(document: vscode.TextDocument): Record<string, string> {
  const cached = aliasCache.get(document);
  if (cached && cached.version === document.version) return cached.aliases;
  const parts: string[] = [];
  if (document.uri.scheme === 'vscode-notebook-cell') {
    const notebook = vscode.workspace.notebookDocuments.find((nb) =>
      nb.getCells().some((c) => c.document === document),
    );
    if (notebook) {
      for (const cell of notebook.getCells().slice(0, IMPORT_SCAN_CELLS)) {
        if (cell.document === document) break;
        if (cell.kind === vscode.NotebookCellKind.Code) parts.push(head(cell.document));
      }
    }
  }
  parts.push(head(document));
  const languageId = document.languageId === 'markdown' ? 'python' : document.languageId;
  const aliases = scanImportAliases(parts.join('\n'), languageId);
  aliasCache.set(document, { version: document.version, aliases });
  return aliases;
}

const codeCache = new WeakMap<vscode.TextDocument, { version: number; ranges: CodeRanges }>();

/** Whether `offset` is code: anywhere in a code document, inside a fenced block in Markdown (README's promise). */
export function isCodeAt(document: vscode.TextDocument, offset: number): boolean {
  if (document.languageId !== 'markdown') return true;
  let cached = codeCache.get(document);
  if (!cached || cached.version !== document.version) {
    cached = { version: document.version, ranges: markdownCodeRanges(document.getText()) };
    codeCache.set(document, cached);
  }
  return inCodeRange(cached.ranges, offset);
}

/** The activation call or array literal at `position` (reads a bounded window around it). */
export function detectionAt(document: vscode.TextDocument, position: vscode.Position): Detection | null {
  if (!isCodeAt(document, document.offsetAt(position))) return null;
  return detectAt(
    textAccessor(document),
    documentLength(document),
    document.offsetAt(position),
    document.languageId,
    {
      aliases: aliasesFor(document),
    },
  );
}
