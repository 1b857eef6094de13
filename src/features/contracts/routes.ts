import type { FastifyInstance } from 'fastify';
import type { Services } from '../../services.js';
import { todayIso } from '../../domain/dates.js';
import { hasAnyRole, staffRoles } from '../../platform/current-user.js';
import { publishers } from '../publishing/publish-contract.js';
import { contractChangeRoutes } from './change-routes.js';
import { loadContractPage } from './contract-page.js';
import { loadRegister } from './register.js';
import { remediationRoutes } from './remediation-routes.js';
import { variationRoutes } from './variation-routes.js';
import { contractChangers, contractInPath, contractReaders, contractFlash, isStaff, variationApprovers, variationRequesters } from './route-support.js';
import { caseStudyAuthors } from '../case-studies/access.js';

/** The contracts register and the contract page; changes to a contract live in the routes registered below. */
export async function contractRoutes(app: FastifyInstance, services: Services): Promise<void> {
  const { db } = services.database;

  app.get('/contracts', { config: { access: staffRoles } }, async (request, reply) =>
    reply.page('contracts/views/register.njk', {
      pageTitle: 'Contracts',
      canImport: hasAnyRole(request.user, ['officer', 'admin']),
      ...(await loadRegister(db, request.query, todayIso())),
    }),
  );

  app.get('/contracts/:id', { config: { access: contractReaders } }, async (request, reply) => {
    const contract = await contractInPath(db, request, reply);
    if (!contract) return reply;
    const staff = isStaff(request);
    const page = await loadContractPage(db, contract, todayIso(), { withHistory: staff });
    return reply.page('contracts/views/contract.njk', {
      pageTitle: `${contract.reference}: ${contract.title}`,
      backLink: { href: staff ? '/contracts' : '/supplier' },
      ...page,
      staff,
      canChange: hasAnyRole(request.user, contractChangers),
      canRequestVariation: hasAnyRole(request.user, variationRequesters),
      canDecideVariation: hasAnyRole(request.user, variationApprovers),
      isAdmin: hasAnyRole(request.user, ['admin']),
      canPublish: hasAnyRole(request.user, publishers),
      canDraftCaseStudy: hasAnyRole(request.user, caseStudyAuthors),
      flash: contractFlash.of(request),
    });
  });

  await contractChangeRoutes(app, services);
  await variationRoutes(app, services);
  await remediationRoutes(app, services);
}
