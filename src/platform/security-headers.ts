import { createHash } from 'node:crypto';
import fp from 'fastify-plugin';

// The one inline script in GOV.UK Frontend's template; allowed by its hash rather than 'unsafe-inline'.
const GOVUK_INLINE_SCRIPT = "document.body.className += ' js-enabled' + ('noModule' in HTMLScriptElement.prototype ? ' govuk-frontend-supported' : '');";
const CSP = [
  "default-src 'self'",
  `script-src 'self' 'sha256-${createHash('sha256').update(GOVUK_INLINE_SCRIPT).digest('base64')}'`,
  "style-src 'self'",
  "img-src 'self' data:",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "object-src 'none'",
].join('; ');

/** Browsers keep to HTTPS for this long (two years) once they have seen the header. */
export const HSTS_MAX_AGE_SECONDS = 2 * 365 * 24 * 60 * 60;

export interface SecurityHeadersOptions {
  /** the service is reached over https (BASE_URL): only then is Strict-Transport-Security sent */
  https: boolean;
}

/**
 * The headers every answer carries: no sniffing, no framing, no referrer to other sites, no camera or microphone,
 * and for pages a strict Content-Security-Policy and no caching (unless the route says otherwise). On https, browsers
 * are told to use https only, subdomains included.
 */
export const securityHeaders = fp<SecurityHeadersOptions>(
  async (app, { https }) => {
    const hsts = `max-age=${HSTS_MAX_AGE_SECONDS}; includeSubDomains`;
    app.addHook('onSend', async (request, reply) => {
      reply.header('x-content-type-options', 'nosniff');
      reply.header('referrer-policy', 'same-origin');
      reply.header('x-frame-options', 'DENY');
      reply.header('permissions-policy', 'camera=(), microphone=(), geolocation=()');
      if (https) reply.header('strict-transport-security', hsts);
      if (!request.url.startsWith('/assets/')) {
        reply.header('content-security-policy', CSP);
        if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
      }
    });
  },
  { name: 'sv-security-headers' },
);
