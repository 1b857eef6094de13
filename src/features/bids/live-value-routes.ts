import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Db } from '../../db/client.js';
import { formatPounds } from '../../domain/money.js';
import { parseQuantity } from '../../domain/quantity.js';
import { field } from '../../platform/forms.js';
import { srcDir } from '../../platform/paths.js';
import { offerValue } from './bid-value.js';
import { valueText } from './bid-summary.js';
import { loadBidContext, supplierOnly } from './bid-context.js';

/**
 * The bid forms' script, and the offer's social value as the supplier types a quantity: the script on the commitment
 * page posts the measure and the quantity typed, and shows the figures this route works out on the server, with the
 * tender's frozen proxy values. The pages work without it: the figures are also shown from the saved bid.
 */
export async function liveValueRoutes(app: FastifyInstance, db: Db): Promise<void> {
  const script = readFileSync(path.join(srcDir, 'features/bids/assets/bid-form.mjs'), 'utf8');

  app.get('/supplier/bid-form.mjs', { config: { access: 'public' } }, async (_request, reply) =>
    reply.type('application/javascript; charset=utf-8').header('cache-control', 'public, max-age=3600').send(script),
  );

  app.post('/supplier/tenders/:tenderId/value', { config: supplierOnly }, async (request, reply) => {
    const context = await loadBidContext(db, request, reply);
    if (!context) return reply;
    const measure = context.measures.find((m) => m.measureId === field(request.body, 'measureId'));
    if (!measure) return reply.code(400).send({ error: 'This tender does not ask for that measure' });
    const quantity = parseQuantity(field(request.body, 'quantity'));
    const saved = (context.bid?.commitments ?? []).filter((c) => c.measureId !== measure.measureId);
    const commitments = quantity === null ? saved : [...saved, { measureId: measure.measureId, quantityHundredths: quantity }];
    const value = offerValue(new Map(context.measures.map((m) => [m.measureId, m])), commitments);
    const measurePence = value.byMeasure.get(measure.measureId) ?? null;
    return reply.send({
      measure: {
        valuePence: measurePence,
        text: quantity === null ? 'Enter a number to see its value' : valueText(measure, measurePence, true),
      },
      total: { valuePence: value.totalPence, text: formatPounds(value.totalPence) },
    });
  });
}
