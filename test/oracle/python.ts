// Runs one Python oracle script once, JSON on stdin and stdout: one process per framework per run, however
// many cases it computes.
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

/** /usr/bin/python3 is Debian's, with python3-torch 1.13 and python3-numpy 1.24 (scripts/install-system-deps.sh). */
export const DEBIAN_PYTHON = '/usr/bin/python3';

/** The repository root (this file runs from out/test/oracle/). */
export const ROOT = path.resolve(__dirname, '..', '..', '..');

export interface PythonRun<T> {
  ok: boolean;
  result?: T;
  /** Why it did not run (missing interpreter or module), or the script's error. */
  error?: string;
}

/** Runs test/oracle/python/<script> with `python` and the request as JSON. */
export function runPython<T>(python: string, script: string, request: unknown): PythonRun<T> {
  const file = path.join(ROOT, 'test', 'oracle', 'python', script);
  const r = spawnSync(python, [file], {
    input: JSON.stringify(request),
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    timeout: 300_000,
    env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1', OMP_NUM_THREADS: '1' },
  });
  if (r.error) return { ok: false, error: `${python}: ${r.error.message}` };
  if (r.status !== 0)
    return { ok: false, error: `${python} ${script} exited ${r.status}: ${r.stderr.slice(-2000)}` };
  try {
    return { ok: true, result: JSON.parse(r.stdout) as T };
  } catch (err) {
    return { ok: false, error: `${script} printed no JSON: ${String(err)}; stderr ${r.stderr.slice(-500)}` };
  }
}

/** True when `python` can import every module. */
export function pythonHas(python: string, modules: readonly string[]): boolean {
  const r = spawnSync(python, ['-c', modules.map((m) => `import ${m}`).join('; ')], { encoding: 'utf8' });
  return !r.error && r.status === 0;
}
