// Hatch patterns for the band fills, so band kinds differ by pattern as well as colour (readable in high contrast and
// for colour-blind users). Made once per palette on a small canvas.
import type { BandFills } from './bands';
import { withAlpha } from './color';
import type { Palette } from './theme';

function hatch(
  color: string,
  fill: string,
  kind: 'diagonal' | 'cross' | 'dots',
  size = 8,
): CanvasPattern | string {
  const canvas = document.createElement('canvas');
  canvas.width = size;
  canvas.height = size;
  const g = canvas.getContext('2d');
  if (!g) return fill;
  g.fillStyle = fill;
  g.fillRect(0, 0, size, size);
  g.strokeStyle = color;
  g.fillStyle = color;
  g.lineWidth = 1;
  if (kind === 'dots') {
    g.fillRect(1, 1, 1.5, 1.5);
    g.fillRect(size / 2 + 1, size / 2 + 1, 1.5, 1.5);
  } else {
    g.beginPath();
    g.moveTo(0, size);
    g.lineTo(size, 0);
    g.moveTo(-1, 1);
    g.lineTo(1, -1);
    g.moveTo(size - 1, size + 1);
    g.lineTo(size + 1, size - 1);
    if (kind === 'cross') {
      g.moveTo(0, 0);
      g.lineTo(size, size);
    }
    g.stroke();
  }
  return g.createPattern(canvas, 'repeat') ?? fill;
}

/** Soft bands: plain translucent fill; hard: diagonal hatch; dead: cross hatch; float32 dead: dots. */
export function bandFills(palette: Palette): BandFills {
  const a = palette.highContrast ? 0.3 : 0.14;
  return {
    hard: hatch(
      withAlpha(palette.hard, palette.highContrast ? 0.8 : 0.45),
      withAlpha(palette.hard, a),
      'diagonal',
    ),
    dead: hatch(
      withAlpha(palette.dead, palette.highContrast ? 0.8 : 0.5),
      withAlpha(palette.dead, a),
      'cross',
    ),
    numeric: hatch(
      withAlpha(palette.numericDead, palette.highContrast ? 0.8 : 0.4),
      withAlpha(palette.numericDead, 0.02),
      'dots',
      10,
    ),
  };
}
