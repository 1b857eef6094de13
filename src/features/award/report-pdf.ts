import type { EvaluationReport } from './evaluation-report.js';
import { createPdf, type Column, type PdfWriter } from '../../platform/pdf/tagged-pdf.js';
import { reportView, type ReportTable } from './report-view.js';

function tableWithCaption(pdf: PdfWriter, table: ReportTable, widths: (number | '*')[] = []): void {
  pdf.paragraph(table.caption, { bold: true });
  if (table.rows.length === 0) {
    pdf.paragraph('None.');
    return;
  }
  const columns: Column[] = table.head.map((cell, i) => ({ header: cell.text, align: cell.numeric ? 'right' : 'left', width: widths[i] ?? '*' }));
  pdf.table(columns, table.rows, { small: table.head.length > 6 });
}

/** The evaluation report as a PDF: the same view, and so the same figures, as the web page. */
export async function reportPdf(report: EvaluationReport): Promise<Buffer> {
  const view = reportView(report);
  const pdf = await createPdf({ title: view.title, subject: `${view.caption}: evaluation of the bids and the award decision` });
  pdf.heading(view.title, 1);
  pdf.paragraph(`${view.caption}. Produced on ${view.producedOn}.`);
  for (const notice of view.notices) pdf.paragraph(notice, { bold: true });

  pdf.heading('The requirement', 2);
  pdf.summary(view.requirement);

  pdf.heading('How social value was evaluated', 2);
  pdf.summary(view.setup);
  tableWithCaption(pdf, view.measures, ['*', 90, 90]);
  tableWithCaption(pdf, view.questions, ['*', 120]);
  tableWithCaption(pdf, view.scale, [50, '*']);

  pdf.heading('Evaluators', 2);
  pdf.paragraph('Each evaluator declared any conflict of interest before seeing the bids, and scored the answers without seeing the other evaluators’ scores.');
  tableWithCaption(pdf, view.evaluators);

  pdf.heading('Scores and ranking', 2);
  pdf.paragraph('Scores are percentages of the total score.');
  tableWithCaption(pdf, view.ranking, [24, 92, 46, 46, 52, 50, 50, 45, 45, 45]);

  pdf.heading('Each bid’s scores', 2);
  for (const bid of view.bids) {
    pdf.heading(bid.heading, 3);
    tableWithCaption(pdf, bid.commitments, ['*', 90, 90]);
    pdf.paragraph(bid.working);
    tableWithCaption(pdf, bid.answers, [130, 100, 50, '*']);
    pdf.paragraph('Risk flags', { bold: true });
    if (bid.riskFlags.length === 0) pdf.paragraph('None.');
    for (const flag of bid.riskFlags) pdf.paragraph(`• ${flag}`);
  }

  pdf.heading('Award decision', 2);
  if (view.award) pdf.summary(view.award);
  else pdf.paragraph('The tender has not been awarded yet.');
  return pdf.finish();
}
