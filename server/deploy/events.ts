/** What a deployment or a teardown reports as it goes: streamed to the page (SSE) and to the CLI. */
export type Phase = 'checking' | 'staging' | 'change-set' | 'executing' | 'post-deploy' | 'emptying' | 'deleting';

export interface ResourceChangeRow {
  action: string;
  logicalId: string;
  type: string;
  /** "True", "False" or "Conditional" for modifications; whether the resource is replaced. */
  replacement?: string;
}

export interface StackEventRow {
  id: string;
  time: string;
  logicalId: string;
  type: string;
  status: string;
  reason?: string;
}

export type DeployEvent =
  | { type: 'phase'; phase: Phase; message: string }
  | { type: 'changes'; changeSetName: string; stackExists: boolean; changes: ResourceChangeRow[] }
  | { type: 'no-changes'; message: string }
  | { type: 'stack-event'; event: StackEventRow }
  | { type: 'notice'; message: string }
  | { type: 'failed'; message: string; resource?: string; reason?: string }
  | { type: 'outputs'; outputs: Record<string, string> }
  | { type: 'done'; ok: boolean; status: string; message: string };

export type Emit = (event: DeployEvent) => void;

export class DeployError extends Error {}
