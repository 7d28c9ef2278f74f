// The hover chart's SVG: well-formed XML (checked by a small character-level parser, not by regexes), bands where
// the saturation bands are, dots for the inputs, no script, and a data URI that decodes back to the SVG.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { base64Utf8, buildSvgChart, chartDomain, svgDataUri, type ChartData } from '../../src/hover/svgChart';
import type { SaturationBand } from '../../src/core/types';

const suite = (name: string, fn: () => void): void => void describe(name, fn);
const test = (name: string, fn: () => void): void => void it(name, fn);

interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
}

/** A strict little XML parser: throws on anything not well-formed (unclosed or crossed tags, unquoted or duplicate
 * attributes, bad entities, stray `<`/`&`, text outside the root). */
function parseXml(src: string): XmlElement {
  let i = 0;
  const fail = (msg: string): never => {
    throw new Error(`${msg} at ${i}: ${JSON.stringify(src.slice(i, i + 30))}`);
  };
  const isNameChar = (c: string): boolean =>
    (c >= 'a' && c <= 'z') ||
    (c >= 'A' && c <= 'Z') ||
    (c >= '0' && c <= '9') ||
    c === '-' ||
    c === '_' ||
    c === ':' ||
    c === '.';
  const readName = (): string => {
    const s = i;
    while (i < src.length && isNameChar(src[i])) i++;
    if (i === s) fail('expected a name');
    return src.slice(s, i);
  };
  const skipSpace = (): void => {
    while (i < src.length && ' \t\n\r'.includes(src[i])) i++;
  };
  const readEntity = (): string => {
    // at '&'
    const end = src.indexOf(';', i);
    if (end < 0 || end - i > 10) fail('bad entity');
    const body = src.slice(i + 1, end);
    i = end + 1;
    const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
    if (body in named) return named[body];
    let code = NaN;
    if (body.startsWith('#x')) code = parseInt(body.slice(2), 16);
    else if (body.startsWith('#')) code = parseInt(body.slice(1), 10);
    if (!Number.isFinite(code)) fail(`unknown entity &${body};`);
    return String.fromCodePoint(code);
  };
  const readElement = (): XmlElement => {
    if (src[i] !== '<') fail('expected <');
    i++;
    const el: XmlElement = { name: readName(), attrs: {}, children: [], text: '' };
    for (;;) {
      skipSpace();
      if (src.startsWith('/>', i)) {
        i += 2;
        return el;
      }
      if (src[i] === '>') {
        i++;
        break;
      }
      const attr = readName();
      if (attr in el.attrs) fail(`duplicate attribute ${attr}`);
      skipSpace();
      if (src[i] !== '=') fail('expected =');
      i++;
      skipSpace();
      const q = src[i];
      if (q !== '"' && q !== "'") fail('unquoted attribute');
      i++;
      let value = '';
      while (i < src.length && src[i] !== q) {
        if (src[i] === '<') fail('< in attribute');
        if (src[i] === '&') value += readEntity();
        else value += src[i++];
      }
      if (i >= src.length) fail('unterminated attribute');
      i++;
      el.attrs[attr] = value;
    }
    for (;;) {
      if (i >= src.length) fail(`unclosed <${el.name}>`);
      if (src.startsWith('</', i)) {
        i += 2;
        const closing = readName();
        if (closing !== el.name) fail(`</${closing}> closes <${el.name}>`);
        skipSpace();
        if (src[i] !== '>') fail('expected >');
        i++;
        return el;
      }
      if (src.startsWith('<!--', i)) {
        const end = src.indexOf('-->', i);
        if (end < 0) fail('unclosed comment');
        i = end + 3;
        continue;
      }
      if (src[i] === '<') {
        el.children.push(readElement());
        continue;
      }
      if (src[i] === '&') el.text += readEntity();
      else if (src[i] === '>') fail('stray >');
      else el.text += src[i++];
    }
  };
  skipSpace();
  const root = readElement();
  skipSpace();
  if (i !== src.length) fail('content after the root element');
  return root;
}

function all(el: XmlElement): XmlElement[] {
  return [el, ...el.children.flatMap(all)];
}

/** sigmoid's saturation bands for ε = 0.01 (|f'| < 0.01 beyond |x| ≈ 4.59). */
const bands: SaturationBand[] = [
  { from: -Infinity, to: -4.59, side: 'left', kind: 'soft' },
  { from: 4.59, to: Infinity, side: 'right', kind: 'soft' },
];

