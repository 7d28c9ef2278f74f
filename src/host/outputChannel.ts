// The extension's log (Output view, "Activation Lens"): what failed in the background, never shown as a pop-up.
import * as vscode from 'vscode';

export const outputChannel = vscode.window.createOutputChannel('Activation Lens', { log: true });
