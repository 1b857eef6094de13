import { describe, expect, it } from 'vitest';
import { roles } from '../../db/schema/index.js';
import { isRole, roleHints, roleLabels, rolesByKind, rolesProblem } from './roles.js';

describe('roles for each kind of organisation', () => {
  it('gives council staff the staff roles, and everyone else the one role of their kind', () => {
    expect(rolesByKind.council).toEqual(['admin', 'officer', 'evaluator', 'contract_manager', 'viewer']);
    expect(rolesByKind.supplier).toEqual(['supplier']);
    expect(rolesByKind.community).toEqual(['community']);
    expect(rolesByKind.partner).toEqual(['viewer']);
  });

  it('has a label and a hint for every role', () => {
    for (const role of roles) {
      expect(roleLabels[role]).toBeTruthy();
      expect(roleHints[role]).toBeTruthy();
    }
  });

  it('accepts roles allowed for the kind', () => {
    expect(rolesProblem(['admin', 'officer'], 'council')).toBeNull();
    expect(rolesProblem(['supplier'], 'supplier')).toBeNull();
    expect(rolesProblem(['viewer'], 'partner')).toBeNull();
  });

  it('asks for at least one role', () => {
    expect(rolesProblem([], 'council')).toBe('Select at least one role');
  });

  it('names the roles that are allowed when one is not', () => {
    expect(rolesProblem(['admin'], 'supplier')).toBe("Select only the supplier role: it is the only role for a supplier's users");
    expect(rolesProblem(['supplier', 'viewer'], 'partner')).toBe("Select only the viewer role: it is the only role for a partner's users");
    expect(rolesProblem(['officer', 'community'], 'council')).toBe(
      'Select roles for council staff only: administrator, officer, evaluator, contract manager or viewer',
    );
  });

  it('recognises role names', () => {
    expect(isRole('contract_manager')).toBe(true);
    expect(isRole('superuser')).toBe(false);
  });
});
