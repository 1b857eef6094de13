import type { ApprovalStatus, CommunityType, NeedStatus, NeedType, PledgeStatus } from '../../db/schema/index.js';

export const communityTypeLabels: Record<CommunityType, string> = {
  charity: 'Charity',
  community_group: 'Community group',
  social_enterprise: 'Social enterprise',
  school: 'School',
};

export const needTypeLabels: Record<NeedType, string> = {
  volunteers: 'Volunteers',
  skills: 'Skills or advice',
  goods: 'Goods or equipment',
  space: 'Space or premises',
  money: 'Money',
  work_placements: 'Work placements',
  other: 'Something else',
};

export const approvalLabels: Record<ApprovalStatus, string> = { pending: 'Awaiting approval', approved: 'Approved', declined: 'Declined' };
export const approvalTags: Record<ApprovalStatus, string> = { pending: 'govuk-tag--yellow', approved: 'govuk-tag--green', declined: 'govuk-tag--red' };

export const needStatusLabels: Record<NeedStatus, string> = { open: 'Open', closed: 'Closed' };

export const pledgeStatusLabels: Record<PledgeStatus, string> = { pledged: 'Pledged: not yet met', met: 'Met', withdrawn: 'Withdrawn' };
export const pledgeStatusTags: Record<PledgeStatus, string> = { pledged: 'govuk-tag--blue', met: 'govuk-tag--green', withdrawn: 'govuk-tag--grey' };
