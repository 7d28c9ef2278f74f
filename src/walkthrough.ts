// The Get Started walkthrough: opens the seed's examples (as an untitled copy, so no user file is touched) and
// marks steps done when the user does them (context keys the walkthrough's completionEvents listen to).
import * as vscode from 'vscode';
import { CommandId } from './commandIds';

export const WALKTHROUGH_CONTEXT = {
  movedEpsilon: 'activationLens.walkthrough.movedEpsilon',
  hoveredCall: 'activationLens.walkthrough.hoveredCall',
} as const;

/** Marks a walkthrough step as done (once). */
export function markWalkthroughStep(
  key: (typeof WALKTHROUGH_CONTEXT)[keyof typeof WALKTHROUGH_CONTEXT],
): void {
  void vscode.commands.executeCommand('setContext', key, true);
}

async function openExample(extensionUri: vscode.Uri): Promise<vscode.TextEditor> {
  const bytes = await vscode.workspace.fs.readFile(
    vscode.Uri.joinPath(extensionUri, 'dist', 'walkthrough', 'seed_examples.py'),
  );
  const document = await vscode.workspace.openTextDocument({
    language: 'python',
    content: new TextDecoder().decode(bytes),
  });
  return vscode.window.showTextDocument(document, { preview: false });
}

export function registerWalkthrough(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(CommandId.OpenExample, () => openExample(context.extensionUri)),
  );
}
