import { describe, expect, it } from 'vitest';
import { fieldChanges } from './changes.js';

describe('fieldChanges', () => {
  it('marks only the fields an update changed', () => {
    const changes = fieldChanges({ id: 'a', name: 'Old', active: true }, { id: 'a', name: 'New', active: true });
    expect(changes.filter((c) => c.changed)).toEqual([{ field: 'name', before: 'Old', after: 'New', changed: true }]);
    expect(changes).toHaveLength(3);
  });

  it('shows every field of an insert as changed, and nulls as (empty)', () => {
    expect(fieldChanges(null, { id: 'a', notes: null })).toEqual([
      { field: 'id', before: '', after: 'a', changed: true },
      { field: 'notes', before: '', after: '(empty)', changed: true },
    ]);
  });

  it('shows arrays and objects as JSON', () => {
    expect(fieldChanges({ roles: ['viewer'] }, { roles: ['viewer', 'admin'] })[0]).toMatchObject({
      before: '["viewer"]',
      after: '["viewer","admin"]',
      changed: true,
    });
  });
});
