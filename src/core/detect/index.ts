// The call detector (pure): the activation call or numeric array literal around an offset, and the activation
// calls in a range. Shared by the hover, CodeLens, inlay hints and the side panel.
export { detectAt, detectCallsIn, detectCallsInLine, DEFAULT_MAX_SCAN } from './detect';
export type { Detection, DetectOptions, DetectRange } from './detect';
export { scanImportAliases } from './imports';
export { resolveCallee, expandCallee, isWrapperCallee } from './callees';
export type { DetectFramework, ResolvedCallee, CalleeSpec, ArgValue } from './callees';
export { inCodeRange, markdownCodeRanges, type CodeRanges } from './markdownCode';
