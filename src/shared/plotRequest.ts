// What to plot: the one description shared by the palette commands, hover links, the side panel and the webview.
import type { ActivationId, Dialect } from '../core/types';

export interface SourceRef {
  /** Document URI (string form) the input came from. */
  uri: string;
  /** Zero-based [startLine, startCharacter, endLine, endCharacter] of the input text. */
  range: [number, number, number, number];
}

export interface PlotRequest {
  /** First is the main activation; more than one = compare on one chart. */
  activations: ActivationId[];
  /** Flat input values (row-major) and their shape; null = plot the curve alone (no selection). */
  input: { values: number[]; shape: number[]; text: string } | null;
  dialect: Dialect;
  /** Parameters per activation id, e.g. { leaky_relu: { alpha: 0.2 } }; missing ones take the dialect's defaults. */
  params: Partial<Record<ActivationId, Record<string, number>>>;
  epsilon: number;
  /** Where the input came from, so "insert as comment" knows where to write. */
  source: SourceRef | null;
}
