// Every string the webview shows, with its English text. The host sends them translated (vscode.l10n.t with the
// English text as the key, so l10n/bundle.l10n.zh-cn.json holds the Chinese); the webview falls back to English.
export const UI_STRINGS = {
  chartLabel: 'Chart of {0} and its derivative over the selected inputs',
  functionSeries: 'f(x)',
  derivativeSeries: "f'(x)",
  inputsSeries: 'Selected inputs',
  valuesTable: 'Values',
  input: 'Input x',
  output: 'Output f(x)',
  derivative: "Derivative f'(x)",
  state: 'State',
  saturated: 'Saturated',
  dead: 'Dead',
  active: 'Active',
  emptyTitle: 'Nothing to plot yet',
  bandSoft: 'soft saturation',
  bandHard: 'hard saturation',
  bandDead: 'dead zone',
  leftSide: 'left',
  rightSide: 'right',
  interior: 'flat',
  numericDead: 'float32 gradient is exactly 0',
} as const;

export type UiStringKey = keyof typeof UI_STRINGS;

/** Fills {0}, {1}, … placeholders the way vscode.l10n.t does. */
export function fillPlaceholders(template: string, ...args: Array<string | number>): string {
  return template.replace(/\{(\d+)\}/g, (match, index: string) => {
    const value = args[Number(index)];
    return value === undefined ? match : String(value);
  });
}
