import { describe, expect, it } from 'vitest';
import { BLUEPRINTS } from '.';
import { blueprintLayout } from './layout';

describe('stored blueprint layouts', () => {
  it.each(BLUEPRINTS.map((b) => [b.id, b] as const))(
    'GIVEN the %s blueprint WHEN the auto-layout arranges it THEN its nodes stand where layouts.generated.ts put them (else run npm run blueprint-layouts)',
    (_, blueprint) => {
      const stored = Object.fromEntries(blueprint.graph.nodes.map((node) => [node.name, node.position]));
      expect(stored).toEqual(blueprintLayout(blueprint));
    },
  );
});
