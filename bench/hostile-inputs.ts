/** Hostile templates: many aliases, a map with many keys, deep nesting. Shared by the hostile-input benchmark and its tests. */

/**
 * A template with `count` aliases of one anchored map, spread over as many resources as
 * CloudFormation allows in a stack (500), so the aliases, not the resource count, are what is measured.
 */
export function manyAliases(count: number, resources = 500): string {
  const lines = ['Resources:', '  Base:', '    Type: AWS::SQS::Queue', '    Properties:', '      Tags: &tags', '        - { Key: team, Value: events }'];
  const perResource = Math.ceil(count / resources);
  for (let r = 0, written = 0; written < count; r++) {
    lines.push(`  Q${r}:`, '    Type: AWS::SQS::Queue', '    Metadata:', '      Copies:');
    for (let i = 0; i < perResource && written < count; i++, written++) lines.push('        - *tags');
  }
  return `${lines.join('\n')}\n`;
}

/** A template whose one map has `count` keys. */
export function manyKeys(count: number): string {
  const lines = ['Resources:', '  Topic:', '    Type: AWS::SNS::Topic', 'Metadata:', '  Big:'];
  for (let i = 0; i < count; i++) lines.push(`    k${i}: ${i}`);
  return `${lines.join('\n')}\n`;
}

/** A template nested `depth` levels deep (flow sequences, as a hostile file would write them). */
export function deepNesting(depth: number): string {
  return `Resources:\n  Topic:\n    Type: AWS::SNS::Topic\nMetadata:\n  Deep: ${'['.repeat(depth)}1${']'.repeat(depth)}\n`;
}
