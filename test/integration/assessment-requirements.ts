import { eq } from 'drizzle-orm';
import type { Db } from '../../src/db/client.js';
import { requirements, users, type RequirementStage } from '../../src/db/schema/index.js';
import { applicability } from '../../src/domain/applicability.js';
import { todayIso } from '../../src/domain/dates.js';
import { loadThresholds } from '../../src/features/thresholds/repository.js';

/**
 * Requirements for the assessment, engagement and HIA tests, written straight into the database with the
 * applicability the thresholds give, so that these tests do not depend on the requirement forms.
 */
export interface RequirementOptions {
  title?: string;
  valuePence?: number;
  cpvCode?: string;
  categoryLabel?: string;
  districts?: string[];
  stage?: RequirementStage;
}

export async function insertRequirement(db: Db, options: RequirementOptions = {}): Promise<{ id: string; applicability: string }> {
  const [owner] = await db.select({ id: users.id }).from(users).where(eq(users.email, 'officer@council.example'));
  const valuePence = options.valuePence ?? 7_500_000;
  const start = todayIso();
  const answer = applicability(valuePence, false, start, await loadThresholds(db));
  const [row] = await db
    .insert(requirements)
    .values({
      title: options.title ?? 'Home care for older people in Charnwood',
      directorate: 'Adults and Communities',
      cpvCode: options.cpvCode ?? '85312000',
      categoryLabel: options.categoryLabel ?? 'Social work services without accommodation',
      estimatedValuePence: valuePence,
      expectedStart: start,
      durationMonths: 36,
      districts: options.districts ?? [],
      ownerId: owner!.id,
      stage: options.stage ?? 'pipeline',
      applicability: answer.level,
      applicabilityExplanation: answer.explanation,
    })
    .returning({ id: requirements.id, applicability: requirements.applicability });
  return row!;
}
