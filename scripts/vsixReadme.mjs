// The READMEs the vsix ships (issue 16: vsix ≤ 1 MB): the repository's README.md and README.zh-CN.md with every
// word kept, showing only the pictures the vsix carries anyway (the walkthrough shows panel-sigmoid.png and
// side-panel.png) and the small hover one; every other picture becomes its caption in italics. The repository's
// README stays as it is. scripts/esbuild.mjs writes them to dist/; vsce packs dist/README.md as the details page
// (`--readme-path`), and .vscodeignore lists which docs/images/ files go with them.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The README pictures the vsix carries (keep .vscodeignore's docs/images lines in step). */
export const VSIX_PICTURES = ['panel-sigmoid.png', 'side-panel.png', 'hover-sigmoid.png'];

const IMAGE = /!\[([^\]]*)\]\(docs\/images\/([^)\s]+)\)/g;

/**
 * The vsix's version of a README: pictures not in VSIX_PICTURES replaced by their caption. `up` is the path from
 * where the file sits in the installed extension to its root: vsce installs dist/README.md as readme.md at the root,
 * dist/README.zh-CN.md stays in dist/ ('../'); the links between the two follow.
 */
export function vsixReadme(markdown, up) {
  return markdown
    .replace(IMAGE, (_, alt, file) =>
      VSIX_PICTURES.includes(file) ? `![${alt}](${up}docs/images/${file})` : `*${alt}*`,
    )
    .replace(/\]\(README\.zh-CN\.md\)/g, `](${up}dist/README.zh-CN.md)`)
    .replace(/\]\(README\.md\)/g, `](${up}readme.md)`);
}

/** Writes dist/README.md and dist/README.zh-CN.md from the repository's READMEs. */
export function writeVsixReadmes(root, distDir) {
  const read = (name) => readFileSync(join(root, name), 'utf8');
  writeFileSync(join(distDir, 'README.md'), vsixReadme(read('README.md'), ''));
  writeFileSync(join(distDir, 'README.zh-CN.md'), vsixReadme(read('README.zh-CN.md'), '../'));
}
