import type { OcdsImportPlan, PlannedAward } from '../../db/schema/index.js';
import { amountToPence, supplierOf, ukDate } from './award-details.js';
import type { Award, Release } from './read-package.js';

/** What the service already has from earlier imports: the date of the latest release applied to each award. */
export interface Known {
  /** `${ocid} ${awardId}` -> the release date applied (ISO) */
  awards: Map<string, string>;
  /** contract references in use by contracts that did not come from these awards */
  references: Set<string>;
}

export const awardKey = (ocid: string, awardId: string) => `${ocid} ${awardId}`;

const AWARD_TAGS = ['award', 'awardUpdate', 'contract', 'contractUpdate'];

function skipReasonOfRelease(release: Release): string | null {
  if (!release.tag.some((t) => AWARD_TAGS.includes(t))) return `A ${release.tag.join(', ')} notice: only award notices become contracts`;
  if (!release.awards?.length) return 'The notice has no award';
  return null;
}

type Checked = { ok: true; award: Omit<PlannedAward, 'action'> } | { ok: false; reason: string };

/** Reads one award of a release into a contract, or says why it cannot be one. */
function checkAward(release: Release, award: Award, earlier: Omit<PlannedAward, 'action'> | undefined): Checked {
  if (award.status && award.status !== 'active') return { ok: false, reason: `The award is ${award.status}, not active` };
  const suppliers = award.suppliers?.length ?? 0;
  if (suppliers > 1) return { ok: false, reason: `The award has ${suppliers} suppliers (a framework or a consortium): add its contracts one by one` };
  const supplier = supplierOf(release, award) ?? earlier?.supplier ?? null;
  if (!supplier) return { ok: false, reason: 'The award names no supplier' };
  const currency = award.value?.currency;
  const valuePence = amountToPence(award.value?.amount);
  if (currency && currency !== 'GBP') return { ok: false, reason: `The award’s value is in ${currency}, not pounds` };
  const value = valuePence ?? earlier?.valuePence ?? null;
  if (value === null) return { ok: false, reason: 'The award has no value' };
  const startDate = ukDate(award.contractPeriod?.startDate) ?? ukDate(release.tender?.contractPeriod?.startDate) ?? earlier?.startDate ?? null;
  const endDate = ukDate(award.contractPeriod?.endDate) ?? ukDate(release.tender?.contractPeriod?.endDate) ?? earlier?.endDate ?? null;
  if (!startDate || !endDate) return { ok: false, reason: 'The award has no contract start and end dates' };
  if (endDate < startDate) return { ok: false, reason: 'The contract ends before it starts' };
  const title = (release.tender?.title ?? award.title ?? earlier?.title ?? '').trim() || `Contract ${award.id}`;
  return {
    ok: true,
    award: {
      ocid: release.ocid,
      awardId: award.id,
      releaseId: release.id,
      releaseDate: new Date(release.date).toISOString(),
      title: title.slice(0, 500),
      description: (release.tender?.description ?? award.description ?? earlier?.description ?? '').trim().slice(0, 5000),
      valuePence: value,
      startDate,
      endDate,
      supplier,
    },
  };
}

/**
 * What importing the releases would do. Releases are taken oldest first, so that an award update applies to its
 * award. An award the service already has (same OCID and award id) is updated if the release is newer than the one
 * it came from, and skipped otherwise; an update to an award the service does not have is skipped. Every release
 * that changes nothing is listed with the reason.
 */
export function planImport(releases: readonly Release[], known: Known): OcdsImportPlan {
  const skipped: OcdsImportPlan['skipped'] = [];
  const planned = new Map<string, PlannedAward>();
  const skip = (release: Release, reason: string) => skipped.push({ releaseId: release.id, ocid: release.ocid, reason });
  const ordered = [...releases].sort((a, b) => Date.parse(a.date) - Date.parse(b.date));
  for (const release of ordered) {
    const reason = skipReasonOfRelease(release);
    if (reason) {
      skip(release, reason);
      continue;
    }
    const isUpdate = release.tag.some((t) => t === 'awardUpdate' || t === 'contractUpdate');
    for (const award of release.awards ?? []) {
      const key = awardKey(release.ocid, award.id);
      const earlier = planned.get(key);
      const knownDate = known.awards.get(key);
      if (!earlier && knownDate && Date.parse(release.date) <= Date.parse(knownDate)) {
        skip(release, 'Already imported: the service has this notice or a newer one');
        continue;
      }
      if (!earlier && !knownDate && isUpdate && !release.parties?.length) {
        skip(release, 'An update to an award that is not in the service: import the award notice first');
        continue;
      }
      const checked = checkAward(release, award, earlier);
      if (!checked.ok) {
        skip(release, checked.reason);
        continue;
      }
      const action = earlier?.action ?? (knownDate ? 'update' : 'new');
      if (action === 'new' && known.references.has(award.id)) {
        skip(release, `A contract with the reference ${award.id} is already in the service`);
        continue;
      }
      planned.set(key, { ...checked.award, action });
    }
  }
  return { releaseCount: releases.length, awards: [...planned.values()], skipped };
}
