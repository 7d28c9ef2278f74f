// The part of node:assert/strict the extension-host suite uses, for the web worker (which has no Node built-ins).
// scripts/esbuild.mjs maps `node:assert/strict` here in the web suite's bundle, so the same test files run in both
// hosts. Semantics follow node:assert/strict: equal is Object.is, deepEqual compares structure and prototypes.

export class AssertionError extends Error {
  override name = 'AssertionError';
}

function fail(message: string | undefined, fallback: string): never {
  throw new AssertionError(message ?? fallback);
}

function show(value: unknown): string {
  try {
    const text = typeof value === 'string' ? JSON.stringify(value) : (JSON.stringify(value) ?? String(value));
    return text.length > 300 ? `${text.slice(0, 300)}…` : text;
  } catch {
    return String(value);
  }
}

export function ok(value: unknown, message?: string): asserts value {
  if (!value) fail(message, `expected a truthy value, got ${show(value)}`);
}

export function equal<T>(actual: unknown, expected: T, message?: string): asserts actual is T {
  if (!Object.is(actual, expected)) fail(message, `expected ${show(expected)}, got ${show(actual)}`);
}

export function notEqual(actual: unknown, expected: unknown, message?: string): void {
  if (Object.is(actual, expected)) fail(message, `expected a value other than ${show(expected)}`);
}

function deepEqualValues(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  if (keysA.length !== keysB.length) return false;
  const recordB = b as Record<string, unknown>;
  return keysA.every(
    (k) =>
      Object.prototype.hasOwnProperty.call(b, k) &&
      deepEqualValues((a as Record<string, unknown>)[k], recordB[k]),
  );
}

export function deepEqual<T>(actual: unknown, expected: T, message?: string): asserts actual is T {
  if (!deepEqualValues(actual, expected))
    fail(message, `expected ${show(expected)}, got ${show(actual)} (deep, strict)`);
}

export function match(text: string, pattern: RegExp, message?: string): void {
  if (typeof text !== 'string' || !pattern.test(text))
    fail(message, `${show(text)} does not match ${String(pattern)}`);
}

export function doesNotMatch(text: string, pattern: RegExp, message?: string): void {
  if (typeof text !== 'string' || pattern.test(text))
    fail(message, `${show(text)} matches ${String(pattern)}`);
}
