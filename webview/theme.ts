// Chart colours from VS Code's theme variables (a canvas cannot read CSS var()), re-read when the theme changes;
// and the device pixel ratio, watched so charts stay sharp when it changes (zoom, moving to another screen).
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
  const body = document.body;
  const style = getComputedStyle(body);
  const highContrast =
    body.classList.contains('vscode-high-contrast') || body.classList.contains('vscode-high-contrast-light');
  const fg = cssVar(style, '--vscode-foreground', cssVar(style, '--vscode-editor-foreground', '#cccccc'));
  const blue = cssVar(style, '--vscode-charts-blue', '#3794ff');
  const red = cssVar(style, '--vscode-charts-red', '#f14c4c');
  const orange = cssVar(style, '--vscode-charts-orange', '#d18616');
  const green = cssVar(style, '--vscode-charts-green', '#89d185');
  const purple = cssVar(style, '--vscode-charts-purple', '#b180d7');
  const yellow = cssVar(style, '--vscode-charts-yellow', '#cca700');
  const border = highContrast
    ? cssVar(style, '--vscode-contrastBorder', fg)
    : cssVar(style, '--vscode-editorWidget-border', cssVar(style, '--vscode-panel-border', '#808080'));
  // The page's real background (editor in the panel, side bar in the view), resolved by the stylesheet.
  const background = style.backgroundColor || cssVar(style, '--vscode-editor-background', '#1e1e1e');
  return {
    foreground: fg,
    muted: cssVar(style, '--vscode-descriptionForeground', fg),
    grid: border,
    background,
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

/** Calls `onChange` when window.devicePixelRatio changes (browser zoom, another monitor). */
export function watchDevicePixelRatio(onChange: () => void): void {
  const listen = (): void => {
    const query = window.matchMedia(`(resolution: ${window.devicePixelRatio}dppx)`);
    query.addEventListener(
      'change',
      () => {
        onChange();
        listen();
      },
      { once: true },
    );
  };
  listen();
}
