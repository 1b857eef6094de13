import { describe, expect, it } from 'vitest';
import { rowChangeLabel, rowLabel, tableLabel } from './table-labels.js';

describe('table labels', () => {
  it('turns a table name into words', () => {
    expect(tableLabel('framework_versions')).toBe('Framework versions');
    expect(tableLabel('hia_screenings')).toBe('HIA screenings');
  });

  it('names one row of a table', () => {
    expect(rowLabel('thresholds')).toBe('Threshold');
    expect(rowLabel('engagement_entries')).toBe('Engagement entry');
    expect(rowLabel('app_settings')).toBe('App setting');
  });

  it('says what happened to a row', () => {
    expect(rowChangeLabel('users', 'update')).toBe('User changed');
    expect(rowChangeLabel('contract_commitments', 'insert')).toBe('Contract commitment added');
    expect(rowChangeLabel(null, 'event')).toBe('Event recorded');
  });
});
