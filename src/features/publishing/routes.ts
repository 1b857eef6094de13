import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Services } from '../../services.js';
import { contractInPath, contractPath } from '../contracts/route-support.js';
import type { ContractRecord } from '../contracts/repository.js';
import { publishContract, publishers, unpublishContract } from './publish-contract.js';

type Direction = 'publish' | 'unpublish';

/** Officers publish a contract on the transparency site, or take it off, each after a page that asks them to confirm. */
export async function publishingRoutes(app: FastifyInstance, services: Services): Promise<void> {
  const { db } = services.database;
  const config = { access: publishers };

  function renderConfirm(reply: FastifyReply, contract: ContractRecord, direction: Direction) {
    const publish = direction === 'publish';
    return reply.page('publishing/views/confirm.njk', {
      pageTitle: publish ? `Publish ${contract.reference}` : `Unpublish ${contract.reference}`,
      backLink: { href: contractPath(contract.id) },
      caption: `Contract ${contract.reference}`,
      heading: publish ? 'Publish this contract on the transparency site?' : 'Take this contract off the transparency site?',
      contract,
      direction,
      action: `/contracts/${contract.id}/${direction}`,
      buttonText: publish ? 'Publish contract' : 'Unpublish contract',
      danger: !publish,
      cancelHref: contractPath(contract.id),
    });
  }

  for (const direction of ['publish', 'unpublish'] as const) {
    const alreadyDone = (contract: ContractRecord) => (direction === 'publish') === (contract.publishedAt !== null);

    app.get(`/contracts/:id/${direction}`, { config }, async (request: FastifyRequest, reply) => {
      const contract = await contractInPath(db, request, reply);
      if (!contract) return reply;
      if (alreadyDone(contract)) return reply.redirect(contractPath(contract.id));
      return renderConfirm(reply, contract, direction);
    });

    app.post(`/contracts/:id/${direction}`, { config }, async (request: FastifyRequest, reply) => {
      const contract = await contractInPath(db, request, reply);
      if (!contract) return reply;
      if (direction === 'publish') await publishContract(db, request.actor, contract);
      else await unpublishContract(db, request.actor, contract);
      return reply.redirect(contractPath(contract.id, direction === 'publish' ? 'published' : 'unpublished'), 303);
    });
  }
}
