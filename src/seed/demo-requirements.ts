import { eq, sql } from 'drizzle-orm';
import type { Tx } from '../db/client.js';
import { requirements, users } from '../db/schema/index.js';
import { applicability } from '../domain/applicability.js';
import { todayIso } from '../domain/dates.js';
import { cpvLabel } from '../features/requirements/categories.js';
import { districtNames } from '../features/organisations/postcode-districts.js';
import type { RequirementInput } from '../features/requirements/forms.js';
import { loadThresholds } from '../features/thresholds/repository.js';

const OWNER_EMAIL = 'officer@council.example';

/** The first day of the month `months` after the month of a date ("YYYY-MM-DD"). */
function firstOfMonthAfter(iso: string, months: number): string {
  const [year, month] = iso.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(year, month - 1 + months, 1)).toISOString().slice(0, 10);
}

/**
 * The first day of the financial-year quarter (April, July, October, January) `quarters` before the one that holds
 * a date: two quarters before 22 November 2026 is 1 April 2026.
 */
export function quarterStartBefore(iso: string, quarters: number): string {
  const [year, month] = iso.split('-').map(Number) as [number, number];
  const quarterMonth = month - 1 - ((month - 1 - 3 + 12) % 3);
  return new Date(Date.UTC(year, quarterMonth - 3 * quarters, 1)).toISOString().slice(0, 10);
}

/**
 * Two requirements in the pipeline, owned by the demo officer: home care worth £75,000, which the policy brings into
 * scope, and stationery worth £40,000, which is out of scope. Home care is planned to have started two quarters ago
 * (its service is being bought late), so that a contract awarded with the planned dates has two quarterly reports
 * due at once: the demo of delivery reporting needs no waiting. Their applicability is worked out with the seeded
 * thresholds, as saving them in the service would. Call it after the demo users and thresholds are loaded.
 */
export async function seedRequirementsDemo(tx: Tx, today: string = todayIso()): Promise<void> {
  const [owner] = await tx
    .select({ id: users.id })
    .from(users)
    .where(eq(sql`lower(${users.email})`, OWNER_EMAIL))
    .limit(1);
  if (!owner) throw new Error(`The demo requirements need the demo user ${OWNER_EMAIL}`);
  const thresholds = await loadThresholds(tx);
  const demo: RequirementInput[] = [
    {
      title: 'Home care support for adults in Charnwood',
      description:
        'Personal care and support at home for about 40 adults with eligible care needs in Charnwood and Melton, so that they can stay independent and living in their own homes.',
      directorate: 'Adults and Communities',
      cpvCode: '85000000',
      categoryLabel: cpvLabel('85000000'),
      estimatedValuePence: 7_500_000,
      valueIncludesVat: false,
      expectedStart: quarterStartBefore(today, 2),
      durationMonths: 24,
      districts: ['Charnwood', 'Melton'],
      ownerId: owner.id,
    },
    {
      title: 'Stationery for county libraries',
      description: 'Paper, pens, envelopes and other everyday stationery for the county’s libraries.',
      directorate: 'Adults and Communities',
      cpvCode: '30192700',
      categoryLabel: cpvLabel('30192700'),
      estimatedValuePence: 4_000_000,
      valueIncludesVat: false,
      expectedStart: firstOfMonthAfter(today, 3),
      durationMonths: 12,
      districts: [...districtNames],
      ownerId: owner.id,
    },
  ];
  await tx.insert(requirements).values(
    demo.map((requirement) => {
      const answer = applicability(requirement.estimatedValuePence, requirement.valueIncludesVat, today, thresholds);
      return { ...requirement, applicability: answer.level, applicabilityExplanation: answer.explanation, createdBy: owner.id };
    }),
  );
}
