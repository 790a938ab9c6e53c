import { decide, streamOf, type Actor, type Command, type WorldState } from '../../shared/index.js';
import { hashPassword } from '../auth/passwords.js';
import type { UserDirectory } from '../auth/user-directory.js';
import { newId, type CommandService } from '../commands/command-service.js';
import type { EventStore } from '../store/port.js';
import type { WorldRegistry } from '../world/world-registry.js';
import { demoIncidentReport, demoIncidents, demoUnits, demoUsers } from './demo-world.js';

const SEED_ACTOR: Actor = { userId: 'seed', role: 'system' };

/**
 * Writes the Dalian demo world into an empty store, through the same decide → append path as every
 * command: units, demo users, and a handful of open incidents (some verified and dispatched).
 */
export async function seedDemoWorld(deps: {
  store: EventStore;
  registry: WorldRegistry;
  commands: CommandService;
  users: UserDirectory;
  log: (message: string) => void;
}) {
  // Only into a store without units: the plan library may already be there, and re-seeding is a no-op.
  if ((deps.registry.get('live')?.units.size ?? 0) > 0) return;
  const units = demoUnits();
  await deps.commands.system('live', () => ({
    ok: true,
    createdIds: [],
    events: units.map((unit) => ({ type: 'unit:registered' as const, stream: streamOf.unit(unit.unitId), data: unit })),
  }), SEED_ACTOR);

  // Accounts that share a password share its hash: hashing 80 field accounts one by one is slow.
  const hashes = new Map<string, Promise<string>>();
  for (const account of demoUsers(units)) {
    if (!hashes.has(account.password)) hashes.set(account.password, hashPassword(account.password));
    await deps.users.put({
      id: `USR-${account.username}`,
      username: account.username,
      displayName: account.displayName,
      role: account.role,
      unitId: account.unitId,
      passwordHash: await hashes.get(account.password)!,
      demo: true,
    });
  }

  const run = (command: Command) =>
    deps.commands.system('live', (state: WorldState, templates) => decide(state, command, { actor: SEED_ACTOR, newId, templates }), SEED_ACTOR);
  for (const incident of demoIncidents()) {
    const { verify, dispatchUnitIds, key } = incident;
    const reported = await run({ type: 'incident:report', payload: { ...demoIncidentReport(incident), idempotencyKey: `seed:${key}:report` } });
    const incidentId = reported.ok ? reported.data.createdIds[0] : undefined;
    if (!incidentId) throw new Error(`demo incident could not be seeded: ${JSON.stringify(reported)}`);
    if (verify) await run({ type: 'incident:verify', payload: { incidentId, idempotencyKey: `seed:${key}:verify` } });
    if (dispatchUnitIds && dispatchUnitIds.length > 0)
      await run({ type: 'incident:dispatch', payload: { incidentId, unitIds: dispatchUnitIds, idempotencyKey: `seed:${key}:dispatch` } });
  }
  deps.log(`Seeded the Dalian demo world: ${units.length} units, ${demoIncidents().length} incidents, demo accounts.`);
}
