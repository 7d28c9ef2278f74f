// The settings' typed shape and defaults, free of `vscode` so a unit test can check them against package.json.
import type { ActivationId, Dialect } from './core';

export interface LensConfig {
  defaultDialect: Dialect;
  defaultActivation: ActivationId;
  epsilon: number;
  maxElements: number;
  panelReuse: boolean;
  hoverEnabled: boolean;
  hoverLanguages: readonly string[];
  codeLensEnabled: boolean;
  inlayHintsEnabled: boolean;
  sidePanelEnabled: boolean;
}

export const DEFAULT_CONFIG: LensConfig = {
  defaultDialect: 'tensorflow',
  defaultActivation: 'sigmoid',
  epsilon: 0.01,
  maxElements: 100_000,
  panelReuse: true,
  hoverEnabled: true,
  hoverLanguages: ['python', 'javascript', 'typescript', 'javascriptreact', 'typescriptreact', 'markdown'],
  codeLensEnabled: false,
  inlayHintsEnabled: false,
  sidePanelEnabled: true,
};
