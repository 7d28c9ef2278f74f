// Translates the webview's strings in the host (the webview has no access to vscode.l10n).
import * as vscode from 'vscode';
import { UI_STRINGS } from './shared/uiStrings';
import type { UiStrings } from './shared/protocol';

export function translatedUiStrings(): UiStrings {
  const out: UiStrings = {};
  for (const [key, english] of Object.entries(UI_STRINGS)) {
    // The English text is the l10n key; with no arguments {0}-style placeholders stay for the webview to fill.
    out[key] = vscode.l10n.t(english);
  }
  return out;
}
