import { z } from 'zod';

const bool = z.enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'must be true or false' }).transform((v) => v === 'true' || v === '1' || v === 'yes');

const schema = z
  .object({
    NODE_ENV: z.enum(['development', 'test', 'production'], { message: 'must be development, test or production' }).default('development'),
    HOST: z.string().min(1).default('127.0.0.1'),
    PORT: z.coerce.number({ message: 'must be a whole number' }).int('must be a whole number').min(0).max(65535, 'must be at most 65535').default(3000),
    BASE_URL: z.url({ message: 'must be a full URL such as https://socialvalue.example.gov.uk' }).optional(),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
      .optional(),
    DATA_DIR: z.string().min(1).default('.data'),
    SESSION_SECRET: z.string().min(32, 'must be at least 32 characters long').optional(),
    SESSION_IDLE_MINUTES: z.coerce.number().int('must be a whole number').min(5, 'must be at least 5').max(1440).default(60),
    SESSION_MAX_HOURS: z.coerce
      .number()
      .int('must be a whole number')
      .min(1)
      .max(24 * 30)
      .default(12),
    SMTP_URL: z
      .string()
      .regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
      .optional(),
    MAIL_FROM: z.string().min(3).default('Social Value <no-reply@localhost>'),
    OIDC_ISSUER: z.url({ message: 'must be the URL of your OpenID provider' }).optional(),
    OIDC_CLIENT_ID: z.string().min(1).optional(),
    OIDC_CLIENT_SECRET: z.string().min(1).optional(),
    OIDC_LABEL: z.string().min(1).default('Sign in with your council account'),
    SEED_DEMO: bool.optional(),
    TRUST_PROXY: bool.default(false),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    EVIDENCE_MAX_MB: z.coerce
      .number({ message: 'must be a whole number' })
      .int('must be a whole number')
      .min(1, 'must be at least 1')
      .max(1024, 'must be at most 1024')
      .default(20),
    OCDS_OCID_PREFIX: z
      .string()
      .regex(/^ocds-[a-z0-9]{6}$/, 'must be ocds- and the six letters or digits registered with the Open Contracting Partnership')
      .default('ocds-svleic'),
    API_RATE_LIMIT: z.coerce.number({ message: 'must be a whole number' }).int('must be a whole number').min(1, 'must be at least 1').default(120),
    REPORT_LINK_RATE_LIMIT: z.coerce.number({ message: 'must be a whole number' }).int('must be a whole number').min(1, 'must be at least 1').default(20),
    SHUTDOWN_GRACE_SECONDS: z.coerce.number({ message: 'must be a whole number' }).int('must be a whole number').min(1, 'must be at least 1').default(10),
    LOAD_SHED_DATABASE_QUEUE: z.coerce.number({ message: 'must be a whole number' }).int('must be a whole number').min(0, 'must be 0 or more').default(10),
    LOAD_SHED_EVENT_LOOP_DELAY_MS: z.coerce
      .number({ message: 'must be a whole number' })
      .int('must be a whole number')
      .min(0, 'must be 0 or more')
      .default(1000),
    LOAD_SHED_RETRY_AFTER_SECONDS: z.coerce
      .number({ message: 'must be a whole number' })
      .int('must be a whole number')
      .min(1, 'must be at least 1')
      .max(3600, 'must be at most 3600')
      .default(5),
  })
  .superRefine((c, ctx) => {
    if (c.NODE_ENV === 'production') {
      for (const key of ['SESSION_SECRET', 'BASE_URL', 'SMTP_URL'] as const) {
        if (!c[key]) ctx.addIssue({ code: 'custom', path: [key], message: 'must be set in production' });
      }
    }
    const oidc = [c.OIDC_ISSUER, c.OIDC_CLIENT_ID, c.OIDC_CLIENT_SECRET].filter(Boolean).length;
    if (oidc > 0 && oidc < 3) {
      ctx.addIssue({
        code: 'custom',
        path: ['OIDC_ISSUER'],
        message: 'OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET must be set together',
      });
    }
  });

