/**
 * Every runtime identifier CloudFormation accepts for AWS::Lambda::Function, so an imported
 * function shows the runtime its template names. Eventform writes code for the Python and Node.js
 * ones; the others are kept for imported functions whose code comes from elsewhere.
 *
 * Deprecation dates are Lambda's (docs.aws.amazon.com/lambda/latest/dg/lambda-runtimes.html, as
 * cfn-lint's runtime lifecycle table has them, checked 2026-12-02): from that date Lambda stops
 * patching the runtime, then blocks creating and updating functions with it. Only dates already
 * past are listed, so the check needs no clock; cfn-lint's own check (E2533) keeps the list honest.
 */

export type RuntimeFamily = 'nodejs' | 'python' | 'java' | 'dotnet' | 'ruby' | 'go' | 'provided';

interface RuntimeInfo {
  id: string;
  label: string;
  family: RuntimeFamily;
  /** The date Lambda deprecated it (yyyy-mm-dd), when it has. */
  deprecated?: string;
}

/** The runtime an upgrade moves a deprecated one of the family to. */
export const CURRENT_RUNTIME: Readonly<Record<RuntimeFamily, string>> = {
  nodejs: 'nodejs24.x',
  python: 'python3.14',
  java: 'java25',
  dotnet: 'dotnet10',
  ruby: 'ruby3.4',
  go: 'provided.al2023',
  provided: 'provided.al2023',
};

const SUPPORTED: readonly RuntimeInfo[] = [
  { id: 'python3.14', label: 'Python 3.14', family: 'python' },
  { id: 'python3.13', label: 'Python 3.13', family: 'python' },
  { id: 'python3.12', label: 'Python 3.12', family: 'python' },
  { id: 'nodejs24.x', label: 'Node.js 24', family: 'nodejs' },
  { id: 'nodejs22.x', label: 'Node.js 22', family: 'nodejs' },
  { id: 'java25', label: 'Java 25', family: 'java' },
  { id: 'java21', label: 'Java 21', family: 'java' },
  { id: 'dotnet10', label: '.NET 10', family: 'dotnet' },
  { id: 'ruby4.0', label: 'Ruby 4.0', family: 'ruby' },
  { id: 'ruby3.4', label: 'Ruby 3.4', family: 'ruby' },
  { id: 'ruby3.3', label: 'Ruby 3.3', family: 'ruby' },
  { id: 'provided.al2023', label: 'OS-only (Amazon Linux 2023)', family: 'provided' },
];

