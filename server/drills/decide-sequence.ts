import { evolve, type Actor, type Decision, type NewEvent, type WorldState } from '../../shared/index.js';

/** One step of a sequence: decided against the state every earlier step left. */
export type SequenceStep = (state: WorldState) => Decision;

/**
 * Decides several steps as one batch, each against the state the earlier ones would leave (a breakdown
 * cancels the assignment, then takes the now-free unit out of service). Nothing is written here: the
 * events are folded into a scratch copy only. All or nothing: the first refused step refuses the batch.
 */
export function decideInSequence(state: WorldState, steps: readonly SequenceStep[], meta: { at: string; actor: Actor }): Decision {
  if (steps.length === 1) return steps[0]!(state);
  const scratch = structuredClone(state);
  const events: NewEvent[] = [];
  const createdIds: string[] = [];
  for (const step of steps) {
    const decision = step(scratch);
    if (!decision.ok) return decision;
    for (const event of decision.events) foldProposed(scratch, event, meta);
    events.push(...decision.events);
    createdIds.push(...decision.createdIds);
  }
  return { ok: true, events, createdIds };
}

// Sequence numbers and versions here are placeholders: the store assigns the real ones on commit.
function foldProposed(scratch: WorldState, event: NewEvent, meta: { at: string; actor: Actor }): void {
  evolve(scratch, { ...event, seq: scratch.seq + 1, version: 1, at: meta.at, actor: meta.actor, world: scratch.world });
}
