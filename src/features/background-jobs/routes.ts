import type { FastifyInstance } from 'fastify';
import type { Services } from '../../services.js';
import { recordEvent } from '../../platform/audit.js';
import { field } from '../../platform/forms.js';
import { param } from '../../platform/route-params.js';
import { describeSchedule } from '../../platform/schedule.js';
import { loadJobStates, runJobNow } from './repository.js';
import { serviceJobs } from './service-jobs.js';

const admin = { access: ['admin'] } as const;

/** The background jobs for administrators: when each runs and last ran, and a way to run one now. */
export async function backgroundJobRoutes(app: FastifyInstance, services: Services): Promise<void> {
  const { db } = services.database;
  const jobs = serviceJobs(services.config.baseUrl);

  app.get('/admin/jobs', { config: admin }, async (request, reply) => {
    const states = new Map((await loadJobStates(db)).map((s) => [s.name, s]));
    const ran = jobs.find((job) => job.name === field(request.query, 'ran'));
    return reply.page('background-jobs/views/jobs.njk', {
      pageTitle: 'Background jobs',
      flash: ran ? `${ran.title} will run within a minute. Refresh this page to see when it has run.` : undefined,
      jobs: jobs.map((job) => {
        const state = states.get(job.name);
        return {
          name: job.name,
          title: job.title,
          schedule: describeSchedule(job.schedule),
          nextRunAt: state?.runAt ?? null,
          lastRunAt: state?.lastRunAt ?? null,
          lastError: state?.lastError ?? null,
          running: state?.lockedUntil ? state.lockedUntil > new Date() : false,
        };
      }),
    });
  });

  app.post('/admin/jobs/:name/run', { config: admin }, async (request, reply) => {
    const job = jobs.find((j) => j.name === param(request, 'name'));
    if (!job) return reply.callNotFound();
    await runJobNow(db, job.name);
    await recordEvent(db, request.actor, `Asked for the background job "${job.title}" to run now`, { entityTable: 'jobs', entityId: job.name });
    return reply.redirect(`/admin/jobs?ran=${encodeURIComponent(job.name)}`, 303);
  });
}
