import { Router } from 'express';
import type { WorldRegistry } from '../world/world-registry.js';
import type { EventStore } from '../store/port.js';
import { streamOf } from '../../shared/index.js';
import { sendError } from './validation.js';

/** The plan library: every template's latest revision, and one template's revision history. */
export function planRoutes(registry: WorldRegistry, store: EventStore) {
  const router = Router();
  router.get('/plans', (_request, response) => {
    const templates = [...registry.ensure('live').templates.values()].sort((a, b) => a.id.localeCompare(b.id));
    response.json({ ok: true, data: templates });
  });
  router.get('/plans/:id', async (request, response) => {
    const template = registry.ensure('live').templates.get(request.params.id);
    if (!template) return sendError(response, 'NOT_FOUND', `no plan template ${request.params.id}`);
    const history = await store.readStream(streamOf.planTemplate(template.id));
    response.json({ ok: true, data: { template, revisions: history.map((event) => ({ seq: event.seq, at: event.at, actor: event.actor, template: (event.data as { template: unknown }).template })) } });
  });
  return router;
}
