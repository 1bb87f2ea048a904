import { beforeAll, describe, expect, it } from 'vitest';
import { BLUEPRINTS } from '../../blueprints';
import { loadShareCodec, readShareFragment, shareFragment } from './share';
import { serializeGraph } from './file';

describe('share links', () => {
  beforeAll(loadShareCodec);

  it.each(BLUEPRINTS.map((b) => [b.id, b.graph] as const))('GIVEN the %s blueprint WHEN shared and opened THEN the same diagram comes back', (_, graph) => {
    const fragment = shareFragment(graph);
    expect(fragment).toMatch(/^share=[A-Za-z0-9+\-$]+$/);
    const opened = readShareFragment(`#${fragment}`);
    expect(opened?.ok).toBe(true);
    if (opened?.ok) expect(serializeGraph(opened.graph)).toBe(serializeGraph(graph));
  });

  it('GIVEN a fragment that is not a share link THEN it is ignored; GIVEN a damaged one THEN it says so', () => {
    expect(readShareFragment('#section-2')).toBeNull();
    expect(readShareFragment('#share=@@@')).toMatchObject({ ok: false, error: expect.stringMatching(/damaged/) });
  });
});
