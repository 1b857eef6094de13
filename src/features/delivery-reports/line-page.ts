import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Services } from '../../services.js';
import { districtChoices } from '../organisations/postcode-districts.js';
import { reportFlash } from './flash.js';
import { unitWords, type LineValues } from './line-form.js';
import type { ReportContext } from './report-in-path.js';
import { lineView, type LineView } from './report-page.js';
import { loadEvidence, reportableMeasures, type CommitmentToReport, type LineRecord } from './repository.js';
import { MAX_FILES } from './streamed-files.js';

export interface LinePage {
  context: ReportContext;
  /** the commitment the line is for, or null for additional social value */
  commitment: CommitmentToReport | null;
  line: LineRecord | null;
  values: LineValues;
  errors?: object;
  /** what is saved now, when the form was refused because the report changed */
  savedNow?: string;
}

/** The page of one line: its form while the report is a draft, what was reported after, and its evidence files. */
export async function showLinePage(services: Services, reply: FastifyReply, request: FastifyRequest, page: LinePage) {
  const { db } = services.database;
  const { context, commitment, line, values } = page;
  const [measures, evidence] = await Promise.all([
    commitment ? Promise.resolve([]) : reportableMeasures(db, context.contract.frameworkVersionId),
    loadEvidence(db, line ? [line.id] : []),
  ]);
  const shown: LineView | null = line ? lineView(line, evidence) : null;
  const unit = commitment?.unit ?? measures.find((m) => m.id === values.measure)?.unit ?? null;
  const heading = commitment
    ? `${commitment.code} ${commitment.title}`
    : line
      ? `Additional social value: ${line.code} ${line.title}`
      : 'Add additional social value';
  return reply.page('delivery-reports/views/line.njk', {
    pageTitle: `${heading}: ${context.label} report`,
    backLink: { href: context.path },
    ...context,
    heading,
    commitment,
    line: shown,
    values,
    unitText: unit ? unitWords(unit) : null,
    editable: context.report.status === 'draft',
    canUpload: !!line && (context.report.status === 'draft' || line.status === 'queried'),
    maxFiles: MAX_FILES,
    maxMegabytes: Math.floor(services.config.evidenceMaxBytes / (1024 * 1024)),
    measureItems: [
      { value: '', text: 'Choose a measure' },
      ...measures.map((m) => ({ value: m.id, text: `${m.code} ${m.title} (${unitWords(m.unit)})`, selected: m.id === values.measure })),
    ],
    districtItems: districtChoices.map((d) => ({ value: d, text: d, checked: values.districts.includes(d) })),
    savedNow: page.savedNow,
    flash: reportFlash.of(request),
    ...page.errors,
  });
}

export const linePagePath = (context: ReportContext, line: { id: string; commitmentId: string | null }) =>
  line.commitmentId ? `${context.path}/commitments/${line.commitmentId}` : `${context.path}/additional/${line.id}`;
