import type { FastifyInstance } from 'fastify';
import type { Feature, Services } from '../services.js';
import { apiTokenRoutes } from './api-tokens/routes.js';
import { apiRoutes } from './api/routes.js';
import { assessmentRoutes } from './assessment/routes.js';
import { auditRoutes } from './audit/routes.js';
import { oidcRoutes } from './auth/oidc-routes.js';
import { authRoutes } from './auth/routes.js';
import { awardRoutes } from './award/routes.js';
import { backgroundJobRoutes } from './background-jobs/routes.js';
import { bidRoutes } from './bids/routes.js';
import { caseStudyRoutes } from './case-studies/routes.js';
import { publicCaseStudyRoutes } from './case-studies/public-routes.js';
import { communityNeedRoutes } from './community-needs/routes.js';
import { needsBoardRoutes } from './community-needs/board-routes.js';
import { needsOfficerRoutes } from './community-needs/officer-routes.js';
import { publicNeedsRoutes } from './community-needs/public-routes.js';
import { registrationRoutes } from './community-needs/registration-routes.js';
import { contractImportRoutes } from './contract-import/routes.js';
import { contractRoutes } from './contracts/routes.js';
import { dashboardRoutes } from './dashboard/routes.js';
import { databaseRoutes } from './database/routes.js';
import { directoryRoutes } from './directory/routes.js';
import { deliveryReportRoutes } from './delivery-reports/routes.js';
import { engagementRoutes } from './engagement/routes.js';
import { evaluationRoutes } from './evaluation/routes.js';
import { frameworkRoutes } from './framework/routes.js';
import { healthRoutes } from './health/routes.js';
import { hiaRoutes } from './hia/routes.js';
import { invitationRoutes } from './invitations/routes.js';
import { localAreaRoutes } from './local-areas/routes.js';
import { ocdsExportRoutes } from './ocds/export-routes.js';
import { ocdsImportRoutes } from './ocds/import-routes.js';
import { organisationRoutes } from './organisations/routes.js';
import { pageRoutes } from './pages/routes.js';
import { publishingRoutes } from './publishing/routes.js';
import { reportLinkRoutes } from './report-subscriptions/public-routes.js';
import { reportSubscriptionRoutes } from './report-subscriptions/routes.js';
import { reportRoutes } from './reports/routes.js';
import { requirementRoutes } from './requirements/routes.js';
import { spendImportRoutes } from './spend/import-routes.js';
import { spendRoutes } from './spend/routes.js';
import { settingsRoutes } from './settings/routes.js';
import { tenderRoutes } from './tenders/routes.js';
import { thresholdRoutes } from './thresholds/routes.js';
import { transparencyRoutes } from './transparency/routes.js';
import { userRoutes } from './users/routes.js';
import { verificationRoutes } from './verification/routes.js';

/** Every capability of the service, each in its own folder, registered in this order. */
const features: Feature[] = [
  healthRoutes,
  pageRoutes,
  authRoutes,
  oidcRoutes,
  auditRoutes,
  frameworkRoutes,
  thresholdRoutes,
  organisationRoutes,
  directoryRoutes,
  localAreaRoutes,
  userRoutes,
  invitationRoutes,
  requirementRoutes,
  settingsRoutes,
  backgroundJobRoutes,
  tenderRoutes,
  assessmentRoutes,
  engagementRoutes,
  hiaRoutes,
  evaluationRoutes,
  awardRoutes,
  bidRoutes,
  contractImportRoutes,
  ocdsImportRoutes,
  contractRoutes,
  publishingRoutes,
  deliveryReportRoutes,
  verificationRoutes,
  dashboardRoutes,
  reportRoutes,
  spendRoutes,
  spendImportRoutes,
  databaseRoutes,
  transparencyRoutes,
  caseStudyRoutes,
  publicCaseStudyRoutes,
  registrationRoutes,
  communityNeedRoutes,
  needsOfficerRoutes,
  needsBoardRoutes,
  publicNeedsRoutes,
  ocdsExportRoutes,
  reportSubscriptionRoutes,
  reportLinkRoutes,
  apiTokenRoutes,
  apiRoutes,
];

export async function registerFeatures(app: FastifyInstance, services: Services): Promise<void> {
  for (const register of features) await register(app, services);
}
