// Both stages in one call, for surfaces that start from a detection (hover, CodeLens, inlay hints, Copy result).
import type { Detection } from '../detect/detect';
import type { ActivationId } from '../types';
import { evaluateSubject, type Evaluated } from './evaluateSubject';
import { subjectOfDetection } from './readSubject';
import type { ResolutionContext } from './resolution';
import {
  evaluationError,
  type EvaluationSettings,
  type Subject,
  type SubjectResult,
  type SubjectSource,
} from './subject';

/** An evaluation, or why there is none (the first stage's other results). */
export type EvaluationResult =
  | Evaluated
  | ({ kind: 'noInput'; source: SubjectSource } & Subject)
  | Exclude<SubjectResult, { kind: 'subject' | 'noInput' }>;

/** Evaluates what the first stage found; an input the core refuses becomes an 'evaluate' error. */
export function evaluateSubjectResult(result: SubjectResult, epsilon: number): EvaluationResult {
  switch (result.kind) {
    case 'subject':
      try {
        return evaluateSubject(result.subject, epsilon, result.source);
      } catch (err) {
        return evaluationError(err);
      }
    case 'noInput':
      return { ...result.subject, kind: 'noInput', source: result.source };
    default:
      return result;
  }
}

/** What a detection evaluates to (bare arrays: `arrayActivation` or the default-activation setting). */
export function evaluateDetection(
  d: Detection,
  settings: EvaluationSettings,
  aliases: Readonly<Record<string, string>> = {},
  arrayActivation?: ActivationId,
  resolution?: ResolutionContext,
): EvaluationResult {
  return evaluateSubjectResult(
    subjectOfDetection(d, settings, aliases, arrayActivation, resolution),
    settings.epsilon,
  );
}
