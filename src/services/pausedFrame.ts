// Whether a debug session is paused on a frame the extension can read (activeStackItem, the session's type), and
// the live-values code itself, loaded only then (src/services/liveValues.ts and the live hovers are chunks).
import * as vscode from 'vscode';
import type { LiveLanguage, Subject, SubjectSource } from '../core';
import { lazyChunk } from '../host/lazyChunk';
import { boundedCaption } from '../shared/plotRequest';
import type { LiveEditorSubject } from './liveValues';

/** Session types per language: the Python debugger's (`debugpy`, older `python`) and VS Code's js-debug. */
const SESSION_TYPES: Readonly<Record<LiveLanguage, readonly string[]>> = {
  python: ['debugpy', 'python'],
  javascript: [
    'pwa-node',
    'node',
    'pwa-chrome',
    'chrome',
    'pwa-msedge',
    'node-terminal',
    'pwa-extensionHost',
  ],
};
const LANGUAGES: Readonly<Record<string, LiveLanguage>> = {
  python: 'python',
  javascript: 'javascript',
  typescript: 'javascript',
  javascriptreact: 'javascript',
  typescriptreact: 'javascript',
};
/** How long a value may take to arrive before the hover / command gives up. */
export const LIVE_TIMEOUT_MS = 5000;

export interface PausedFrame {
  session: vscode.DebugSession;
  frameId: number;
  threadId: number;
  language: LiveLanguage;
}

export function liveLanguageOf(languageId: string): LiveLanguage | undefined {
  return LANGUAGES[languageId];
}

/** The selected stack frame, when a session of a type that speaks `language` is paused on it. */
export function pausedFrame(language: LiveLanguage | undefined): PausedFrame | undefined {
  const item = vscode.debug.activeStackItem;
  if (!language || !(item instanceof vscode.DebugStackFrame)) return undefined;
  if (!SESSION_TYPES[language].includes(item.session.type)) return undefined;
  return { session: item.session, frameId: item.frameId, threadId: item.threadId, language };
}

/** The paused frame of any language the extension reads (the Variables view is not tied to a document). */
export function anyPausedFrame(): PausedFrame | undefined {
  return pausedFrame('python') ?? pausedFrame('javascript');
}

/** The chart's caption (and status text) of a live value: the header, and the sample note when it was sampled. */
export function liveCaption(header: string, note: string | null): string {
  return boundedCaption(note ? `${header} \u00b7 ${note}` : header);
}

export const liveValuesChunk = lazyChunk(vscode.l10n.t('live debugger values'), () => import('./liveValues'));

/** liveEditorSubject (src/services/liveValues.ts), its chunk loaded only when a session is paused. */
export async function liveEditorSubjectIfPaused(
  document: vscode.TextDocument,
  noInput: { subject: Subject; source: SubjectSource } | undefined,
  maxElements: number,
): Promise<LiveEditorSubject | undefined> {
  if (!noInput || !pausedFrame(liveLanguageOf(document.languageId))) return undefined;
  return (await liveValuesChunk()).liveEditorSubject(document, noInput, maxElements);
}
