import type { Db } from '../../db/client.js';
import { organisations, users } from '../../db/schema/index.js';
import { parsePostcode } from '../../domain/postcodes.js';
import { withAudit, type Actor } from '../../platform/audit.js';
import { queueMailOnce } from '../../platform/mail.js';
import { hashPassword } from '../../platform/password.js';
import { isUniqueViolation } from '../framework/database-errors.js';
import { loadLocalAreas } from '../local-areas/repository.js';
import { localityOf } from '../organisations/postcode-districts.js';
import { emailInUse } from '../users/repository.js';
import { boardOfficers } from './access.js';
import { registrationWaitingEmail } from './emails.js';
import type { RegistrationInput } from './forms.js';
import { communityTypeLabels } from './labels.js';
import { peopleToTell } from './repository.js';

const EMAIL_TAKEN: [string, string] = ['email', 'There is already an account with this email address: sign in instead, or use another address'];

export type RegistrationResult = { ok: true; organisationId: string; userId: string } | { ok: false; problems: [string, string][] };

/**
 * A community organisation registers itself: the organisation (kind community, awaiting an officer's approval, marked
 * VCSE and local or not by its postcode) and its first person, who can sign in with the password chosen and will see
 * that the registration waits for approval. The officers who approve registrations are emailed, once each, with the
 * link to decide it. One audited change; nothing is saved (or sent) if the email is taken.
 */
export async function registerOrganisation(db: Db, actor: Actor, input: RegistrationInput, baseUrl: string): Promise<RegistrationResult> {
  const passwordHash = await hashPassword(input.password);
  try {
    return await withAudit(db, actor, `Registered ${input.organisationName} as a community organisation`, async (tx) => {
      if (await emailInUse(tx, input.email)) return { ok: false, problems: [EMAIL_TAKEN] };
      const locality = localityOf(parsePostcode(input.postcode)!, await loadLocalAreas(tx));
      const [organisation] = await tx
        .insert(organisations)
        .values({
          name: input.organisationName,
          kind: 'community',
          communityType: input.communityType,
          charityNumber: input.charityNumber,
          isVcse: input.communityType !== 'school',
          isSocialEnterprise: input.communityType === 'social_enterprise',
          postcode: input.postcode,
          ...locality,
          description: input.description,
          approvalStatus: 'pending',
        })
        .returning({ id: organisations.id });
      const [user] = await tx
        .insert(users)
        .values({ name: input.name, email: input.email, passwordHash, organisationId: organisation!.id, roles: ['community'], active: true })
        .returning({ id: users.id });
      const about = { name: input.organisationName, typeLabel: communityTypeLabels[input.communityType], district: locality.district };
      for (const officer of await peopleToTell(tx, boardOfficers, null)) {
        const email = registrationWaitingEmail(officer, about, `${baseUrl}/needs/registrations/${organisation!.id}`);
        await queueMailOnce(tx, `needs-registered:${organisation!.id}:${officer.id}`, email);
      }
      return { ok: true, organisationId: organisation!.id, userId: user!.id };
    });
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, problems: [EMAIL_TAKEN] };
    throw error;
  }
}
