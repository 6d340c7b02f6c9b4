import { describe, expect, it } from '@jest/globals';
import { scopeFilterOf, scopesCover, type ScopedPlacement } from './scopes.js';

const place: ScopedPlacement = { districtId: 'd1', streetId: 's1', communityId: 'c1', institutionId: 'i1' };

describe('scopesCover', () => {
  it('covers a place from the city, its district, street, community or institution', () => {
    expect(scopesCover([{ kind: 'CITY', id: null }], place)).toBe(true);
    expect(scopesCover([{ kind: 'DISTRICT', id: 'd1' }], place)).toBe(true);
    expect(scopesCover([{ kind: 'STREET', id: 's1' }], place)).toBe(true);
    expect(scopesCover([{ kind: 'COMMUNITY', id: 'c1' }], place)).toBe(true);
    expect(scopesCover([{ kind: 'INSTITUTION', id: 'i1' }], place)).toBe(true);
  });

  it('does not cover a place outside every scope, nor anything with no scope', () => {
    expect(scopesCover([{ kind: 'DISTRICT', id: 'd2' }, { kind: 'INSTITUTION', id: 'i2' }], place)).toBe(false);
    expect(scopesCover([{ kind: 'STREET', id: 's2' }], { ...place, streetId: null })).toBe(false);
    expect(scopesCover([], place)).toBe(false);
  });

  it('lists the ids each kind names', () => {
    expect(scopeFilterOf([{ kind: 'DISTRICT', id: 'd1' }, { kind: 'INSTITUTION', id: 'i1' }])).toEqual({
      all: false,
      districtIds: ['d1'],
      streetIds: [],
      communityIds: [],
      institutionIds: ['i1'],
    });
  });
});
