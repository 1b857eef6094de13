import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../../db/client.js';
import { recordEvent } from '../../platform/audit.js';
import { staffRoles } from '../../platform/current-user.js';
import { uploadedFile } from '../../platform/forms.js';
import { readContent } from './content.js';
import { CSV_COLUMNS, CSV_COLUMN_HELP, frameworkToCsv } from './csv-format.js';
import type { ImportProblem } from './import-problems.js';
import { importDraft } from './import-draft.js';
import { frameworkToJson } from './json-format.js';
import { readImportFile } from './read-import-file.js';
import { findVersionByStatus, type VersionRow } from './repository.js';
import { adminOnly, frameworkFlash, versionOr404 } from './route-support.js';

/** A file name for a download: "leicestershire-social-value-framework-version-2.csv". */
export function exportFileName(version: Pick<VersionRow, 'name' | 'number'>, extension: 'csv' | 'json'): string {
  const slug =
    version.name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 80)
      .replace(/-+$/, '') || 'framework';
  return `${slug}-version-${version.number}.${extension}`;
}

/** Only so many problems go in the error summary; the table below the form lists them all. */
const SUMMARY_LIMIT = 10;

/** Downloading a version as CSV or JSON (staff), and importing a file as a new draft (admins). */
export async function transferRoutes(app: FastifyInstance, db: Db): Promise<void> {
  const exportAs = (extension: 'csv' | 'json') => async (request: FastifyRequest, reply: FastifyReply) => {
    const version = await versionOr404(db, request, reply);
    if (!version) return reply;
    const content = await readContent(db, version.id);
    const body = extension === 'csv' ? frameworkToCsv(content) : frameworkToJson(version, content);
    await recordEvent(db, request.actor, `Exported framework version ${version.number} as ${extension.toUpperCase()}`, {
      entityTable: 'framework_versions',
      entityId: version.id,
    });
    return reply
      .type(extension === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8')
      .header('content-disposition', `attachment; filename="${exportFileName(version, extension)}"`)
      .send(body);
  };
  app.get('/framework/:versionId/export.csv', { config: { access: staffRoles } }, exportAs('csv'));
  app.get('/framework/:versionId/export.json', { config: { access: staffRoles } }, exportAs('json'));

  const importPage = async (extra: Record<string, unknown> = {}) => ({
    pageTitle: 'Import a framework',
    backLink: { href: '/framework' },
    draft: await findVersionByStatus(db, 'draft'),
    csvColumns: CSV_COLUMNS.map((name) => ({ name, help: CSV_COLUMN_HELP[name] })),
    ...extra,
  });

  app.get('/framework/import', { config: { access: adminOnly } }, async (_request, reply) => reply.page('framework/views/import.njk', await importPage()));

  app.post('/framework/import', { config: { access: adminOnly } }, async (request, reply) => {
    const file = uploadedFile(request.body);
    if (!file) {
      const message = 'Select a CSV or JSON file to import';
      return reply.code(400).page('framework/views/import.njk', await importPage({ errors: { file: message }, errorList: [{ text: message, href: '#file' }] }));
    }
    const fileName = file.filename.replace(/^.*[\\/]/, '').slice(0, 200);
    const parsed = readImportFile(fileName, await file.toBuffer());
    if (!parsed.ok) return showProblems(reply, fileName, parsed.problems);
    const result = await importDraft(db, request.actor, parsed, fileName);
    if (result.status === 'draft-exists') {
      const message = 'There is already a draft: delete it or activate it before you import a framework';
      return reply.code(409).page('framework/views/import.njk', await importPage({ errorList: [{ text: message, href: `/framework/${result.draftId}` }] }));
    }
    return reply.redirect(frameworkFlash.path(`/framework/${result.id}`, 'imported'), 303);
  });

  async function showProblems(reply: FastifyReply, fileName: string, problems: ImportProblem[]): Promise<FastifyReply> {
    const summary = problems.slice(0, SUMMARY_LIMIT).map((p) => ({ text: p.text, href: '#file' }));
    if (problems.length > SUMMARY_LIMIT)
      summary.push({ text: `${problems.length - SUMMARY_LIMIT} more problems are listed in the table below`, href: '#problems' });
    const inline = problems.length === 1 ? problems[0]!.text : 'The file has problems, listed in the table below. Correct them and upload the file again';
    return reply.code(400).page(
      'framework/views/import.njk',
      await importPage({
        errors: { file: inline },
        errorList: summary,
        problems,
        fileName,
        fileKind: /\.json$/i.test(fileName) ? 'json' : 'csv',
      }),
    );
  }
}
