import { formatDate } from '../../domain/dates.js';
import { formatPounds } from '../../domain/money.js';
import { documentPdf, type DocumentBlock, type DocumentView } from '../../platform/pdf/document.js';
import type { LiveFigures } from './live-figures.js';
import { storyText } from './story.js';

export interface PrintableCaseStudy {
  title: string;
  summary: string;
  story: string;
  supplierName: string;
  contractReference: string;
  contractTitle: string;
  publishedAt: Date | null;
  outcomes: string[];
  districts: string[];
  quotes: { text: string; attribution: string }[];
}

/**
 * A case study's live statistics as document blocks: the table of what was verified against each commitment it names,
 * and when that last changed. `caption` tells the table apart where several case studies share a document (a report).
 */
export function liveFiguresBlocks(live: LiveFigures, caption = 'Social value verified as delivered, as the council has checked it'): DocumentBlock[] {
  return [
    {
      kind: 'table',
      table: {
        caption,
        head: [{ text: 'Measure' }, { text: 'Verified delivered', numeric: true }, { text: 'Value', numeric: true }],
        rows: live.figures.map((f) => [
          { text: `${f.measureCode} ${f.measureTitle}` },
          { text: `${f.quantity} ${f.unit}`, numeric: true },
          { text: f.verifiedPence === null ? 'Not valued in pounds' : formatPounds(f.verifiedPence), numeric: true },
        ]),
        empty: 'No statistics have been chosen.',
        widths: ['*', 110, 100],
      },
    },
    {
      kind: 'paragraph',
      text: live.lastVerifiedAt
        ? `Figures last updated ${formatDate(live.lastVerifiedAt)}, when delivery was last verified.`
        : 'No delivery has been verified yet.',
    },
  ];
}

/**
 * A case study as the shared document view (platform/pdf/document.ts), for a printable tagged PDF: the same words and
 * live figures as its page, its story as plain paragraphs. Images are left out of the PDF (their alt text is on the page).
 */
export function caseStudyView(caseStudy: PrintableCaseStudy, live: LiveFigures): DocumentView {
  const published = caseStudy.publishedAt ? `Published ${formatDate(caseStudy.publishedAt)}.` : 'Not published.';
  return {
    title: caseStudy.title,
    subject: `Social value case study: ${caseStudy.contractReference}`,
    lead: [
      caseStudy.summary,
      `${caseStudy.supplierName}, contract ${caseStudy.contractReference}: ${caseStudy.contractTitle}. ${published}`,
      `Strategic outcomes: ${caseStudy.outcomes.join(', ')}.${caseStudy.districts.length ? ` Districts: ${caseStudy.districts.join(', ')}.` : ''}`,
    ],
    sections: [
      {
        id: 'delivered',
        heading: 'What was delivered',
        blocks: liveFiguresBlocks(live),
      },
      { id: 'story', heading: 'The story', blocks: storyText(caseStudy.story).map((text) => ({ kind: 'paragraph' as const, text })) },
      ...(caseStudy.quotes.length
        ? [{ id: 'quotes', heading: 'In their words', blocks: caseStudy.quotes.map((q) => ({ kind: 'quote' as const, text: q.text, source: q.attribution })) }]
        : []),
    ],
  };
}

export function caseStudyPdf(caseStudy: PrintableCaseStudy, live: LiveFigures): Promise<Buffer> {
  return documentPdf(caseStudyView(caseStudy, live));
}
