// The hover's Markdown builders, a chunk loaded at the first hover (activation does not need them).
export { buildHoverMarkdown, encodeCommandUri, renderHover } from './hoverContent';
export { buildNameHover } from './nameHover';
