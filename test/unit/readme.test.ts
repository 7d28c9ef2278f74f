// The READMEs' settings tables are generated from package.json: they list every setting and are up to date.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { READMES, settingsTable, withSettingsTable } from '../../scripts/settingsTable.mjs';

const root = join(__dirname, '..', '..', '..');

void test('the settings tables in both READMEs match package.json (run node scripts/update-settings-table.mjs to update)', () => {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const keys = Object.keys(pkg.contributes.configuration.properties);
  assert.ok(keys.length >= 8);
  for (const [file, language] of READMES) {
    const readme = readFileSync(join(root, file), 'utf8');
    const table = settingsTable(root, language);
    for (const key of keys)
      assert.ok(table.includes(`\`${key}\``), `${key} missing from the ${language} table`);
    assert.equal(withSettingsTable(readme, table), readme, `${file}: settings table is out of date`);
  }
});

void test('the table resolves every %nls% description (no placeholder leaks into the docs)', () => {
  for (const [, language] of READMES) assert.doesNotMatch(settingsTable(root, language), /%[a-zA-Z.]+%/);
});
