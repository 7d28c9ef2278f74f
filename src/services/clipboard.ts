// Copies a printed result to the clipboard and says so in the status bar (hover links, the webviews' copy menu).
import * as vscode from 'vscode';

export async function copyPrinted(text: string, style: string): Promise<void> {
  await vscode.env.clipboard.writeText(text);
  void vscode.window.setStatusBarMessage(vscode.l10n.t('Copied the result ({0})', style), 3000);
}
