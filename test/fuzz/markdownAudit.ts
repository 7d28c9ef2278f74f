// What a hover's Markdown may contain, checked by rendering it with a real CommonMark parser (markdown-it, HTML and
// bare-URL autolinks on: stricter than VS Code's renderer): no HTML, no link or image the extension did not write.
// Links must go to a command the hover trusts, each label at most once, the chart only as an SVG data URI.
import MarkdownIt from 'markdown-it';
import type { HoverMarkdown } from '../../src/hover/hoverContent';

const md = new MarkdownIt({ html: true, linkify: true });
// Every destination counts (markdown-it would drop javascript:, vbscript:, most data: links silently).
md.validateLink = () => true;

/** The links and images of a Markdown text, and whether it holds raw HTML. */
export function markdownLinks(markdown: string): {
  links: { href: string; label: string }[];
  images: string[];
  html: string[];
} {
  const links: { href: string; label: string }[] = [];
  const images: string[] = [];
  const html: string[] = [];
  for (const block of md.parse(markdown, {})) {
    if (block.type === 'html_block') html.push(block.content);
    for (let i = 0; i < (block.children ?? []).length; i++) {
      const t = (block.children ?? [])[i];
      if (t.type === 'html_inline') html.push(t.content);
      if (t.type === 'image') images.push(t.attrGet('src') ?? '');
      if (t.type === 'link_open') {
        let label = '';
        for (let j = i + 1; j < (block.children ?? []).length; j++) {
          const u = (block.children ?? [])[j];
          if (u.type === 'link_close') break;
          label += u.content;
        }
        links.push({ href: t.attrGet('href') ?? '', label });
      }
    }
  }
  return { links, images, html };
}

/** Every problem found in a built hover (empty when it is only what the extension writes). */
export function auditHover(built: HoverMarkdown, allowedLabels: ReadonlySet<string>): string[] {
  const problems: string[] = [];
  const { links, images, html } = markdownLinks(built.markdown);
  if (html.length) problems.push(`raw HTML: ${JSON.stringify(html[0]).slice(0, 80)}`);
  const seen = new Set<string>();
  for (const { href, label } of links) {
    const m = /^command:([\w.]+)\?/.exec(href);
    if (!m) problems.push(`a link that is not a command: ${href.slice(0, 80)}`);
    else if (!built.enabledCommands.includes(m[1])) problems.push(`a link to an untrusted command ${m[1]}`);
    if (!allowedLabels.has(label)) problems.push(`a link labelled ${JSON.stringify(label.slice(0, 60))}`);
    if (seen.has(label)) problems.push(`two links labelled ${JSON.stringify(label)}`);
    seen.add(label);
  }
  for (const src of images)
    if (!src.startsWith('data:image/svg+xml;base64,')) problems.push(`an image ${src.slice(0, 60)}`);
  if (images.length > 1) problems.push(`${images.length} images`);
  return problems;
}
