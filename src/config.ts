// The extension's settings, read in one place into one typed object, re-read when they change (no reload).
import * as vscode from 'vscode';
import { ACTIVATION_IDS, DIALECTS, type EvaluationSettings } from './core';
import { DEFAULT_CONFIG, type LensConfig } from './configDefaults';

export { DEFAULT_CONFIG, type LensConfig };

export const CONFIG_SECTION = 'activationLens';

function oneOf<T extends string>(value: unknown, allowed: readonly T[], fallback: T): T {
  return typeof value === 'string' && (allowed as readonly string[]).includes(value)
    ? (value as T)
    : fallback;
}

function numberIn(value: unknown, min: number, max: number, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) && value >= min && value <= max
    ? value
    : fallback;
}

/** Reads and validates the settings; a bad value falls back to its default rather than breaking a feature. */
export function readConfig(): LensConfig {
  const c = vscode.workspace.getConfiguration(CONFIG_SECTION);
  const d = DEFAULT_CONFIG;
  const languages = c.get<unknown>('hover.languages');
  return {
    defaultDialect: oneOf(c.get('defaultDialect'), DIALECTS, d.defaultDialect),
    defaultActivation: oneOf(c.get('defaultActivation'), ACTIVATION_IDS, d.defaultActivation),
    epsilon: numberIn(c.get('epsilon'), 1e-12, 0.5, d.epsilon),
    maxElements: Math.floor(numberIn(c.get('maxElements'), 1, 10_000_000, d.maxElements)),
    panelReuse: c.get<boolean>('panel.reuse', d.panelReuse) !== false,
    hoverEnabled: c.get<boolean>('hover.enabled', d.hoverEnabled) !== false,
    hoverLanguages:
      Array.isArray(languages) && languages.every((l) => typeof l === 'string')
        ? (languages as string[])
        : d.hoverLanguages,
    codeLensEnabled: c.get<boolean>('inline.codeLens', d.codeLensEnabled) === true,
    inlayHintsEnabled: c.get<boolean>('inline.inlayHints', d.inlayHintsEnabled) === true,
    sidePanelEnabled: c.get<boolean>('sidePanel.enabled', d.sidePanelEnabled) !== false,
  };
}

/** The settings the core's evaluation pipeline reads. */
export function evaluationSettings(c: LensConfig): EvaluationSettings {
  return {
    defaultActivation: c.defaultActivation,
    defaultDialect: c.defaultDialect,
    epsilon: c.epsilon,
    maxElements: c.maxElements,
  };
}

/** Keeps a live copy of the settings; listeners run after each change. */
export class ConfigStore implements vscode.Disposable {
  private current = readConfig();
  private readonly emitter = new vscode.EventEmitter<LensConfig>();
  readonly onDidChange = this.emitter.event;
  private readonly subscription = vscode.workspace.onDidChangeConfiguration((e) => {
    if (e.affectsConfiguration(CONFIG_SECTION)) {
      this.current = readConfig();
      this.emitter.fire(this.current);
    }
  });

  get value(): LensConfig {
    return this.current;
  }

  dispose(): void {
    this.subscription.dispose();
    this.emitter.dispose();
  }
}
