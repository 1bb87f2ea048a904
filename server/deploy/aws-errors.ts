/** Classifies SDK errors for the polling loops: back off on throttling, retry a dropped connection. */
export function isThrottling(error: unknown): boolean {
  const e = error as { name?: string; Code?: string; $metadata?: { httpStatusCode?: number } };
  return /Throttl|TooManyRequests|RequestLimitExceeded|SlowDown/i.test(`${e?.name} ${e?.Code}`) || e?.$metadata?.httpStatusCode === 429;
}

export function isConnectionProblem(error: unknown): boolean {
  const e = error as { name?: string; code?: string; message?: string };
  return /ECONNRESET|ECONNREFUSED|EPIPE|ETIMEDOUT|socket hang up|TimeoutError|NetworkingError|other side closed|UND_ERR/i.test(`${e?.name} ${e?.code} ${e?.message}`);
}

/** Errors a program has (a TypeError, a RangeError...): their text describes Eventform's code, not the request. */
const PROGRAM_ERRORS = new Set(['TypeError', 'RangeError', 'ReferenceError', 'SyntaxError', 'EvalError', 'URIError']);

/**
 * What an error means for the person: AWS's own answer (its code and message), a connection problem,
 * or, for a bug of ours, a plain sentence (the details go to the server's log, never to the page).
 */
export const describeError = (error: unknown) => {
  const e = error as { name?: string; message?: string; stack?: string; $metadata?: unknown };
  if (error instanceof Error && PROGRAM_ERRORS.has(e.name ?? '') && !e.$metadata) {
    console.error(`Eventform: unexpected error: ${e.stack ?? e.message}`);
    return 'an unexpected error in the Eventform server (its log has the details)';
  }
  return e?.message ? (e.name && e.name !== 'Error' && !e.message.includes(e.name) ? `${e.name}: ${e.message}` : e.message) : String(error);
};
