// The evaluation pipeline (re-exports): code → subject (readSubject.ts) → evaluation (evaluateSubject.ts).
export type {
  EvaluationSettings,
  Subject,
  SubjectInput,
  SubjectResult,
  SubjectSource,
  Unresolved,
  ValueOrigin,
} from './subject';
export type { ResolutionContext } from './resolution';
export { layerCalleeFor, MAX_LAYER_LOOKUPS } from './layerCallee';
export { subjectOfDetection, subjectOfText, subjectOfValue } from './readSubject';
export { evaluateSubject, kernelDialect } from './evaluateSubject';
export type { Evaluated, SaturationLine } from './evaluateSubject';
export { evaluateDetection, evaluateSubjectResult } from './evaluate';
export type { EvaluationResult } from './evaluate';
export { axisLastOrder, axisLastShape, gather, resolveAxis, scatter } from './axis';
export { dtypeWrittenIn, frameworkHintOf } from './hints';
export {
  FRAMEWORK_PRINT_STYLE,
  HOVER_FULL_PRINT_LIMIT,
  SUM_LABELS,
  printValues,
  shortResult,
} from './printing';