const DEPRECATED: readonly RuntimeInfo[] = [
  { id: 'python3.11', label: 'Python 3.11', family: 'python', deprecated: '2026-06-30' },
  { id: 'python3.10', label: 'Python 3.10', family: 'python', deprecated: '2026-06-30' },
  { id: 'python3.9', label: 'Python 3.9', family: 'python', deprecated: '2025-12-15' },
  { id: 'python3.8', label: 'Python 3.8', family: 'python', deprecated: '2024-10-14' },
  { id: 'python3.7', label: 'Python 3.7', family: 'python', deprecated: '2023-12-04' },
  { id: 'python3.6', label: 'Python 3.6', family: 'python', deprecated: '2022-07-18' },
  { id: 'python2.7', label: 'Python 2.7', family: 'python', deprecated: '2021-07-15' },
  { id: 'nodejs20.x', label: 'Node.js 20', family: 'nodejs', deprecated: '2026-04-30' },
  { id: 'nodejs18.x', label: 'Node.js 18', family: 'nodejs', deprecated: '2025-09-01' },
  { id: 'nodejs16.x', label: 'Node.js 16', family: 'nodejs', deprecated: '2024-06-12' },
  { id: 'nodejs14.x', label: 'Node.js 14', family: 'nodejs', deprecated: '2023-12-04' },
  { id: 'nodejs12.x', label: 'Node.js 12', family: 'nodejs', deprecated: '2023-03-31' },
  { id: 'nodejs10.x', label: 'Node.js 10', family: 'nodejs', deprecated: '2021-07-30' },
  { id: 'nodejs8.10', label: 'Node.js 8.10', family: 'nodejs', deprecated: '2020-03-06' },
  { id: 'nodejs6.10', label: 'Node.js 6.10', family: 'nodejs', deprecated: '2019-08-12' },
  { id: 'nodejs4.3-edge', label: 'Node.js 4.3 edge', family: 'nodejs', deprecated: '2020-03-05' },
  { id: 'nodejs4.3', label: 'Node.js 4.3', family: 'nodejs', deprecated: '2020-03-05' },
  { id: 'nodejs', label: 'Node.js 0.10', family: 'nodejs', deprecated: '2016-08-30' },
  { id: 'java17', label: 'Java 17', family: 'java', deprecated: '2026-06-30' },
  { id: 'java11', label: 'Java 11', family: 'java', deprecated: '2026-06-30' },
  { id: 'java8.al2', label: 'Java 8 (Amazon Linux 2)', family: 'java', deprecated: '2026-06-30' },
  { id: 'java8', label: 'Java 8 (Amazon Linux 1)', family: 'java', deprecated: '2024-01-08' },
  { id: 'dotnet8', label: '.NET 8', family: 'dotnet', deprecated: '2026-11-10' },
  { id: 'dotnet6', label: '.NET 6', family: 'dotnet', deprecated: '2024-12-20' },
  { id: 'dotnetcore3.1', label: '.NET Core 3.1', family: 'dotnet', deprecated: '2023-04-03' },
  { id: 'dotnetcore2.1', label: '.NET Core 2.1', family: 'dotnet', deprecated: '2022-01-05' },
  { id: 'dotnetcore2.0', label: '.NET Core 2.0', family: 'dotnet', deprecated: '2019-05-30' },
  { id: 'dotnetcore1.0', label: '.NET Core 1.0', family: 'dotnet', deprecated: '2019-06-27' },
  { id: 'ruby3.2', label: 'Ruby 3.2', family: 'ruby', deprecated: '2026-03-31' },
  { id: 'ruby2.7', label: 'Ruby 2.7', family: 'ruby', deprecated: '2023-12-07' },
  { id: 'ruby2.5', label: 'Ruby 2.5', family: 'ruby', deprecated: '2021-07-30' },
  { id: 'go1.x', label: 'Go 1.x', family: 'go', deprecated: '2024-01-08' },
  { id: 'provided.al2', label: 'OS-only (Amazon Linux 2)', family: 'provided', deprecated: '2026-06-30' },
  { id: 'provided', label: 'OS-only (Amazon Linux 1)', family: 'provided', deprecated: '2024-01-08' },
];

export const RUNTIMES: readonly RuntimeInfo[] = [...SUPPORTED, ...DEPRECATED];

const BY_ID = new Map(RUNTIMES.map((r) => [r.id, r]));

export const runtimeInfo = (runtime: string): RuntimeInfo | undefined => BY_ID.get(runtime);

/** The family of a runtime identifier (python for anything unknown, as the handler templates are Python). */
export const familyOf = (runtime: string): RuntimeFamily => runtimeInfo(runtime)?.family ?? 'python';

/** Whether Eventform writes and edits code for the runtime (its handler templates, the code editor, the asset build). */
export const writesCodeFor = (runtime: string) => familyOf(runtime) === 'nodejs' || familyOf(runtime) === 'python';

/**
 * The enum options: every runtime is accepted (an imported function shows its own), but only the
 * supported Python and Node.js ones are offered for a new choice.
 */
export const RUNTIME_OPTIONS = RUNTIMES.map((r) => ({
  value: r.id,
  label: r.deprecated ? `${r.label} (deprecated)` : r.label,
  ...(r.deprecated || !(r.family === 'nodejs' || r.family === 'python') ? { hidden: true } : {}),
}));
