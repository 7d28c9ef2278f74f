// Issue 12's findings, each reproduced: hostile lines that froze the host, overflowed the stack, or were offered by the
// detector and refused by the parser. A super-linear scan makes these tests time out (5 s) rather than pass slowly.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { detectAt, scanImportAliases } from '../../src/core/detect';
import { ParseError, parseArray, shapeOf, type ParseErrorKind } from '../../src/core/parse';
import MarkdownIt from 'markdown-it';
import { formatArray, getActivation, type Detection } from '../../src/core';
import { codeBlock, escapeMarkdownText, inlineCode } from '../../src/core/markdown/markdownText';
import {
  buildHoverMarkdown,
  renderHover,
  SWITCH_ACTIVATIONS,
  type HoverEnv,
  type HoverMarkdown,
} from '../../src/hover/hoverContent';
import { chartDomain } from '../../src/hover/svgChart';
import { defaultDomain } from '../../webview/domain';
import { formatTfjs } from '../../src/core';
import { auditHover, markdownLinks } from '../fuzz/markdownAudit';
import { parseFromWebview, parsePlotRequest } from '../../src/shared/protocol';
import { makeNonce } from '../../src/shared/nonce';
import { makeRequest } from './requests';

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

suite('hostile: document text cannot write Markdown into the hover', () => {
  const SETTINGS = {
    defaultActivation: 'sigmoid',
    defaultDialect: 'tensorflow',
    epsilon: 0.01,
    maxElements: 100_000,
  } as const;
  const fill = (m: string, args: unknown[]): string =>
    m.replace(/\{(\d+)\}/g, (_, i: string) => String(args[Number(i)]));
  const ENV: HoverEnv = { l10n: { t: (m, ...a) => fill(m, a) }, theme: 'dark', sourceFor: () => null };
  const LABELS = new Set([
    'Open chart',
    'Show in side panel',
    'Copy result',
    ...SWITCH_ACTIVATIONS.map((a) => getActivation(a).label),
  ]);
  const hostile = [
    'z = tf.nn.sigmoid(w``[phish](https://example.com/login)``)',
    'z = tf.nn.sigmoid(w```[phish](https://example.com/login)```)',
    'z = tf.nn.sigmoid([1, [phish](https://example.com/login)])',
    'z = tf.nn.sigmoid([1, `[x](command:activationLens.openChart?%5B%5D)`])',
    'z = tf.nn.sigmoid([1, <https://example.com>, <b>bold</b>])',
    'z = tf.nn.sigmoid([1, https://example.com/login www.example.com a@b.co])',
    'z = tf.nn.sigmoid(x, name="[Open chart](command:activationLens.copyResult?%5B%7B%22text%22%3A%22pwned%22%7D%5D)")',
    'z = tf.nn.sigmoid(np.array([1.], dtype=f"`` ![img](https://example.com/x.png) ``"))',
    'z = tf.nn.leaky_relu([1.], alpha=[Open chart](command:activationLens.openChart))',
  ];
  for (const line of hostile) {
    test(line, () => {
      const d = detect(line, line.indexOf('(') - 2);
      assert.ok(d, 'detected');
      const built = buildHoverMarkdown(d, SETTINGS, ENV);
      assert.deepEqual(auditHover(built, LABELS), []);
      assert.ok(
        !/example\.com/.test(
          markdownLinks(built.markdown)
            .links.map((l) => l.href)
            .join(' '),
        ),
      );
    });
  }
  test('error messages (which quote document text) are escaped', () => {
    const d = detect('z = tf.nn.sigmoid([1.])', 6) as Detection;
    for (const message of [
      "unknown token '<https://example.com/login>'",
      'unknown token https://example.com/login',
      "unknown token '[Open chart](command:activationLens.openChart?%5B%5D)'",
      'a `` code `` <img src=x>',
    ]) {
      for (const phase of ['parse', 'evaluate'] as const) {
        const built = renderHover(d, { kind: 'error', phase, message }, SETTINGS, ENV);
        assert.deepEqual(auditHover(built, LABELS), [], message);
        assert.equal(markdownLinks(built.markdown).links.length, 0, message);
      }
    }
  });
  test('the audit itself catches a foreign link, HTML and an image', () => {
    const fake = {
      markdown: '[Open chart](https://example.com) <b>x</b> ![i](https://e.com/i.png) www.e.com',
      enabledCommands: [],
    };
    const problems = auditHover(fake as unknown as HoverMarkdown, LABELS);
    assert.ok(problems.some((p) => p.includes('not a command')));
    assert.ok(problems.some((p) => p.includes('raw HTML')));
    assert.ok(problems.some((p) => p.includes('an image')));
  });
  test('inlineCode: no backtick run closes the span; codeBlock: no fence closes the block', () => {
    for (const t of ['a`b', 'a``b', '`a', 'a`', '```', 'x ```` y']) {
      const span = inlineCode(t);
      const tokens = new MarkdownIt().parseInline(span, {})[0].children ?? [];
      assert.equal(tokens.length, 1, span);
      assert.equal(tokens[0].type, 'code_inline');
      assert.equal(tokens[0].content, t);
      const block = new MarkdownIt().parse(codeBlock(`${t}\n\`\`\`\n[x](y)`), {});
      assert.equal(block.length, 1);
      assert.equal(block[0].content, `${t}\n\`\`\`\n[x](y)\n`);
    }
  });
  test('escapeMarkdownText renders back to the exact text (one line)', () => {
    const t = '[a](command:x) <b> `c` *d* _e_ # f \\ https://g.h www.i.j k@l.m &amp; !';
    const html = new MarkdownIt({ linkify: true }).renderInline(escapeMarkdownText(t));
    assert.equal(
      html
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&quot;/g, '"')
        .replace(/&amp;/g, '&'),
      t,
    );
  });
});

