import { signedLinkKey } from '../../platform/signed-links.js';
import type { Services } from '../../services.js';
import type { ReportSender } from './deliver-reports.js';
import { serviceReports } from './report-pdf.js';

/** What the report sender needs, from the service's settings, mailer and reports. */
export function reportSender(services: Services): ReportSender {
  return {
    mailer: services.mailer,
    reports: serviceReports(services),
    key: signedLinkKey(services.config.sessionSecret),
    baseUrl: services.config.baseUrl,
  };
}
