// Copies the screenshots the UI tests took (test-artifacts/screenshots/) into the README's docs/images/ and the
// walkthrough's media/walkthrough/, downscaled to at most 1200 px wide with ImageMagick's `convert` when it is there
// (and reduced to a 256-colour palette when that is smaller), then through Debian's pngquant (a palette chosen for
// the picture, dithered) and optipng (lossless) when they are installed, so the repository and the vsix stay small:
// each PNG must end up under 300 KB, or the script fails. The walkthrough shows docs/images/panel-sigmoid.png and
// docs/images/side-panel.png itself (package.json), so the vsix holds each picture once.
//   node --test out/test/ui/   (takes the screenshots)   then   node scripts/readme-images.mjs
//   node scripts/readme-images.mjs --recompress   (only the pngquant/optipng pass, on the committed pictures)
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const shots = path.join(root, 'test-artifacts', 'screenshots');
const MAX_WIDTH = 1200;
const MAX_BYTES = 300 * 1024;

/** Which UI test file takes each screenshot (for the message when one is missing). */
const SOURCE = {
  'seed-editor.png': 'panel.ui.test.ts',
  'step-1-select.png': 'panel.ui.test.ts',
  'step-2-palette.png': 'panel.ui.test.ts',
  'step-3-pick.png': 'panel.ui.test.ts',
  'step-4-panel.png': 'panel.ui.test.ts',
  'panel-sigmoid.png': 'panel.ui.test.ts',
  'panel-tanh.png': 'panel.ui.test.ts',
  'panel-relu.png': 'panel.ui.test.ts',
  'panel-leaky_relu.png': 'panel.ui.test.ts',
  'panel-elu.png': 'panel.ui.test.ts',
  'panel-softmax.png': 'panel.ui.test.ts',
  'panel-saturation.png': 'panel.ui.test.ts',
  'panel-dark.png': 'panel.ui.test.ts',
  'panel-light.png': 'panel.ui.test.ts',
  'hover-sigmoid.png': 'hover.ui.test.ts',
  'hover-relu.png': 'hover.ui.test.ts',
  'side-panel.png': 'sidePanel.ui.test.ts',
  'panel-zh-cn.png': 'l10n.ui.test.ts',
};

/** [screenshot, destination relative to the repository root]. */
const COPIES = [
  ...[
    'panel-sigmoid.png',
    'panel-tanh.png',
    'panel-relu.png',
    'panel-leaky_relu.png',
    'panel-elu.png',
    'panel-softmax.png',
    'panel-dark.png',
    'panel-light.png',
    'hover-sigmoid.png',
    'hover-resolved-call.png',
    'side-panel.png',
    'panel-zh-cn.png',
    'step-1-select.png',
    'step-2-palette.png',
    'step-3-pick.png',
    'step-4-panel.png',
  ].map((name) => [name, `docs/images/${name}`]),
  ['seed-editor.png', 'media/walkthrough/open-example.png'],
  ['panel-saturation.png', 'media/walkthrough/saturation.png'],
  ['hover-relu.png', 'media/walkthrough/hover-relu.png'],
];

/** ImageMagick's convert, if that is what `convert` is (GraphicsMagick and others are not used). */
function imageMagick() {
  try {
    const out = execFileSync('convert', ['-version'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    return /ImageMagick/.test(out) ? 'convert' : null;
  } catch {
    return null;
  }
}

/** Whether `tool` runs (pngquant and optipng are optional: without them the pictures are only larger). */
function has(tool) {
  try {
    execFileSync(tool, ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/**
 * pngquant: at most 256 colours chosen for this picture (quality 80–98: it keeps the file when it cannot reach 80),
 * never larger than before; then optipng, lossless. Returns the new size.
 */
function squeeze(file) {
  if (has('pngquant')) {
    try {
      execFileSync('pngquant', [
        '--quality=80-98',
        '--speed',
        '1',
        '--strip',
        '--skip-if-larger',
        '--force',
        '--output',
        file,
        file,
      ]);
    } catch (err) {
      // 98 = "quality too low" and 99 = "larger": the file is left as it was.
      if (![98, 99].includes(err.status)) throw err;
    }
  }
  if (has('optipng')) execFileSync('optipng', ['-quiet', '-o2', '-strip', 'all', file]);
  return fs.statSync(file).size;
}

if (process.argv.includes('--recompress')) {
  if (!has('pngquant') && !has('optipng')) {
    console.error('neither pngquant nor optipng is installed: run bash scripts/install-system-deps.sh');
    process.exit(1);
  }
  for (const destination of new Set(COPIES.map(([, d]) => d))) {
    const file = path.join(root, destination);
    const before = fs.statSync(file).size;
    console.log(`${destination}  ${kb(before)} → ${kb(squeeze(file))}`);
  }
  process.exit(0);
}

function kb(bytes) {
  return `${(bytes / 1024).toFixed(0)} KB`;
}

const missing = COPIES.map(([name]) => name).filter((name) => !fs.existsSync(path.join(shots, name)));
if (missing.length) {
  const lines = [...new Set(missing)].map((name) => `  ${name} (taken by test/ui/${SOURCE[name] ?? '?'})`);
  console.error(
    `Missing screenshots in ${path.relative(root, shots)}/ — run the UI tests first:\n${lines.join('\n')}`,
  );
  process.exit(1);
}

const convert = imageMagick();
if (!convert) console.warn('ImageMagick `convert` not found: copying the screenshots at full size.');

let failed = false;
for (const [name, destination] of COPIES) {
  const source = path.join(shots, name);
  const target = path.join(root, destination);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  if (convert) {
    // Shrink wider pictures only ('>') and drop metadata. A 256-colour palette without dithering is usually far
    // smaller for UI screenshots (few colours, flat areas) and looks the same: keep whichever file is smaller.
    const common = [source, '-resize', `${MAX_WIDTH}x>`, '-strip'];
    const palette = `${target}.palette.png`;
    execFileSync(convert, [...common, target]);
    execFileSync(convert, [...common, '+dither', '-colors', '256', `PNG8:${palette}`]);
    if (fs.statSync(palette).size < fs.statSync(target).size) fs.renameSync(palette, target);
    else fs.rmSync(palette);
  } else {
    fs.copyFileSync(source, target);
  }
  const size = squeeze(target);
  const tooBig = size > MAX_BYTES;
  failed ||= tooBig;
  console.log(`${tooBig ? 'TOO BIG ' : ''}${destination}  ${kb(size)}  (from ${name})`);
}
if (failed) {
  console.error(`Some images are over ${kb(MAX_BYTES)}.`);
  process.exit(1);
}
