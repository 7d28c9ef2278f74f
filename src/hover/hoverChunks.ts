// What the hover loads on first use: its Markdown builders (the first hover), the live hovers (the first hover
// while a debugger is paused).
import * as vscode from 'vscode';
import { lazyChunk } from '../host/lazyChunk';

export const hoverBuildersChunk = lazyChunk(vscode.l10n.t('hover'), () => import('./hoverBuilders'));
export const liveHoverChunk = lazyChunk(vscode.l10n.t('live debugger values'), () => import('./liveHover'));

export type HoverBuilders = Awaited<ReturnType<typeof hoverBuildersChunk>>;
