import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('loadConfig', () => {
  it('starts with nothing set, on the embedded database', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ port: 3000, baseUrl: 'http://localhost:3000', databaseUrl: undefined, dataDir: '.data', seedDemo: true });
  });

  it('names every bad setting and what it must be', () => {
    let message = '';
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', SESSION_IDLE_MINUTES: '1' });
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      message = (error as Error).message;
    }
    expect(message).toContain('PORT must be a whole number (got "eighty")');
    expect(message).toContain('DATABASE_URL must start with postgres:// or postgresql://');
    expect(message).toContain('SESSION_IDLE_MINUTES must be at least 5');
  });

  it('reads the evidence size limit in megabytes, 20 by default', () => {
    expect(loadConfig({}).evidenceMaxBytes).toBe(20 * 1024 * 1024);
    expect(loadConfig({ EVIDENCE_MAX_MB: '5' }).evidenceMaxBytes).toBe(5 * 1024 * 1024);
    expect(() => loadConfig({ EVIDENCE_MAX_MB: '2.5' })).toThrow(/EVIDENCE_MAX_MB must be a whole number \(got "2.5"\)/);
    expect(() => loadConfig({ EVIDENCE_MAX_MB: '0' })).toThrow(/EVIDENCE_MAX_MB must be at least 1/);
  });

  it('reads when to shed load, with defaults, 0 turning a check off', () => {
    expect(loadConfig({}).loadShedding).toEqual({ maxDatabaseQueue: 10, maxEventLoopDelayMs: 1000, retryAfterSeconds: 5 });
    expect(loadConfig({ LOAD_SHED_DATABASE_QUEUE: '0', LOAD_SHED_EVENT_LOOP_DELAY_MS: '250', LOAD_SHED_RETRY_AFTER_SECONDS: '30' }).loadShedding).toEqual({
      maxDatabaseQueue: 0,
      maxEventLoopDelayMs: 250,
      retryAfterSeconds: 30,
    });
    expect(() => loadConfig({ LOAD_SHED_DATABASE_QUEUE: '-1' })).toThrow(/LOAD_SHED_DATABASE_QUEUE must be 0 or more/);
    expect(() => loadConfig({ LOAD_SHED_RETRY_AFTER_SECONDS: '0' })).toThrow(/LOAD_SHED_RETRY_AFTER_SECONDS must be at least 1/);
  });

  it('requires the production secrets in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/SESSION_SECRET must be set in production/);
    const config = loadConfig({
      NODE_ENV: 'production',
      SESSION_SECRET: 's'.repeat(40),
      BASE_URL: 'https://sv.example.gov.uk/',
      SMTP_URL: 'smtp://mail.example:587',
    });
    expect(config.baseUrl).toBe('https://sv.example.gov.uk');
    expect(config.seedDemo).toBe(false);
  });

  it('wants the three OpenID Connect settings together', () => {
    expect(() => loadConfig({ OIDC_ISSUER: 'https://login.example/v2.0' })).toThrow(/must be set together/);
  });
});
