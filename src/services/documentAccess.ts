// Bounded access to a TextDocument for the pure detector: a text accessor by offsets, the length, the import
// aliases of the document's head (cached per version), and conversions between offsets and ranges.
import * as vscode from 'vscode';
import {
  detectAt,
  inCodeRange,
  layerCalleeFor,
  markdownCodeRanges,
  scanImportAliases,
  type CodeRanges,
  type Detection,
  type DetectRange,
  type ResolutionContext,
  type ResolveDoc,
} from '../core';
import { lazyChunk } from '../host/lazyChunk';
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

/** Languages whose code the resolver reads (Markdown's fenced code is not resolved). */
const RESOLVED_LANGUAGES = new Set([
  'python',
  'javascript',
  'typescript',
  'javascriptreact',
  'typescriptreact',
]);
/** Documents longer than this are not resolved at all (the resolver reads at most 300,000 characters back). */
const MAX_RESOLVE_DOCUMENT = 8_000_000;
/** Code cells above a notebook cell that resolution reads. */
const RESOLVE_CELLS = 200;

/** Whether the resolver reads `document` at all (its language, its length). */
function isResolved(document: vscode.TextDocument): boolean {
  return RESOLVED_LANGUAGES.has(document.languageId) && documentLength(document) <= MAX_RESOLVE_DOCUMENT;
}

const resolverChunk = lazyChunk(
  vscode.l10n.t('resolver of values in code'),
  () => import('../core/resolve/resolver'),
);

/**
 * Loads the resolver when `document` is one it reads (a chunk of its own: activation does not download it). Every
 * surface awaits this before it runs the pipeline on the document; resolutionFor then answers synchronously.
 */
export async function resolverReadyFor(document: vscode.TextDocument): Promise<void> {
  if (!resolverChunk.loaded() && isResolved(document)) await resolverChunk();
}

const resolveDocCache = new WeakMap<vscode.TextDocument, { key: string; doc: ResolveDoc }>();

/** The notebook holding a cell's document, or undefined. */
function notebookOf(document: vscode.TextDocument): vscode.NotebookDocument | undefined {
  if (document.uri.scheme !== 'vscode-notebook-cell') return undefined;
  return vscode.workspace.notebookDocuments.find((nb) => nb.getCells().some((c) => c.document === document));
}

/**
 * What the resolver reads for `document`: its text and, for a notebook cell, the code cells above it in order.
 * The cacheKey (uri@version, with the cells' versions) lets repeated hovers reuse the resolver's statement index;
 * the ResolveDoc itself is cached per key so the text is copied once per edit. Null for languages not resolved.
 */
export function resolveDocFor(document: vscode.TextDocument): ResolveDoc | null {
  if (!isResolved(document)) return null;
  // Every cell above keeps its place (a Markdown cell or another language reads as empty), so that the
  // resolver's cell index is the notebook's: "cell 3" is the third cell the user sees.
  const cells: (vscode.TextDocument | null)[] = [];
  const notebook = notebookOf(document);
  if (notebook) {
    for (const cell of notebook.getCells().slice(0, RESOLVE_CELLS)) {
      if (cell.document === document) break;
      const code =
        cell.kind === vscode.NotebookCellKind.Code && cell.document.languageId === document.languageId;
      cells.push(code ? cell.document : null);
    }
  }
  const key = [document, ...cells].map((d) => (d ? `${d.uri.toString()}@${d.version}` : '-')).join('|');
  const cached = resolveDocCache.get(document);
  if (cached && cached.key === key) return cached.doc;
  const doc: ResolveDoc = {
    text: document.getText(),
    languageId: document.languageId,
    cacheKey: key,
    ...(notebook ? { cellsAbove: cells.map((c) => (c ? c.getText() : '')) } : {}),
  };
  resolveDocCache.set(document, { key, doc });
  return doc;
}

/** The pipeline's resolution context for a document (undefined when it is not resolved). */
export function resolutionFor(
  document: vscode.TextDocument,
  token?: vscode.CancellationToken,
): ResolutionContext | undefined {
  const doc = resolveDocFor(document);
  if (!doc) return undefined;
  const resolver = resolverChunk.loaded()?.RESOLVER;
  // A surface that skipped the await would silently lose every resolved value: fail loudly instead.
  if (!resolver) throw new Error('resolutionFor: await resolverReadyFor(document) first');
  return token ? { doc, resolver, isCancelled: () => token.isCancellationRequested } : { doc, resolver };
}

/**
 * The activation call or array literal at `position` (reads a bounded window around it). With `resolution`, a
 * callee that names an activation layer object (`act(x)`, `self.act(x)`) is a call too.
 */
export function detectionAt(
  document: vscode.TextDocument,
  position: vscode.Position,
  resolution?: ResolutionContext,
): Detection | null {
  if (!isCodeAt(document, document.offsetAt(position))) return null;
  return detectAt(
    textAccessor(document),
    documentLength(document),
    document.offsetAt(position),
    document.languageId,
    {
      aliases: aliasesFor(document),
      ...(resolution ? { layerCallee: layerCalleeFor(resolution) } : {}),
    },
  );
}
