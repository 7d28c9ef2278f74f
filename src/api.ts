// What activate() returns: a small handle for the extension-host tests (and other extensions) to observe the
// panels without reaching into module state.
import type { ChartPanel } from './panel/chartPanel';
import type { SidePanelProvider } from './sidePanel/sidePanelProvider';
import type { insertAsComment, saveExport } from './webviewActions';

export interface ActivationLensApi {
  chartPanels(): readonly ChartPanel[];
  readonly sidePanel: SidePanelProvider;
  readonly insertAsComment: typeof insertAsComment;
  readonly saveExport: typeof saveExport;
}
