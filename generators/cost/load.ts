/** The load a cost estimate is computed for (kept apart from the estimate so the UI can hold it without loading the price table). */
export interface Load {
  /** Events entering the architecture per month, at each entry point. */
  requestsPerMonth: number;
  averagePayloadKB: number;
  /** Data kept in each bucket and each table. */
  storageGB: number;
  /** How long one function invocation runs. */
  averageDurationMs: number;
}

export const DEFAULT_LOAD: Load = { requestsPerMonth: 1_000_000, averagePayloadKB: 1, storageGB: 1, averageDurationMs: 100 };
