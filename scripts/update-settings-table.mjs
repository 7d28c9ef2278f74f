// Rewrites the settings tables in README.md and README.zh-CN.md from package.json.
//   node scripts/update-settings-table.mjs          rewrite the tables
//   node scripts/update-settings-table.mjs --check  exit 1 when a table is out of date
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { READMES, settingsTable, withSettingsTable } from './settingsTable.mjs';

const root = new URL('..', import.meta.url).pathname;
const check = process.argv.includes('--check');
let stale = 0;
for (const [file, language] of READMES) {
  const path = join(root, file);
  const current = readFileSync(path, 'utf8');
  const next = withSettingsTable(current, settingsTable(root, language));
  if (next === current) continue;
  if (check) {
    console.error(`${file}: the settings table is out of date; run node scripts/update-settings-table.mjs`);
    stale++;
  } else {
    writeFileSync(path, next);
    console.log(`${file}: settings table updated`);
  }
}
process.exit(stale ? 1 : 0);