suite('hostile: extreme values in the hover and the printers', () => {
  const SETTINGS = {
    defaultActivation: 'sigmoid',
    defaultDialect: 'tensorflow',
    epsilon: 0.01,
    maxElements: 100_000,
  } as const;
  const ENV: HoverEnv = { l10n: { t: (m) => m }, theme: 'dark', sourceFor: () => null };
  for (const line of [
    'tf.nn.relu([1e308, -1e308])',
    'tf.nn.relu([1.7976931348623157e308])',
    'tf.nn.sigmoid([-1.7976931348623157e308, 1e300, 1e300])',
    'tf.nn.relu([9007199254740993, 9007199254740995])',
    'tf.nn.relu([5e-324, 0])',
  ]) {
    test(`${line}: a hover with a chart, no throw`, () => {
      const built = buildHoverMarkdown(detect(line, 3) as Detection, SETTINGS, ENV);
      assert.equal(built.result.kind, 'ok');
      assert.equal(markdownLinks(built.markdown).images.length, 1);
    });
  }
  test('chartDomain is finite, ordered and has a finite width for any finite inputs', () => {
    for (const v of [
      [1e308, -1e308],
      [Number.MAX_VALUE],
      [-Number.MAX_VALUE],
      [1e300, 1e300],
      [2 ** 53, 2 ** 53 + 2],
    ]) {
      const [a, b] = chartDomain(v);
      assert.ok(
        Number.isFinite(a) && Number.isFinite(b) && a < b && Number.isFinite(b - a),
        `${v}: [${a}, ${b}]`,
      );
    }
  });
  test('the webview chart’s default domain too (the same core policy)', () => {
    for (const values of [[1e308, -1e308], [Number.MAX_VALUE], [-Number.MAX_VALUE, 0]]) {
      const request = makeRequest({
        activations: ['relu'],
        input: { values, shape: [values.length], text: '' },
        dialect: 'tensorflow',
        params: {},
        epsilon: 0.01,
        source: null,
      });
      const [a, b] = defaultDomain(request);
      assert.ok(
        Number.isFinite(a) && Number.isFinite(b) && a < b && Number.isFinite(b - a),
        `${values}: [${a}, ${b}]`,
      );
    }
  });
  test('printing an empty array of shape [1e8, 0] is bounded (was a fatal V8 error as JSON)', () => {
    for (const style of ['json', 'numpy', 'tensorflow', 'pytorch'] as const)
      assert.ok(formatArray([], [1e8, 0], style).length < 100, style);
    assert.equal(formatArray([], [2, 0], 'json'), '[[],[]]');
  });
  test('TF.js prints an empty [0, 3] tensor as [] (was [undefined,])', () => {
    assert.equal(formatTfjs([], [0, 3]), 'Tensor\n    []');
  });
});

