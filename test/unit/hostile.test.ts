// Issue 12's findings, each reproduced: hostile lines that froze the host, overflowed the stack, or were offered by the
// detector and refused by the parser. A super-linear scan makes these tests time out (5 s) rather than pass slowly.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { detectAt, scanImportAliases } from '../../src/core/detect';
import { ParseError, parseArray, shapeOf, type ParseErrorKind } from '../../src/core/parse';

const suite = (name: string, fn: () => void): void => void describe(name, fn);
const test = (name: string, fn: () => void): void => void it(name, { timeout: 5000 }, fn);

function detect(text: string, offset: number, languageId = 'python') {
  return detectAt((s, e) => text.slice(s, e), text.length, offset, languageId);
}

function parseErr(text: string): ParseError {
  try {
    parseArray(text);
  } catch (e) {
    assert.ok(e instanceof ParseError, `expected a ParseError, got ${String(e)}`);
    assert.ok(e.offset >= 0 && e.offset <= text.length, `offset ${e.offset} outside the text`);
    return e;
  }
  assert.fail(`parsed: ${text.slice(0, 40)}`);
}

suite('hostile: import scanning is linear', () => {
  test('`import` + 8,000 spaces + a non-name character binds nothing', () => {
    const a = scanImportAliases('import' + ' '.repeat(8000) + '!', 'python');
    assert.deepEqual(a, scanImportAliases('', 'python'));
  });
  test('`from x import` + 20,000 spaces', () => {
    const a = scanImportAliases('from x import' + ' '.repeat(20000) + '!', 'python');
    assert.deepEqual(a, scanImportAliases('', 'python'));
  });
  test('100,000 repetitions of `import {` in JS', () => {
    const a = scanImportAliases('import {'.repeat(100_000), 'javascript');
    assert.deepEqual(a, scanImportAliases('', 'javascript'));
  });
  test('the real forms still bind their names', () => {
    const py = scanImportAliases(
      'import torch.nn.functional as Fx, numpy\nfrom jax import nn as jn  # c\nfrom torch.nn import (functional as G)',
      'python',
    );
    assert.equal(py.Fx, 'torch.nn.functional');
    assert.equal(py.numpy, 'numpy');
    assert.equal(py.jn, 'jax.nn');
    assert.equal(py.G, 'torch.nn.functional');
    const js = scanImportAliases(
      "import * as tfn from '@tensorflow/tfjs-node';\nimport { relu, sigmoid as sg } from '@tensorflow/tfjs'\nconst t2 = require('@tensorflow/tfjs')",
      'javascript',
    );
    assert.equal(js.tfn, 'tfjs');
    assert.equal(js.relu, 'tfjs.relu');
    assert.equal(js.sg, 'tfjs.sigmoid');
    assert.equal(js.t2, 'tfjs');
  });
});

suite('hostile: depth-bounded parsing', () => {
  for (const [label, open, close] of [
    ['np.array(', 'np.array(', ')'],
    ['-float(', '-float(', ')'],
    ['<tf.Tensor: numpy=', '<tf.Tensor: numpy=', '>'],
    ['[', '[', ']'],
  ] as const) {
    test(`3,000 levels of ${label} give a tooDeep ParseError, not a stack overflow`, () => {
      const e = parseErr(open.repeat(3000) + '1' + close.repeat(3000));
      assert.equal(e.kind, 'tooDeep');
      assert.match(e.message, /deeper than 32 levels/);
    });
  }
  test('32 levels of wrappers still parse', () => {
    assert.deepEqual(parseArray('np.array('.repeat(32) + '[1.5]' + ')'.repeat(32)).values, [1.5]);
  });
  test('shapeOf throws ParseError with a kind', () => {
    let nested: unknown = 1;
    for (let i = 0; i < 40; i++) nested = [nested];
    assert.throws(
      () => shapeOf(nested),
      (e: unknown) => e instanceof ParseError && e.kind === 'tooDeep',
    );
    assert.throws(
      () => shapeOf([[1], [1, 2]]),
      (e: unknown) => e instanceof ParseError && e.kind === 'ragged',
    );
    assert.throws(
      () => shapeOf(['a']),
      (e: unknown) => e instanceof ParseError && e.kind === 'syntax',
    );
  });
});