export interface Config {
  env: 'development' | 'test' | 'production';
  host: string;
  port: number;
  baseUrl: string;
  databaseUrl: string | undefined;
  dataDir: string;
  sessionSecret: string;
  sessionIdleMinutes: number;
  sessionMaxHours: number;
  smtpUrl: string | undefined;
  mailFrom: string;
  oidc: { issuer: string; clientId: string; clientSecret: string; label: string } | undefined;
  seedDemo: boolean;
  trustProxy: boolean;
  logLevel: string;
  /** the largest evidence file accepted, in bytes */
  evidenceMaxBytes: number;
  /** the prefix of the open contracting IDs (OCIDs) of the contracts in the OCDS download */
  ocidPrefix: string;
  /** how many API requests a token (or an address without one) may make a minute */
  apiRateLimit: number;
  /** how many times an address may open reports by their emailed links a minute */
  reportLinkRateLimit: number;
  /** how long stopping may take (finishing requests, jobs and mail, closing the database) before the process exits anyway */
  shutdownGraceMs: number;
  /** when to answer "service busy" (503) rather than queue a request; 0 turns a check off */
  loadShedding: { maxDatabaseQueue: number; maxEventLoopDelayMs: number; retryAfterSeconds: number };
}

export class ConfigError extends Error {}

const DEVELOPMENT_SECRET = 'development-only-session-secret-do-not-use-in-production';

/** Reads and validates the environment once; throws ConfigError naming every bad setting. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = schema.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => {
      const key = String(issue.path[0] ?? 'configuration');
      const got = present[key] === undefined ? '' : ` (got "${present[key]}")`;
      return `  ${key} ${issue.message}${got}`;
    });
    throw new ConfigError(`Configuration error: fix these environment variables and start again:\n${lines.join('\n')}`);
  }
  const c = parsed.data;
  return {
    env: c.NODE_ENV,
    host: c.HOST,
    port: c.PORT,
    baseUrl: (c.BASE_URL ?? `http://localhost:${c.PORT}`).replace(/\/$/, ''),
    databaseUrl: c.DATABASE_URL,
    dataDir: c.DATA_DIR,
    sessionSecret: c.SESSION_SECRET ?? DEVELOPMENT_SECRET,
    sessionIdleMinutes: c.SESSION_IDLE_MINUTES,
    sessionMaxHours: c.SESSION_MAX_HOURS,
    smtpUrl: c.SMTP_URL,
    mailFrom: c.MAIL_FROM,
    oidc:
      c.OIDC_ISSUER && c.OIDC_CLIENT_ID && c.OIDC_CLIENT_SECRET
        ? { issuer: c.OIDC_ISSUER, clientId: c.OIDC_CLIENT_ID, clientSecret: c.OIDC_CLIENT_SECRET, label: c.OIDC_LABEL }
        : undefined,
    seedDemo: c.SEED_DEMO ?? c.NODE_ENV !== 'production',
    trustProxy: c.TRUST_PROXY,
    logLevel: c.LOG_LEVEL,
    evidenceMaxBytes: c.EVIDENCE_MAX_MB * 1024 * 1024,
    ocidPrefix: c.OCDS_OCID_PREFIX,
    apiRateLimit: c.API_RATE_LIMIT,
    reportLinkRateLimit: c.REPORT_LINK_RATE_LIMIT,
    shutdownGraceMs: c.SHUTDOWN_GRACE_SECONDS * 1000,
    loadShedding: {
      maxDatabaseQueue: c.LOAD_SHED_DATABASE_QUEUE,
      maxEventLoopDelayMs: c.LOAD_SHED_EVENT_LOOP_DELAY_MS,
      retryAfterSeconds: c.LOAD_SHED_RETRY_AFTER_SECONDS,
    },
  };
}