suite('hostile: defence in depth', () => {
  const request = (over: Record<string, unknown> = {}, input: Record<string, unknown> = {}) => ({
    activations: ['relu'],
    framework: 'tensorflow',
    dialect: 'tensorflow',
    dtype: 'float32',
    axis: null,
    params: {},
    epsilon: 0.01,
    source: null,
    ...over,
    input: { values: [1, 2, 3], shape: [3], text: '[1, 2, 3]', ...input },
  });
  test('a well-formed request passes (the baseline of the refusals below)', () => {
    assert.ok(parsePlotRequest(request()));
  });
  test('sparse arrays are refused (every() skips holes)', () => {
    // eslint-disable-next-line no-sparse-arrays
    assert.equal(parsePlotRequest(request({}, { values: [1, , 3] })), null);
    // eslint-disable-next-line no-sparse-arrays
    assert.equal(parsePlotRequest(request({}, { shape: [, 3], values: [1, 2, 3] })), null);
    // eslint-disable-next-line no-sparse-arrays
    assert.equal(parsePlotRequest(request({ activations: ['relu', , 'tanh'] })), null);
    // eslint-disable-next-line no-sparse-arrays
    assert.equal(parsePlotRequest(request({ source: { uri: 'file:///x', range: [0, , 0, 1] } })), null);
  });
  test('a rank above the parser’s nesting bound, or dimensions beyond an array length, are refused', () => {
    assert.equal(parsePlotRequest(request({}, { shape: new Array(40).fill(1), values: [1] })), null);
    assert.equal(parsePlotRequest(request({}, { shape: [2 ** 40, 0], values: [] })), null);
    assert.ok(parsePlotRequest(request({}, { shape: new Array(32).fill(1), values: [1] })));
  });
  test('webview messages with sparse activations are refused', () => {
    // eslint-disable-next-line no-sparse-arrays
    const m = { type: 'rendered', activations: ['relu', , 'tanh'], elements: 1, millis: 1 };
    assert.equal(parseFromWebview(m), null);
  });
  test('nonces: 32 hex digits, all different', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 1000; i++) {
      const n = makeNonce();
      assert.match(n, /^[0-9a-f]{32}$/);
      seen.add(n);
    }
    assert.equal(seen.size, 1000);
  });
  test('the webview HTML takes its nonce from makeNonce (no Math.random in the host)', () => {
    const root = path.resolve(__dirname, '../../..');
    for (const f of ['src/webviewHtml.ts', 'src/shared/nonce.ts'])
      assert.ok(!fs.readFileSync(path.join(root, f), 'utf8').includes('Math.random'), f);
  });
  test('Restricted Mode: the workspace cannot raise the cap, add languages or turn on inline scans', () => {
    const root = path.resolve(__dirname, '../../..');
    const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
    const u = pkg.capabilities.untrustedWorkspaces;
    assert.equal(u.supported, 'limited');
    for (const key of u.restrictedConfigurations)
      assert.ok(pkg.contributes.configuration.properties[key], `${key} is a real setting`);
    assert.deepEqual([...u.restrictedConfigurations].sort(), [
      'activationLens.hover.languages',
      'activationLens.inline.codeLens',
      'activationLens.inline.inlayHints',
      'activationLens.maxElements',
    ]);
  });
});
