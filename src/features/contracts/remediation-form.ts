import { errorsWithDate, readDateInput, wholeDateProblem, type DateInput, type FormErrorsWithDate } from '../../platform/date-input.js';
import { field, formErrors, type FormErrors } from '../../platform/forms.js';
import { REASON_MAX } from '../../domain/limits.js';

export interface RemediationValues {
  action: string;
  owner: string;
  day: string;
  month: string;
  year: string;
}

export interface NewRemediation {
  action: string;
  owner: string;
  dueDate: string;
}

const dueInput: DateInput = { id: 'due', label: 'Date it will be done by', missing: 'Enter the date it will be done by' };

/** A remediation action: what will be done, who does it, and by when (today or later). */
export function readRemediation(
  body: unknown,
  today: string,
): { ok: true; values: RemediationValues; remediation: NewRemediation } | ({ ok: false; values: RemediationValues } & FormErrorsWithDate) {
  let due = readDateInput(body, dueInput);
  if (due.iso && due.iso < today) due = wholeDateProblem(due, 'Date it will be done by must be today or in the future');
  const values = { action: field(body, 'action').trim(), owner: field(body, 'owner').trim(), ...due.values };
  const problems: [string, string][] = [];
  if (values.action === '') problems.push(['action', 'Enter what will be done to bring delivery back on track']);
  else if (values.action.length > REASON_MAX) problems.push(['action', `What will be done must be ${REASON_MAX} characters or fewer`]);
  if (values.owner === '') problems.push(['owner', 'Enter who will do it']);
  else if (values.owner.length > 200) problems.push(['owner', 'Who will do it must be 200 characters or fewer']);
  if (due.problem) problems.push([dueInput.id, due.problem.message]);
  if (problems.length || !due.iso) return { ok: false, values, ...errorsWithDate(problems, dueInput, due.problem?.parts ?? []) };
  return { ok: true, values, remediation: { action: values.action, owner: values.owner, dueDate: due.iso } };
}

/** The note closing an action: what happened. */
export function readClosure(body: unknown): { ok: true; note: string } | ({ ok: false; values: { note: string } } & FormErrors) {
  const note = field(body, 'note').trim();
  if (note === '') return { ok: false, values: { note }, ...formErrors([['note', 'Enter what was done, to close the action']]) };
  if (note.length > REASON_MAX) return { ok: false, values: { note }, ...formErrors([['note', `Note must be ${REASON_MAX} characters or fewer`]]) };
  return { ok: true, note };
}
