import type { Db } from '../../db/client.js';
import { todayIso } from '../../domain/dates.js';
import { hasAnyRole, type CurrentUser } from '../../platform/current-user.js';
import { countInReview } from '../case-studies/repository.js';
import { countOpenNeeds, countPledgesToConfirm, countRegistrationsAwaiting } from '../community-needs/repository.js';
import * as counts from './home-counts.js';

/** One line of a home page: how many things wait, in words, and the list they are in. */
export interface HomeCount {
  count: number;
  /** what is counted, singular and plural: ['bid to score', 'bids to score'] */
  words: readonly [string, string];
  href: string;
}

export interface HomeSection {
  heading: string;
  counts: HomeCount[];
  /** said when every count is 0 */
  allDone: string;
}

const line = (count: number, words: readonly [string, string], href: string): HomeCount => ({ count, words, href });

/**
 * What waits for the signed-in person, one section for each of their roles, each count linking to the list it counts.
 * Each section is a few count queries; a person without staff or supplier roles has no section.
 */
export async function loadHome(db: Db, user: CurrentUser, now: Date = new Date()): Promise<HomeSection[]> {
  const sections: Promise<HomeSection>[] = [];
  const me = user.id;
  if (hasAnyRole(user, ['officer'])) {
    sections.push(
      Promise.all([
        counts.countRequirementsToAssess(db, 'pipeline'),
        counts.countRequirementsToAssess(db, 'assessment'),
        counts.countTenders(db, 'closing', me),
        counts.countTenders(db, 'moderation', me),
        counts.countTenders(db, 'award', me),
        counts.countPendingVariations(db),
        countInReview(db),
        countRegistrationsAwaiting(db),
      ]).then(([notStarted, assessing, closing, moderation, award, variations, caseStudies, registrations]) => ({
        heading: 'Commissioning and procurement',
        counts: [
          line(
            notStarted,
            ['requirement in scope whose assessment has not started', 'requirements in scope whose assessment has not started'],
            '/requirements?stage=pipeline&applicability=in_scope',
          ),
          line(
            assessing,
            ['requirement with its assessment under way', 'requirements with their assessment under way'],
            '/requirements?stage=assessment&applicability=in_scope',
          ),
          line(closing, ['tender closing in the next 7 days', 'tenders closing in the next 7 days'], '/tenders?waiting=closing'),
          line(moderation, ['tender to moderate', 'tenders to moderate'], '/tenders?waiting=moderation'),
          line(award, ['tender ready to award', 'tenders ready to award'], '/tenders?waiting=award'),
          line(variations, ['variation to approve', 'variations to approve'], '/contracts?waiting=variations'),
          line(caseStudies, ['case study to review', 'case studies to review'], '/case-studies?status=in_review'),
          line(registrations, ['community organisation awaiting approval', 'community organisations awaiting approval'], '/needs/registrations'),
        ],
        allDone: 'Nothing is waiting for an officer.',
      })),
    );
  }
  if (hasAnyRole(user, ['evaluator'])) {
    sections.push(
      Promise.all([counts.countBidsToScore(db, me), counts.countTenders(db, 'declaration', me)]).then(([toScore, declarations]) => ({
        heading: 'Evaluation',
        counts: [
          line(toScore, ['bid to score', 'bids to score'], '/tenders?waiting=scoring'),
          line(declarations, ['conflict of interest to declare', 'conflicts of interest to declare'], '/tenders?waiting=declaration'),
        ],
        allDone: 'No bids are waiting for your scores.',
      })),
    );
  }
  if (hasAnyRole(user, ['contract_manager'])) {
    sections.push(
      Promise.all([counts.countManagedReports(db, me, 'submitted'), counts.countManagedReports(db, me, 'queried'), counts.countRemediationDue(db, me)]).then(
        ([toVerify, queried, remediation]) => ({
          heading: 'Your contracts',
          counts: [
            line(toVerify, ['report to verify', 'reports to verify'], '/verification?mine=yes'),
            line(queried, ['report with a query awaiting the supplier', 'reports with queries awaiting the supplier'], '/verification?mine=yes'),
            line(remediation, ['remediation action due', 'remediation actions due'], `/contracts?manager=${me}&waiting=remediation`),
          ],
          allDone: 'Nothing is waiting for you on the contracts you manage.',
        }),
      ),
    );
  }
  if (hasAnyRole(user, ['admin'])) {
    sections.push(
      Promise.all([counts.countInvitedUsers(db), counts.countFailingJobs(db)]).then(([invited, failing]) => ({
        heading: 'Administration',
        counts: [
          line(invited, ['person invited who has not joined yet', 'people invited who have not joined yet'], '/admin/users?status=invited'),
          line(failing, ['background job whose last run failed', 'background jobs whose last run failed'], '/admin/jobs'),
        ],
        allDone: 'Nothing needs an administrator.',
      })),
    );
  }
  if (hasAnyRole(user, ['viewer'])) {
    sections.push(
      Promise.all([counts.countTenders(db, 'open', me), counts.countContracts(db)]).then(([open, all]) => ({
        heading: 'The council’s social value',
        counts: [
          line(open, ['tender open for bids', 'tenders open for bids'], '/tenders?waiting=open'),
          line(all, ['contract in the register', 'contracts in the register'], '/contracts'),
        ],
        allDone: 'There are no tenders or contracts yet.',
      })),
    );
  }
  if (hasAnyRole(user, ['supplier'])) {
    const org = user.organisationId;
    sections.push(
      Promise.all([
        counts.countReportsOwed(db, org, todayIso(now)),
        counts.countQueriesToAnswer(db, org),
        counts.countOpenTendersFor(db, org),
        countOpenNeeds(db, todayIso(now)),
      ]).then(([reports, queries, tendersOpen, needs]) => ({
        heading: user.organisationName,
        counts: [
          line(reports.overdue, ['delivery report overdue', 'delivery reports overdue'], '/supplier#due'),
          line(reports.due, ['delivery report due', 'delivery reports due'], '/supplier#due'),
          line(queries, ['question from the council to answer', 'questions from the council to answer'], '/supplier#queried'),
          line(tendersOpen, ['tender open for your bid', 'tenders open for your bid'], '/supplier/tenders'),
          line(needs, ['open need on the community needs board', 'open needs on the community needs board'], '/needs'),
        ],
        allDone: 'Nothing is waiting for you.',
      })),
    );
  }
  if (hasAnyRole(user, ['community'])) {
    sections.push(
      countPledgesToConfirm(db, user.organisationId).then((toConfirm) => ({
        heading: user.organisationName,
        counts: [line(toConfirm, ['pledge to confirm', 'pledges to confirm'], '/community#to-confirm')],
        allDone: 'No pledges are waiting for you to confirm.',
      })),
    );
  }
  return Promise.all(sections);
}
