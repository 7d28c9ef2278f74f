// The webviews' host code (src/webviews.ts) is loaded when a chart panel or the side panel first opens.
import * as vscode from 'vscode';
import { lazyChunk } from './lazyChunk';

export const webviewsChunk = lazyChunk(vscode.l10n.t('chart views'), () => import('../webviews'));
