// Reading a live value: a safe path, the conversion around it, one DAP `evaluate` on the selected frame with a
// timeout, and the validated reply. The debugger is passed in (the host's DebugSession.customRequest, or a DAP
// client in tests), so this stays pure.
import { JS_REPLY_VALUES, conversionExpression } from './conversion';
import { parseLivePath, type LiveLanguage, type PathRefusal } from './path';
import { parseLiveReply, type LiveValue } from './reply';

/** Sends one DAP request and resolves with its response body (rejects with the debugger's message). */
export type DapRequest = (command: string, args: Record<string, unknown>) => PromiseLike<unknown>;

export type LiveRead =
  | { ok: true; value: LiveValue; expression: string }
  | { ok: false; reason: 'path'; refusal: PathRefusal; at: number }
  | { ok: false; reason: 'notNumeric'; type: string }
  | { ok: false; reason: 'refused'; message: string }
  | { ok: false; reason: 'timeout'; ms: number }
  | { ok: false; reason: 'malformed'; detail: string }
  | { ok: false; reason: 'cancelled' };

export interface LiveReadOptions {
  maxElements: number;
  timeoutMs: number;
  /** Resolves (or is already resolved) when the caller no longer needs the answer. */
  cancelled?: PromiseLike<unknown>;
}

/** Reads `argText` in the frame: nothing is sent unless it is a safe path. */
export async function readLiveValue(
  request: DapRequest,
  frameId: number,
  argText: string,
  language: LiveLanguage,
  options: LiveReadOptions,
): Promise<LiveRead> {
  const path = parseLivePath(argText, language);
  if (!path.ok) return { ok: false, reason: 'path', refusal: path.reason, at: path.at };
  // js-debug returns the whole string only in its 'clipboard' context, whose serializer template shadows short names
  // (`t`, `n`, …) of the frame; its other contexts cut a string at 100,000 characters. So JS values are read in the
  // 'variables' context, at most JS_REPLY_VALUES of them (an even sample beyond).
  const js = language === 'javascript';
  const n = js ? Math.min(options.maxElements, JS_REPLY_VALUES) : options.maxElements;
  const expression = conversionExpression(path.steps, language, n);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<LiveRead>((resolve) => {
    timer = setTimeout(
      () => resolve({ ok: false, reason: 'timeout', ms: options.timeoutMs }),
      options.timeoutMs,
    );
  });
  const cancelled = options.cancelled
    ? Promise.resolve(options.cancelled).then((): LiveRead => ({ ok: false, reason: 'cancelled' }))
    : new Promise<LiveRead>(() => undefined);
  // debugpy: 'clipboard' + rawString returns the whole string, unquoted and not cut at 1000 characters.
  const context = js ? 'variables' : 'clipboard';
  const asked = Promise.resolve(
    request('evaluate', { expression, frameId, context, format: { rawString: true } }),
  ).then(
    (body): LiveRead => {
      const result = (body as { result?: unknown } | undefined)?.result;
      if (typeof result !== 'string') return { ok: false, reason: 'malformed', detail: 'no result' };
      const reply = parseLiveReply(result, n);
      if (reply.ok) return { ok: true, value: reply.value, expression };
      if (reply.reason === 'notNumeric') return { ok: false, reason: 'notNumeric', type: reply.type };
      if (reply.reason === 'foreign') return { ok: false, reason: 'refused', message: reply.text };
      return { ok: false, reason: 'malformed', detail: reply.detail };
    },
    (err: unknown): LiveRead => ({
      ok: false,
      reason: 'refused',
      message: (err instanceof Error ? err.message : String(err)).slice(0, 300),
    }),
  );
  try {
    return await Promise.race([asked, timeout, cancelled]);
  } finally {
    clearTimeout(timer);
  }
}
