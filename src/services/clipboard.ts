// Copies a printed result to the clipboard and says so in the status bar (hover links, the webviews' copy menu).
import * as vscode from 'vscode';

export async function copyPrinted(text: string, style: string): Promise<void> {
  try {
    await vscode.env.clipboard.writeText(text);
  } catch (err) {
    // In VS Code for the Web the browser may refuse the clipboard (no permission, page not focused).
    void vscode.window.showErrorMessage(
      vscode.l10n.t(
        'The result could not be copied: the clipboard refused it ({0}). Allow clipboard access for this page and try again.',
        err instanceof Error ? err.message : String(err),
      ),
    );
    return;
  }
  void vscode.window.setStatusBarMessage(vscode.l10n.t('Copied the result ({0})', style), 3000);
}
