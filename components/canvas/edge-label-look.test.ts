import { describe, expect, it } from 'vitest';
import { COMPACT_BELOW_ZOOM, COMPACT_LABEL_FONT, EDGE_LABELS_HIDDEN_BELOW_ZOOM } from '@/generators';
import { edgeLabelLook } from './edge-label-look';

describe('edge labels at a zoom', () => {
  it('GIVEN the zoom at which nodes go compact THEN labels go compact, and stay drawn while they measure 6 px or more on screen', () => {
    expect(edgeLabelLook(1)).toBe('normal');
    expect(edgeLabelLook(COMPACT_BELOW_ZOOM)).toBe('normal');
    expect(edgeLabelLook(COMPACT_BELOW_ZOOM - 0.01)).toBe('compact');
    expect(EDGE_LABELS_HIDDEN_BELOW_ZOOM * COMPACT_LABEL_FONT).toBeCloseTo(6);
    expect(edgeLabelLook(EDGE_LABELS_HIDDEN_BELOW_ZOOM)).toBe('compact');
  });

  it('GIVEN a zoom where a label would be a smudge (a 2,000-node diagram fitted to the window) THEN it is not drawn, unless an image is being exported', () => {
    expect(edgeLabelLook(EDGE_LABELS_HIDDEN_BELOW_ZOOM - 0.01)).toBe('hidden');
    expect(edgeLabelLook(0.077)).toBe('hidden');
    expect(edgeLabelLook(0.077, true)).toBe('compact');
  });
});
