// The typed mirror of the settings (src/configDefaults.ts) agrees with what package.json contributes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_CONFIG, type LensConfig } from '../../src/configDefaults';

const SETTING_OF: Record<keyof LensConfig, string> = {
  defaultDialect: 'activationLens.defaultDialect',
  defaultActivation: 'activationLens.defaultActivation',
  epsilon: 'activationLens.epsilon',
  maxElements: 'activationLens.maxElements',
  panelReuse: 'activationLens.panel.reuse',
  hoverEnabled: 'activationLens.hover.enabled',
  hoverLanguages: 'activationLens.hover.languages',
  codeLensEnabled: 'activationLens.inline.codeLens',
  inlayHintsEnabled: 'activationLens.inline.inlayHints',
  sidePanelEnabled: 'activationLens.sidePanel.enabled',
};

void test('every setting in package.json has a typed field with the same default, and vice versa', () => {
  const root = join(__dirname, '..', '..', '..');
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const props = pkg.contributes.configuration.properties as Record<
    string,
    { default: unknown; scope?: string; markdownDescription?: string }
  >;
  assert.deepEqual(Object.values(SETTING_OF).sort(), Object.keys(props).sort());
  for (const [field, key] of Object.entries(SETTING_OF) as Array<[keyof LensConfig, string]>) {
    assert.deepEqual(props[key]!.default, DEFAULT_CONFIG[field], `${key} default`);
    assert.ok(props[key]!.scope, `${key} has a scope`);
    assert.match(
      props[key]!.markdownDescription ?? '',
      /^%config\.[\w.]+%$/,
      `${key} has a localised description`,
    );
  }
});
