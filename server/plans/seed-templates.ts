import { DALIAN_PLAN_TEMPLATES, streamOf } from '../../shared/index.js';
import type { CommandService } from '../commands/command-service.js';

/**
 * Puts the Dalian plan library into a store that has none. These are the city's starting plans, not
 * demo data: every installation begins with them and revises them from the plan editor.
 */
export async function seedPlanTemplates(commands: CommandService) {
  await commands.system('live', (state) => {
    if (state.templates.size > 0) return { ok: true, events: [], createdIds: [] };
    return {
      ok: true,
      createdIds: [],
      events: DALIAN_PLAN_TEMPLATES.map((template) => ({ type: 'plan-template:created' as const, stream: streamOf.planTemplate(template.id), data: { template } })),
    };
  });
}
