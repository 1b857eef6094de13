import { describe, expect, it } from 'vitest';
import { inOrder, inviteProblems, inviteValues, userValues } from './forms.js';

const organisation = '6f1c2b8e-0d1a-4c7e-9a55-0a6b8c7d9e10';

describe('invite form', () => {
  it('reads the fields, trimming spaces and keeping every role ticked', () => {
    expect(inviteValues({ name: ' Sam Fletcher ', email: ' sam@supplier.example ', organisation, roles: ['supplier'] })).toEqual({
      name: 'Sam Fletcher',
      email: 'sam@supplier.example',
      organisation,
      roles: ['supplier'],
    });
    expect(userValues({ name: 'Sam', roles: 'viewer' })).toEqual({ name: 'Sam', roles: ['viewer'] });
  });

  it('accepts a complete form', () => {
    expect(inviteProblems(inviteValues({ name: 'Sam', email: 'sam@supplier.example', organisation, roles: ['supplier'] }))).toEqual([]);
  });

  it('names each field that is missing or wrong', () => {
    expect(inviteProblems(inviteValues({}))).toEqual([
      ['name', 'Enter their full name'],
      ['email', 'Enter their email address'],
      ['organisation', 'Select their organisation'],
      ['roles', 'Select at least one role'],
    ]);
    expect(inviteProblems(inviteValues({ name: 'x'.repeat(201), email: 'sam@', organisation: 'nope', roles: ['root'] }))).toEqual([
      ['name', 'Enter a name of 200 characters or fewer'],
      ['email', 'Enter an email address in the correct format, like name@example.com'],
      ['organisation', 'Select their organisation'],
      ['roles', 'Select roles from the list'],
    ]);
  });

  it('puts problems found later in the order of the form', () => {
    expect(
      inOrder([
        ['roles', 'r'],
        ['email', 'e'],
        ['name', 'n'],
      ]),
    ).toEqual([
      ['name', 'n'],
      ['email', 'e'],
      ['roles', 'r'],
    ]);
  });
});
