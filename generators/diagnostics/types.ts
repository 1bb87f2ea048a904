export type Severity = 'error' | 'warning' | 'info';

export interface Diagnostic {
  severity: Severity;
  /** Stable, for tests and for people searching the docs. */
  code: string;
  message: string;
  nodeIds: string[];
  edgeIds: string[];
}
