// Generates the settings tables of README.md and README.zh-CN.md from package.json (and its nls files), so the docs
// cannot drift from the manifest. The command line is scripts/update-settings-table.mjs.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const START = '<!-- settings-table:start -->';
const END = '<!-- settings-table:end -->';

const HEADERS = {
  en: ['Setting', 'Type', 'Default', 'Description'],
  'zh-cn': ['设置', '类型', '默认值', '说明'],
};

function describeType(schema) {
  if (schema.enum) return schema.enum.map((v) => `\`${v}\``).join(' \\| ');
  let type = schema.type;
  if (type === 'array' && schema.items?.type) type = `${schema.items.type}[]`;
  const range = [];
  if (schema.minimum !== undefined) range.push(`≥ ${schema.minimum}`);
  if (schema.maximum !== undefined) range.push(`≤ ${schema.maximum}`);
  return range.length ? `${type} (${range.join(', ')})` : type;
}

function resolve(text, nls) {
  return String(text ?? '').replace(/^%([^%]+)%$/, (_, key) => nls[key] ?? `%${key}%`);
}

/** The Markdown table of every contributed setting, in the language of `nls`. */
export function settingsTable(root, language) {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const nlsFile = language === 'en' ? 'package.nls.json' : `package.nls.${language}.json`;
  const nls = JSON.parse(readFileSync(join(root, nlsFile), 'utf8'));
  const props = Object.entries(pkg.contributes.configuration.properties).sort(
    ([, a], [, b]) => (a.order ?? 0) - (b.order ?? 0),
  );
  const rows = props.map(([key, schema]) => {
    const description = resolve(schema.markdownDescription ?? schema.description, nls)
      .replace(/\n/g, ' ')
      .replace(/\|/g, '\\|');
    return `| \`${key}\` | ${describeType(schema)} | \`${JSON.stringify(schema.default)}\` | ${description} |`;
  });
  const head = HEADERS[language];
  return [`| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`, ...rows].join('\n');
}

/** README text with its settings table replaced by a fresh one. */
export function withSettingsTable(readme, table) {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) throw new Error(`the README has no ${START} … ${END} markers`);
  return `${readme.slice(0, start + START.length)}\n${table}\n${readme.slice(end)}`;
}

export const READMES = [
  ['README.md', 'en'],
  ['README.zh-CN.md', 'zh-cn'],
];
