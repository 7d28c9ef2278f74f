// Import aliases (`import torch.nn.functional as F`, `import * as tf from '@tensorflow/tfjs'`) read from the head
// of a document, so that `F.gelu(...)` resolves to `torch.nn.functional.gelu`. Callers pass a bounded text (the
// first lines of a file or of a notebook's cells); the result goes into `DetectOptions.aliases`.
import { DEFAULT_JS_ALIASES, DEFAULT_PY_ALIASES } from './callees';
import { isJsLanguage } from './lexer';

/** Maps a module specifier to the dotted namespace the callee tables use (`@tensorflow/tfjs-node` → `tfjs`). */
function canonicalModule(module: string): string {
  if (/^@tensorflow\/tfjs(?:-[\w-]+)?$/.test(module)) return 'tfjs';
  return module;
}

const PY_IMPORT = /^[ \t]*import[ \t]+([\w. \t,]+?)[ \t]*(?:#.*)?$/;
const PY_FROM = /^[ \t]*from[ \t]+([\w.]+)[ \t]+import[ \t]+\(?([\w. \t,]+?)\)?[ \t]*(?:#.*)?$/;
const JS_NAMESPACE = /import[ \t]+\*[ \t]+as[ \t]+([\w$]+)[ \t]+from[ \t]+['"]([^'"]+)['"]/g;
const JS_DEFAULT = /import[ \t]+([\w$]+)[ \t]+from[ \t]+['"]([^'"]+)['"]/g;
const JS_REQUIRE = /(?:const|let|var)[ \t]+([\w$]+)[ \t]*=[ \t]*require\([ \t]*['"]([^'"]+)['"][ \t]*\)/g;
const JS_NAMED = /import[ \t]*\{([^}]*)\}[ \t]*from[ \t]*['"]([^'"]+)['"]/g;

/**
 * The local names bound by the import statements in `text`, merged over the conventional defaults
 * (`tf`, `F`, `jnn`… for Python; `tf` → TF.js for JS/TS). Later imports win, as at run time.
 */
export function scanImportAliases(text: string, languageId: string): Record<string, string> {
  if (isJsLanguage(languageId)) {
    const out: Record<string, string> = { ...DEFAULT_JS_ALIASES };
    for (const re of [JS_NAMESPACE, JS_DEFAULT, JS_REQUIRE]) {
      for (const m of text.matchAll(re)) out[m[1]] = canonicalModule(m[2]);
    }
    for (const m of text.matchAll(JS_NAMED)) {
      const module = canonicalModule(m[2]);
      for (const part of m[1].split(',')) {
        const [name, local] = part.trim().split(/\s+as\s+/);
        if (name && /^[\w$]+$/.test(name)) out[(local ?? name).trim()] = `${module}.${name}`;
      }
    }
    return out;
  }
  const out: Record<string, string> = { ...DEFAULT_PY_ALIASES };
  for (const line of text.split('\n')) {
    if (!line.includes('import')) continue;
    let m = PY_IMPORT.exec(line);
    if (m) {
      for (const part of m[1].split(',')) {
        const [module, local] = part.trim().split(/\s+as\s+/);
        if (!module) continue;
        if (local) out[local.trim()] = module;
        // `import torch.nn.functional` binds `torch`; the full path resolves by itself.
        else out[module.split('.')[0]] = module.split('.')[0];
      }
      continue;
    }
    m = PY_FROM.exec(line);
    if (m) {
      const module = m[1];
      for (const part of m[2].split(',')) {
        const [name, local] = part.trim().split(/\s+as\s+/);
        if (name && /^\w+$/.test(name)) out[(local ?? name).trim()] = `${module}.${name}`;
      }
    }
  }
  return out;
}
