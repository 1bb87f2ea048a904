export type Severity = 'error' | 'warning' | 'info';

export interface Diagnostic {
  severity: Severity;
  /** Stable, for tests and for people searching the docs. */
  code: string;
  message: string;
  nodeIds: string[];
  edgeIds: string[];
}

/** What a check sees and how it reports (service modules and connection rules write checks against it). */
export interface CheckContext {
  index: import('../graph/index-graph').GraphIndex;
  report(severity: Severity, code: string, message: string, nodes?: readonly { id: string }[], edges?: readonly { id: string }[]): void;
}
