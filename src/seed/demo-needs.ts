import { eq } from 'drizzle-orm';
import type { Tx } from '../db/client.js';
import { communityNeeds, organisations, users } from '../db/schema/index.js';
import { todayIso } from '../domain/dates.js';

/** A demo organisation that has registered and waits for an officer's approval, with the person who registered it. */
export const PENDING_COMMUNITY_EMAIL = 'youthclub@community.example';

/** The day `days` after today, as "YYYY-MM-DD". */
const daysAhead = (days: number) => todayIso(new Date(Date.now() + days * 86_400_000));

/**
 * The community needs board's demo: two open needs of Melton Community Larder (approved, like every organisation the
 * council adds), and a youth football club in Hinckley whose registration waits for an officer.
 */
export async function seedNeedsDemo(tx: Tx, passwordHash: string): Promise<void> {
  const [larder] = await tx.select({ id: organisations.id }).from(organisations).where(eq(organisations.name, 'Melton Community Larder'));
  const [chris] = await tx.select({ id: users.id }).from(users).where(eq(users.email, 'community@community.example'));
  if (!larder || !chris) return;
  const contact = { contactName: 'Chris Lowe', contactEmail: 'community@community.example', contactPhone: '', publishContact: false };
  await tx.insert(communityNeeds).values([
    {
      organisationId: larder.id,
      createdBy: chris.id,
      title: 'Volunteers to sort and pack food parcels',
      needType: 'volunteers',
      description:
        'Two or three volunteers on Tuesday and Thursday mornings for the next three months to sort donated food and pack parcels for about 60 households a week.',
      district: 'Melton',
      postcode: 'LE13 1AA',
      outcomeCode: 'GC',
      neededBy: daysAhead(90),
      howUsed: 'Parcels go to families referred by schools, GPs and the district council; more hands mean we can open a third morning.',
      ...contact,
    },
    {
      organisationId: larder.id,
      createdBy: chris.id,
      title: 'A chest freezer for chilled donations',
      needType: 'goods',
      description:
        'A working chest freezer of around 300 litres, delivered to the larder, so that we can accept frozen and chilled donations from supermarkets.',
      district: 'Melton',
      postcode: null,
      outcomeCode: 'WO',
      neededBy: daysAhead(150),
      howUsed: 'Surplus frozen food that would otherwise be thrown away goes into the weekly parcels.',
      ...contact,
    },
  ]);
  const [club] = await tx
    .insert(organisations)
    .values({
      name: 'Hinckley Juniors Football Club',
      kind: 'community',
      communityType: 'community_group',
      isVcse: true,
      postcode: 'LE10 1AA',
      district: 'Hinckley and Bosworth',
      isLocal: true,
      description: 'Football for 300 children aged 6 to 16, run by volunteers.',
      approvalStatus: 'pending',
    })
    .returning({ id: organisations.id });
  await tx.insert(users).values({ email: PENDING_COMMUNITY_EMAIL, name: 'Jo Bennett', roles: ['community'], organisationId: club!.id, passwordHash });
}