const sigmoid = (x: number): number => 1 / (1 + Math.exp(-x));

function sigmoidData(bands: SaturationBand[], inputs = [-3, -2, -1, 0, 1, 2, 3]): ChartData {
  const [lo, hi] = chartDomain(inputs);
  const x: number[] = [];
  for (let k = 0; k <= 100; k++) x.push(lo + ((hi - lo) * k) / 100);
  return {
    curve: { x, y: x.map(sigmoid), dy: x.map((v) => sigmoid(v) * (1 - sigmoid(v))) },
    bands,
    points: { x: inputs, y: inputs.map(sigmoid) },
    label: 'sigmoid over the inputs',
  };
}

suite('the XML checker itself', () => {
  test('rejects malformed documents', () => {
    for (const bad of [
      '<a><b></a></b>',
      '<a x=1/>',
      '<a x="1" x="2"/>',
      '<a>&nope;</a>',
      '<a>1 < 2</a>',
      '<a/><b/>',
    ]) {
      assert.throws(() => parseXml(bad), Error, bad);
    }
    assert.equal(parseXml('<a x="&amp;"><b/>t&#x2032;</a>').children.length, 1);
  });
});

suite('buildSvgChart', () => {
  test('is well-formed SVG of about 320×160 with a title and an aria-label, and no script', () => {
    const svg = buildSvgChart(sigmoidData(bands, [-6, -3, 0, 3, 6]), { theme: 'dark' });
    const root = parseXml(svg);
    assert.equal(root.name, 'svg');
    assert.equal(root.attrs.xmlns, 'http://www.w3.org/2000/svg');
    assert.equal(root.attrs.width, '320');
    assert.equal(root.attrs.height, '160');
    assert.equal(root.attrs.role, 'img');
    assert.equal(root.attrs['aria-label'], 'sigmoid over the inputs');
    const elements = all(root);
    assert.ok(elements.some((e) => e.name === 'title' && e.text === 'sigmoid over the inputs'));
    assert.equal(elements.filter((e) => e.name.toLowerCase() === 'script').length, 0);
    assert.equal(elements.filter((e) => e.name === 'foreignObject').length, 0);
    for (const e of elements) {
      for (const [k, v] of Object.entries(e.attrs)) {
        assert.ok(!/^on/i.test(k), `event handler ${k}`);
        assert.ok(!/javascript:|https?:/i.test(v) || k === 'xmlns', `external reference ${k}=${v}`);
      }
    }
    // ASCII only (the prime of f′ is a character reference).
    assert.ok(/^[\x20-\x7e]*$/.test(svg));
  });

  test('one shaded rect per band inside the domain, at the plot edges for sigmoid on [-6, 6]', () => {
    const root = parseXml(buildSvgChart(sigmoidData(bands, [-6, -3, 0, 3, 6])));
    const rects = all(root).filter(
      (e) => e.name === 'rect' && (e.attrs.class ?? '').split(' ').includes('band'),
    );
    assert.equal(rects.length, 2);
    const [l, r] = rects;
    assert.equal(l.attrs['data-side'], 'left');
    assert.equal(r.attrs['data-side'], 'right');
    const frame = all(root).find((e) => e.name === 'rect' && e.attrs.fill === 'none');
    assert.ok(frame);
    const left = Number(frame.attrs.x);
    const right = left + Number(frame.attrs.width);
    assert.equal(Number(l.attrs.x), left);
    assert.ok(Math.abs(Number(r.attrs.x) + Number(r.attrs.width) - right) < 0.11);
    // The left band ends at x = -4.59: its share of the width is (−4.59 − lo) / (hi − lo).
    const [lo, hi] = chartDomain([-6, -3, 0, 3, 6]);
    const expected = ((-4.59 - lo) / (hi - lo)) * (right - left);
    assert.ok(Math.abs(Number(l.attrs.width) - expected) < 0.11, `${l.attrs.width} vs ${expected}`);
  });

  test('no band rects when no band reaches the domain (sigmoid on [-3, 3] with bands beyond ±4.6)', () => {
    const inside = { from: -4.59, to: -4.0, side: 'left', kind: 'soft' } as const;
    const root = parseXml(buildSvgChart(sigmoidData([bands[0], bands[1]], [-1, 0, 1])));
    assert.equal(all(root).filter((e) => (e.attrs.class ?? '').includes('band')).length, 0);
    const withOne = parseXml(buildSvgChart(sigmoidData([inside], [-5, 0, 1])));
    assert.equal(all(withOne).filter((e) => (e.attrs.class ?? '').includes('band')).length, 1);
  });

  test('hard and dead bands use the hard colour; soft bands the soft colour', () => {
    const relu = parseXml(
      buildSvgChart(sigmoidData([{ from: -Infinity, to: 0, side: 'left', kind: 'dead' }]), {
        theme: 'light',
      }),
    );
    const soft = parseXml(buildSvgChart(sigmoidData([bands[0]], [-6, 0]), { theme: 'light' }));
    const fill = (root: XmlElement): string | undefined =>
      all(root).find((e) => (e.attrs.class ?? '').includes('band'))?.attrs.fill;
    assert.notEqual(fill(relu), fill(soft));
  });

  test('f and f′ paths and one dot per input (subsampled beyond maxPoints)', () => {
    const root = parseXml(buildSvgChart(sigmoidData(bands)));
    const els = all(root);
    assert.equal(els.filter((e) => e.name === 'path' && e.attrs.class === 'f').length, 1);
    assert.equal(els.filter((e) => e.name === 'path' && e.attrs.class === 'df').length, 1);
    assert.equal(els.filter((e) => e.name === 'circle').length, 7);
    const many = Array.from({ length: 1000 }, (_, k) => -5 + k / 100);
    const big = all(parseXml(buildSvgChart(sigmoidData(bands, many), { maxPoints: 50 })));
    assert.equal(big.filter((e) => e.name === 'circle').length, 50);
  });

  test('with an explicit domain and no curve (softmax on a matrix), the inputs are still drawn', () => {
    const x = [1, 2, 3, 4];
    const root = parseXml(
      buildSvgChart({
        curve: { x: [], y: [], dy: [] },
        bands: [],
        domain: chartDomain(x),
        points: { x, y: [0.12, 0.88, 0.12, 0.88] },
        label: 'softmax',
      }),
    );
    assert.equal(all(root).filter((e) => e.name === 'circle').length, 4);
    assert.equal(all(root).filter((e) => e.name === 'path').length, 0);
  });

  test('non-finite samples break the path instead of printing NaN', () => {
    const data = sigmoidData([]);
    const y = Array.from(data.curve.y);
    y[50] = NaN;
    y[60] = Infinity;
    const svg = buildSvgChart({ ...data, curve: { ...data.curve, y } });
    parseXml(svg);
    assert.ok(!svg.includes('NaN') && !svg.includes('Infinity'));
    const d = all(parseXml(svg)).find((e) => e.attrs.class === 'f')?.attrs.d ?? '';
    assert.equal(d.split('M').length - 1, 3);
  });

  test('dark and light palettes differ; the label is escaped', () => {
    const data = { ...sigmoidData(bands), label: 'a < b & "c"' };
    const dark = buildSvgChart(data, { theme: 'dark' });
    const light = buildSvgChart(data, { theme: 'light' });
    assert.notEqual(dark, light);
    assert.equal(parseXml(dark).attrs['aria-label'], 'a < b & "c"');
  });
});

suite('chartDomain and the data URI', () => {
  test('the inputs range with a 15 % margin (at least 0.5)', () => {
    assert.deepEqual(chartDomain([-3, 3]), [-3.9, 3.9]);
    assert.deepEqual(chartDomain([2, 2]), [1.5, 2.5]);
    assert.deepEqual(chartDomain([NaN, Infinity]), [-6, 6]);
  });

  test('base64 matches Node for ASCII and UTF-8; the URI decodes back to the SVG', () => {
    for (const s of ['', 'a', 'ab', 'abc', 'f′ 饱和', '<svg/>']) {
      assert.equal(base64Utf8(s), Buffer.from(s, 'utf8').toString('base64'));
    }
    const svg = buildSvgChart(sigmoidData(bands));
    const uri = svgDataUri(svg);
    assert.ok(uri.startsWith('data:image/svg+xml;base64,'));
    assert.equal(Buffer.from(uri.slice(uri.indexOf(',') + 1), 'base64').toString('utf8'), svg);
  });
});
