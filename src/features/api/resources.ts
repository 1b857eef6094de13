import { socialValuePence } from '../../domain/social-value.js';
import type { CommitmentRow, ContractRow, DeliveredRow } from '../open-data/contract-data.js';

/** How the API shows the rows open data reads: quantities in the measure's unit, money in integer pence. */

type Measured = Pick<
  CommitmentRow,
  'measureCode' | 'measureTitle' | 'unit' | 'outcomeCode' | 'outcomeTitle' | 'proxyPencePerUnit' | 'deadweightBps' | 'attributionBps' | 'frameworkVersionId'
>;

function measureOf(row: Measured) {
  return {
    code: row.measureCode,
    title: row.measureTitle,
    unit: row.unit,
    outcome: { code: row.outcomeCode, title: row.outcomeTitle },
    frameworkVersionId: row.frameworkVersionId,
    valuation:
      row.proxyPencePerUnit === null
        ? null
        : { proxyPencePerUnit: row.proxyPencePerUnit, deadweightBps: row.deadweightBps, attributionBps: row.attributionBps },
  };
}

export function commitmentResource(c: CommitmentRow, deliveredHundredths: number) {
  return {
    id: c.id,
    contractId: c.contractId,
    measure: measureOf(c),
    promisedQuantity: c.originalQuantityHundredths / 100,
    committedQuantity: c.quantityHundredths / 100,
    committedSocialValuePence: socialValuePence(c.quantityHundredths, c),
    verifiedDeliveredQuantity: deliveredHundredths / 100,
    verifiedDeliveredSocialValuePence: socialValuePence(deliveredHundredths, c),
    profile: c.profile.map((p) => ({ periodStart: p.periodStart, periodEnd: p.periodEnd, quantity: p.quantityHundredths / 100 })),
    districts: c.districts,
    narrative: c.narrative,
  };
}

export function deliveredResource(d: DeliveredRow) {
  return {
    id: d.id,
    contractId: d.contractId,
    commitmentId: d.commitmentId,
    measure: measureOf(d),
    periodStart: d.periodStart,
    periodEnd: d.periodEnd,
    quantity: d.quantityHundredths / 100,
    socialValuePence: socialValuePence(d.quantityHundredths, d),
    districts: d.districts,
    narrative: d.narrative,
    verifiedAt: d.verifiedAt ? d.verifiedAt.toISOString() : null,
  };
}

export function contractResource(c: ContractRow) {
  return {
    id: c.id,
    reference: c.reference,
    title: c.title,
    description: c.description,
    directorate: c.directorate,
    valuePence: c.valuePence,
    valueIncludesVat: c.valueIncludesVat,
    startDate: c.startDate,
    endDate: c.endDate,
    applicability: c.applicability,
    published: c.publishedAt !== null,
    publishedAt: c.publishedAt ? c.publishedAt.toISOString() : null,
    supplier: {
      name: c.supplierName,
      companiesHouseNumber: c.supplierCompanyNumber,
      charityNumber: c.supplierCharityNumber,
      size: c.supplierSize,
      sme: c.supplierSize === null ? null : c.supplierSize !== 'large',
      vcse: c.supplierIsVcse,
      socialEnterprise: c.supplierIsSocialEnterprise,
      district: c.supplierDistrict,
      local: c.supplierIsLocal,
    },
  };
}

/** Verified delivered hundredths per commitment, and the additional value delivered beyond the commitments. */
export function deliveredTotals(delivered: DeliveredRow[]) {
  const byCommitment = new Map<string, number>();
  let additionalSocialValuePence = 0;
  for (const d of delivered) {
    if (d.commitmentId) byCommitment.set(d.commitmentId, (byCommitment.get(d.commitmentId) ?? 0) + d.quantityHundredths);
    else additionalSocialValuePence += socialValuePence(d.quantityHundredths, d) ?? 0;
  }
  return { byCommitment, additionalSocialValuePence };
}