suite('hostile: every ParseError has a kind', () => {
  const cases: [string, ParseErrorKind][] = [
    ['', 'empty'],
    ['   ', 'empty'],
    ['[1, 2', 'syntax'],
    ['[[1, 2], [3]]', 'ragged'],
    ['[[1], 2]', 'ragged'],
    ['[1, ..., 3]', 'summarised'],
    ['np.array([1., 2.], shape=(3,))', 'ragged'],
  ];
  for (const [text, kind] of cases) {
    test(`${JSON.stringify(text)} → ${kind}`, () => assert.equal(parseErr(text).kind, kind));
  }
  test('more elements than the cap → tooLarge', () => {
    assert.throws(
      () => parseArray('[1, 2, 3]', { maxElements: 2 }),
      (e: unknown) => e instanceof ParseError && e.kind === 'tooLarge',
    );
  });
});

suite('hostile: a missing bracket is named', () => {
  test('`[[1, 2, [3, 4]]`: the first inner list is missing its ]', () => {
    const e = parseErr('[[1, 2, [3, 4]]');
    assert.match(e.message, /the '\[' opened at offset 1 holds numbers/);
    assert.match(e.message, /is a '\]' missing before offset 8\?/);
    assert.equal(e.offset, 8);
  });
  test('`(1, 2 (3, 4))`: the closer named is the one of the opener', () => {
    assert.match(parseErr('[(1, 2 (3, 4))]').message, /is a '\)' missing before offset 7\?/);
  });
});

suite('hostile: one vocabulary for the detector and the parser', () => {
  for (const text of ['[np.pi, 1.0]', '[math.e, -np.inf, float("nan")]', '[torch.pi, 2]']) {
    test(`${text}: offered by the detector and read by the parser`, () => {
      const d = detect(`x = ${text}`, 5);
      assert.equal(d?.kind, 'array');
      assert.equal(d?.inputText, text);
      assert.equal(parseArray(text).values.length, text.split(',').length);
    });
  }
  test('[np.pi, 1.0] reads π', () => assert.deepEqual(parseArray('[np.pi, 1.0]').values, [Math.PI, 1]));
  test('an unknown name is offered by neither', () => {
    assert.equal(detect('x = [np.tau, 1.0]', 5), null);
    assert.equal(parseErr('[np.tau, 1.0]').kind, 'syntax');
  });
  test('JS /* … */ comments inside a literal: detected and parsed', () => {
    const src = 'tf.relu(tf.tensor([1, /* two */ 2, /*3*/3]))';
    const d = detect(src, 3, 'javascript');
    assert.equal(d?.kind, 'call');
    assert.deepEqual(parseArray(d?.inputText ?? '').values, [1, 2, 3]);
  });
  test('an unclosed /* is a ParseError that says so', () => {
    assert.match(parseErr('[1, /* 2]').message, /unclosed comment/);
  });
});

suite('hostile: long runs the regexes were quadratic on', () => {
  test('a 16,000-digit parameter that is not a number is ignored, not read', () => {
    const src = 'tf.nn.leaky_relu([1.], alpha=' + '1'.repeat(16000) + 'x)';
    const d = detect(src, 3);
    assert.deepEqual(d?.ignoredParams, ['alpha']);
  });
  test('float() of a 100,000-digit invalid string', () => {
    assert.match(parseErr(`float('${'1'.repeat(100_000)}x')`).message, /float\(\) of an invalid string/);
  });
  test('3,000 nested np.array( are detected once and refused by the parser with tooDeep', () => {
    const src = 'y = ' + 'np.array('.repeat(3000) + '[1.]' + ')'.repeat(3000);
    const d = detect(src, src.indexOf('[') + 1);
    assert.equal(d?.kind, 'array');
    assert.equal(parseErr(d?.inputText ?? '').kind, 'tooDeep');
  });
  test('20,000 nested [ in the detector', () => {
    const src = '['.repeat(20000) + '1' + ']'.repeat(20000);
    assert.equal(detect(src, 20000)?.kind, 'array');
  });
});
