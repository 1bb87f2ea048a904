/** Runs AWS's cfn-lint once over many templates (it takes seconds to start) and returns its findings per template. */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface LintFinding {
  Rule: { Id: string };
  Level: 'Error' | 'Warning' | 'Informational';
  Message: string;
  Filename: string;
  Location: { Start: { LineNumber: number } };
}

/** Writes the templates into a scratch folder, one file each. */
function writeTemplates(templates: Record<string, string>) {
  const dir = mkdtempSync(join(tmpdir(), 'eventform-lint-'));
  const files = Object.entries(templates).map(([name, text]) => {
    const file = join(dir, `${name.replace(/[^A-Za-z0-9_-]/g, '_')}.yaml`);
    writeFileSync(file, text);
    return [name, file] as const;
  });
  return { dir, files };
}

function findingsByTemplate(output: string, files: (readonly [string, string])[]): Map<string, LintFinding[]> {
  const findings = JSON.parse(output) as LintFinding[];
  const result = new Map<string, LintFinding[]>(files.map(([name]) => [name, []]));
  for (const finding of findings) {
    const entry = files.find(([, f]) => f === finding.Filename);
    if (entry) result.get(entry[0])!.push(finding);
  }
  return result;
}

const lintArgs = (files: (readonly [string, string])[]) => ['--format', 'json', '--', ...files.map(([, f]) => f)];

/**
 * Lints templates in one cfn-lint run. Asynchronous on purpose: a worker blocked while a long batch
 * runs cannot answer the test runner, which gives up on it after a minute on a loaded machine.
 */
export async function lintTemplates(templates: Record<string, string>): Promise<Map<string, LintFinding[]>> {
  const { dir, files } = writeTemplates(templates);
  try {
    const output = await new Promise<string>((resolve, reject) =>
      execFile('cfn-lint', lintArgs(files), { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }, (error, stdout) => (stdout ? resolve(stdout) : reject(error ?? new Error('cfn-lint printed nothing')))),
    );
    return findingsByTemplate(output, files);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export const describeFindings = (findings: LintFinding[]) => findings.map((f) => `${f.Level} ${f.Rule.Id} line ${f.Location.Start.LineNumber}: ${f.Message}`).join('\n');
