import { COUNCIL_NAME } from '../../platform/views.js';
import type { FeedbackLetter } from './feedback-letter.js';
import { letterView } from './letter-view.js';
import { createPdf } from '../../platform/pdf/tagged-pdf.js';

/** A feedback letter as a PDF: the same view, and so the same words and figures, as the web page. */
export async function letterPdf(letter: FeedbackLetter): Promise<Buffer> {
  const view = letterView(letter);
  const pdf = await createPdf({ title: view.title, subject: `Feedback from ${COUNCIL_NAME} to ${view.recipient}` });
  pdf.paragraph(COUNCIL_NAME, { bold: true });
  pdf.summary([
    ['To', view.recipient],
    ['Date', view.date],
  ]);
  pdf.heading(view.title, 1);
  for (const paragraph of view.opening) pdf.paragraph(paragraph);
  for (const section of view.sections) {
    pdf.heading(section.heading, 2);
    for (const paragraph of section.paragraphs) pdf.paragraph(paragraph);
    for (const bullet of section.bullets) pdf.paragraph(`• ${bullet}`);
    for (const item of section.items) {
      pdf.heading(item.heading, 3);
      pdf.summary(item.pairs);
    }
    if (section.table) {
      pdf.paragraph(section.table.caption, { bold: true });
      pdf.table(
        section.table.head.map((cell) => ({ header: cell.text, align: cell.numeric ? 'right' : 'left', width: cell.numeric ? 80 : '*' })),
        section.table.rows,
      );
    }
  }
  return pdf.finish();
}
