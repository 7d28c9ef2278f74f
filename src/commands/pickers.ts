// QuickPicks and input boxes the palette commands share: which activation(s), and their parameters.
import * as vscode from 'vscode';
import { ACTIVATION_IDS, defaultParams, getActivation, type ActivationId, type Dialect } from '../core';

interface ActivationItem extends vscode.QuickPickItem {
  id: ActivationId;
}

function activationItems(preferred?: ActivationId): ActivationItem[] {
  const items: ActivationItem[] = [];
  if (preferred) {
    const info = getActivation(preferred);
    items.push({
      id: preferred,
      label: info.label,
      description: vscode.l10n.t('from the code · {0}', info.formula),
      detail: vscode.l10n.t(info.description),
    });
  }
  let seedDone = false;
  for (const id of ACTIVATION_IDS) {
    if (id === preferred) continue;
    const info = getActivation(id);
    if (!info.seed && !seedDone) {
      seedDone = true;
      items.push({ id, label: vscode.l10n.t('More activations'), kind: vscode.QuickPickItemKind.Separator });
    }
    items.push({ id, label: info.label, description: info.formula, detail: vscode.l10n.t(info.description) });
  }
  return items;
}

/** One activation, or undefined when the user cancels; `preferred` (the call in the code) comes first. */
export async function pickActivation(
  placeHolder: string,
  preferred?: ActivationId,
): Promise<ActivationId | undefined> {
  const picked = await vscode.window.showQuickPick(activationItems(preferred), {
    placeHolder,
    matchOnDescription: true,
    matchOnDetail: true,
  });
  return picked?.id;
}

/** Several activations to compare on one chart, or undefined when the user cancels or picks none. */
export async function pickActivations(placeHolder: string): Promise<ActivationId[] | undefined> {
  const picked = await vscode.window.showQuickPick(activationItems(), {
    placeHolder,
    canPickMany: true,
    matchOnDescription: true,
  });
  return picked && picked.length > 0 ? picked.map((p) => p.id) : undefined;
}

/** Asks for each parameter the activation has, pre-filled with the code's value or the dialect's default. */
export async function askParams(
  id: ActivationId,
  dialect: Dialect,
  prefill: Record<string, number> = {},
): Promise<Record<string, number> | undefined> {
  const info = getActivation(id);
  const defaults = { ...defaultParams(id, dialect), ...prefill };
  const params: Record<string, number> = {};
  for (const spec of info.params) {
    const answer = await vscode.window.showInputBox({
      title: vscode.l10n.t('{0}: parameter {1}', info.label, spec.name),
      prompt: vscode.l10n.t('{0} (from {1} to {2})', vscode.l10n.t(spec.label), spec.min, spec.max),
      value: String(defaults[spec.name] ?? spec.defaults[dialect]),
      validateInput: (text) => {
        const v = Number(text.trim());
        if (text.trim() === '' || !Number.isFinite(v))
          return vscode.l10n.t('Enter a number, for example {0}', spec.defaults[dialect]);
        if (v < spec.min || v > spec.max)
          return vscode.l10n.t('Enter a number from {0} to {1}', spec.min, spec.max);
        return undefined;
      },
    });
    if (answer === undefined) return undefined;
    params[spec.name] = Number(answer.trim());
  }
  return params;
}
