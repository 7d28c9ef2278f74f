// A call's subject completed with a live value: the call keeps its activation, framework and parameters; the value
// brings its numbers and, when it names one, its dtype (a float64 tensor computes in float64).
import { getActivation } from '../activations/registry';
import type { Subject, SubjectInput } from '../evaluation/subject';
import type { LiveValue } from './reply';

export type LiveSubject =
  | { ok: true; subject: Subject & { input: SubjectInput } }
  /** softmax / log_softmax normalise over whole axes: an even sample would give wrong numbers. */
  | { ok: false; reason: 'sampledVector'; size: number };

export function liveSubject(subject: Subject, value: LiveValue, text: string): LiveSubject {
  if (value.sampled && getActivation(subject.activation).vector)
    return { ok: false, reason: 'sampledVector', size: value.size };
  return {
    ok: true,
    subject: { ...subject, dtype: value.dtype ?? subject.dtype, input: { ...value.input, text } },
  };
}
