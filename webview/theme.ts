// Chart colours from VS Code's theme variables (a canvas cannot read CSS var()), re-read when the theme changes.
export interface Palette {
  foreground: string;
  muted: string;
  grid: string;
  background: string;
  fn: string;
  derivative: string;
  inputs: string;
  soft: string;
  hard: string;
  dead: string;
  numericDead: string;
  series: string[];
  fontFamily: string;
  highContrast: boolean;
}

function cssVar(style: CSSStyleDeclaration, name: string, fallback: string): string {
  const v = style.getPropertyValue(name).trim();
  return v === '' ? fallback : v;
}

export function readPalette(): Palette {
  const style = getComputedStyle(document.body);
  const highContrast =
    document.body.classList.contains('vscode-high-contrast') ||
    document.body.classList.contains('vscode-high-contrast-light');
  const fg = cssVar(style, '--vscode-editor-foreground', '#cccccc');
  const blue = cssVar(style, '--vscode-charts-blue', '#3794ff');
  const red = cssVar(style, '--vscode-charts-red', '#f14c4c');
  const orange = cssVar(style, '--vscode-charts-orange', '#d18616');
  const green = cssVar(style, '--vscode-charts-green', '#89d185');
  const purple = cssVar(style, '--vscode-charts-purple', '#b180d7');
  const yellow = cssVar(style, '--vscode-charts-yellow', '#cca700');
  return {
    foreground: fg,
    muted: cssVar(style, '--vscode-descriptionForeground', fg),
    grid: cssVar(style, '--vscode-editorWidget-border', cssVar(style, '--vscode-panel-border', '#80808040')),
    background: cssVar(style, '--vscode-editor-background', '#1e1e1e'),
    fn: blue,
    derivative: orange,
    inputs: fg,
    soft: yellow,
    hard: red,
    dead: purple,
    numericDead: red,
    series: [blue, orange, green, purple, red, yellow],
    fontFamily: cssVar(style, '--vscode-font-family', 'sans-serif'),
    highContrast,
  };
}

/** Calls `onChange` whenever VS Code switches theme (it swaps classes on <body>). */
export function watchTheme(onChange: () => void): void {
  new MutationObserver(onChange).observe(document.body, { attributes: true, attributeFilter: ['class'] });
}
