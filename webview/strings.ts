// The webview's strings as the app holds them: every key of UI_STRINGS, translated by the host.
import type { UI_STRINGS } from '../src/shared/uiStrings';

export type Strings = Record<keyof typeof UI_STRINGS, string>;
