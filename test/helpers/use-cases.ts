import { eq } from 'drizzle-orm';
import type { Db } from '../../src/db/client.js';
import { auditEvents, users } from '../../src/db/schema/index.js';
import type { Actor } from '../../src/platform/audit.js';
import { createTestDatabase } from './databases.js';

/**
 * The use-case layer of the tests (test/use-cases): a use case called directly, with no app and no HTTP, on an embedded
 * database of the file's own, copied from the run's seeded template. A file takes well under a second to set up, so
 * the rules of a use case are tested here and the routes' tests keep to what a route adds (access, forms, pages).
 */
export interface UseCaseDatabase {
  db: Db;
  /** a demo person (see src/seed/demo.ts) as the actor of a use case */
  actor(email: string): Promise<Actor>;
  /** the actions written to the audit trail since the database was copied, each once, oldest first */
  auditActions(): Promise<string[]>;
  close(): Promise<void>;
}

export async function useCaseDatabase(): Promise<UseCaseDatabase> {
  const test = await createTestDatabase('pglite', { seeded: true });
  const { db } = test.database;
  const seededEvents = await db.$count(auditEvents);
  return {
    db,
    async actor(email) {
      const [user] = await db.select({ id: users.id, name: users.name }).from(users).where(eq(users.email, email));
      if (!user) throw new Error(`no demo user ${email}`);
      return { id: user.id, label: user.name };
    },
    async auditActions() {
      const rows = await db.select({ action: auditEvents.action }).from(auditEvents).orderBy(auditEvents.id).offset(seededEvents);
      return [...new Set(rows.map((r) => r.action))];
    },
    close: test.drop,
  };
}
