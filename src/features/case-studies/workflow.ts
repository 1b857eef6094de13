import type { CaseStudyStatus } from '../../db/schema/index.js';

/** Who may take a step: the case study's authors (officers, administrators, the contract's supplier) or officers. */
export type Actor = 'author' | 'officer';

export interface Step {
  from: CaseStudyStatus;
  to: CaseStudyStatus;
  by: Actor;
  /** the button, and the audit trail's words for it */
  button: string;
  action: string;
  done: string;
}

/**
 * The life of a case study: drafted, sent for review, published by an officer, withdrawn, and back to draft to edit
 * (from review or once withdrawn). Only a draft can be changed, so nothing published changes unseen.
 */
export const steps = {
  submit: {
    from: 'draft',
    to: 'in_review',
    by: 'author',
    button: 'Send for review',
    action: 'Sent case study for review',
    done: 'Case study sent for review. An officer will check it and publish it.',
  },
  publish: {
    from: 'in_review',
    to: 'published',
    by: 'officer',
    button: 'Publish case study',
    action: 'Published case study',
    done: 'Case study published on the transparency site.',
  },
  return: {
    from: 'in_review',
    to: 'draft',
    by: 'author',
    button: 'Return to draft',
    action: 'Returned case study to draft',
    done: 'Case study returned to draft. It can be changed again.',
  },
  withdraw: {
    from: 'published',
    to: 'withdrawn',
    by: 'officer',
    button: 'Withdraw case study',
    action: 'Withdrew case study from the transparency site',
    done: 'Case study withdrawn. It is no longer on the transparency site.',
  },
  reopen: {
    from: 'withdrawn',
    to: 'draft',
    by: 'author',
    button: 'Return to draft to change it',
    action: 'Returned withdrawn case study to draft',
    done: 'Case study returned to draft. It can be changed and sent for review again.',
  },
} as const satisfies Record<string, Step>;

export type StepName = keyof typeof steps;

export function isStepName(value: string): value is StepName {
  return Object.hasOwn(steps, value);
}

export const statusLabels: Record<CaseStudyStatus, string> = {
  draft: 'Draft',
  in_review: 'In review',
  published: 'Published',
  withdrawn: 'Withdrawn',
};

/** GOV.UK tag colours for each status. */
export const statusTagClasses: Record<CaseStudyStatus, string> = {
  draft: 'govuk-tag--grey',
  in_review: 'govuk-tag--yellow',
  published: 'govuk-tag--green',
  withdrawn: 'govuk-tag--red',
};

/** The steps open from a status to someone who is (or is not) an author of it and (or not) an officer. */
export function stepsFrom(status: CaseStudyStatus, who: { author: boolean; officer: boolean }): StepName[] {
  return (Object.keys(steps) as StepName[]).filter((name) => {
    const step = steps[name];
    return step.from === status && (step.by === 'officer' ? who.officer : who.author);
  });
}
