// Live values from a paused debugger (re-exports): safe path → conversion expression → validated reply.
export { MAX_PATH_LENGTH, parseLivePath, renderPath } from './path';
export type { LiveLanguage, LivePath, PathRefusal, PathStep } from './path';
export { JS_REPLY_VALUES, REPLY_TAG, conversionExpression } from './conversion';
export { parseLiveReply } from './reply';
export type { LiveReply, LiveValue } from './reply';
export { liveSubject } from './subject';
export { readLiveValue } from './read';
export type { DapRequest, LiveRead, LiveReadOptions } from './read';
export type { LiveSubject } from './subject';
