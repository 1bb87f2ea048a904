/** Classifies SDK errors for the polling loops: back off on throttling, retry a dropped connection. */
export function isThrottling(error: unknown): boolean {
  const e = error as { name?: string; Code?: string; $metadata?: { httpStatusCode?: number } };
  return /Throttl|TooManyRequests|RequestLimitExceeded|SlowDown/i.test(`${e?.name} ${e?.Code}`) || e?.$metadata?.httpStatusCode === 429;
}

export function isConnectionProblem(error: unknown): boolean {
  const e = error as { name?: string; code?: string; message?: string };
  return /ECONNRESET|ECONNREFUSED|EPIPE|ETIMEDOUT|socket hang up|TimeoutError|NetworkingError|other side closed|UND_ERR/i.test(`${e?.name} ${e?.code} ${e?.message}`);
}

export const describeError = (error: unknown) => {
  const e = error as { name?: string; message?: string };
  return e?.message ? (e.name && e.name !== 'Error' && !e.message.includes(e.name) ? `${e.name}: ${e.message}` : e.message) : String(error);
};
