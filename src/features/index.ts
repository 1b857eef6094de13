import type { FastifyInstance } from 'fastify';
import type { Services } from '../app.js';
import { assessmentRoutes } from './assessment/routes.js';
import { auditRoutes } from './audit/routes.js';
import { oidcRoutes } from './auth/oidc-routes.js';
import { authRoutes } from './auth/routes.js';
import { awardRoutes } from './award/routes.js';
import { bidRoutes } from './bids/routes.js';
import { contractImportRoutes } from './contract-import/routes.js';
import { contractRoutes } from './contracts/routes.js';
import { engagementRoutes } from './engagement/routes.js';
import { evaluationRoutes } from './evaluation/routes.js';
import { frameworkRoutes } from './framework/routes.js';
import { healthRoutes } from './health/routes.js';
import { hiaRoutes } from './hia/routes.js';
import { invitationRoutes } from './invitations/routes.js';
import { organisationRoutes } from './organisations/routes.js';
import { pageRoutes } from './pages/routes.js';
import { requirementRoutes } from './requirements/routes.js';
import { settingsRoutes } from './settings/routes.js';
import { tenderRoutes } from './tenders/routes.js';
import { thresholdRoutes } from './thresholds/routes.js';
import { userRoutes } from './users/routes.js';

/** Every capability of the service, each in its own folder. */
export async function registerFeatures(app: FastifyInstance, services: Services): Promise<void> {
  await healthRoutes(app, services);
  await pageRoutes(app);
  await authRoutes(app, services);
  await oidcRoutes(app, services);
  await auditRoutes(app, services);
  await frameworkRoutes(app, services);
  await thresholdRoutes(app, services);
  await organisationRoutes(app, services);
  await userRoutes(app, services);
  await invitationRoutes(app, services);
  await requirementRoutes(app, services);
  await settingsRoutes(app, services);
  await tenderRoutes(app, services);
  await assessmentRoutes(app, services);
  await engagementRoutes(app, services);
  await hiaRoutes(app, services);
  await evaluationRoutes(app, services);
  await awardRoutes(app, services);
  await bidRoutes(app, services);
  await contractImportRoutes(app, services);
  await contractRoutes(app, services);
}
