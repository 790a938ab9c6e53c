import {
  decide,
  drillUnitId,
  injectIncidentId,
  injectLocation,
  straightLineKm,
  streamOf,
  type Actor,
  type Command,
  type Decision,
  type FireableInject,
  type Incident,
  type NewEvent,
  type PlanLibrary,
  type Unit,
  type WorldState,
} from '../../shared/index.js';
import { decideInSequence, type SequenceStep } from './decide-sequence.js';

export interface InjectContext {
  drillId: string;
  actor: Actor;
  /** The drill's simulated time now (the events are stamped with it). */
  at: string;
  templates: PlanLibrary;
}

// Injects are decided inside the command queue exactly once; the key only satisfies the command shape.
const INJECT_KEY = 'drill-inject';
/** Assignment statuses an `assignment:cancel` accepts; later ones are cleared instead. */
const CANCELLABLE = new Set(['dispatched', 'acknowledged', 'en_route']);

/**
 * The events an inject causes: `drill:inject-fired` first, then its effects, decided with the same
 * `decide` a dispatcher's commands go through. An inject always fires: when its effect is refused (the
 * incident was already closed, no unit of that type is left) the notice says so and nothing else changes.
 */
export function decideInject(state: WorldState, inject: FireableInject, context: InjectContext): Decision {
  const target = injectTarget(state, inject, context);
  const effects = target.steps.length === 0 ? ({ ok: true, events: [], createdIds: [] } as Decision) : decideInSequence(state, target.steps, context);
  const note = !effects.ok ? effects.error.message : target.problem;
  const location = injectLocation(inject);
  const fired: NewEvent = {
    type: 'drill:inject-fired',
    stream: streamOf.drill(context.drillId),
    data: {
      drillId: context.drillId,
      injectId: inject.id,
      kind: inject.kind,
      description: note ? `${inject.description} (no effect: ${note})` : inject.description,
      ...(target.incidentId && { incidentId: target.incidentId }),
      ...(location && { location }),
    },
  };
  return effects.ok ? { ok: true, events: [fired, ...effects.events], createdIds: effects.createdIds } : { ok: true, events: [fired], createdIds: [] };
}

interface InjectTarget {
  steps: SequenceStep[];
  incidentId: string | null;
  /** Why nothing happens, when the inject finds nothing to act on. */
  problem: string | null;
}

function injectTarget(state: WorldState, inject: FireableInject, context: InjectContext): InjectTarget {
  const { drillId } = context;
  // The plan library goes along so a level change re-matches the plan, as it does for a dispatcher's change.
  const run = (command: Command, newIncidentId?: string): SequenceStep => (current) =>
    decide(current, command, {
      actor: context.actor,
      // Only a report creates anything here, and its id is the inject's stable one.
      newId: (kind) => newIncidentId ?? `${kind}-not-created`,
      templates: context.templates,
    });
  switch (inject.kind) {
    case 'incident':
    case 'related-incident': {
      const incidentId = injectIncidentId(drillId, inject.ref);
      if (state.incidents.has(incidentId)) return nothing(`ref ${inject.ref} was already used`, incidentId);
      const report = run({ type: 'incident:report', payload: { idempotencyKey: INJECT_KEY, ...inject.report } }, incidentId);
      if (inject.kind === 'incident') return { steps: [report], incidentId, problem: null };
      const related = resolveIncident(state, drillId, inject.relatedTo);
      if (!related) return { steps: [report], incidentId, problem: null };
      const note = (about: string, text: string) => run({ type: 'incident:note', payload: { idempotencyKey: INJECT_KEY, incidentId: about, text } });
      return {
        steps: [
          report,
          note(incidentId, `关联事件 Related to ${related.code}`),
          (current) => note(related.id, `关联事件 Related incident ${current.incidents.get(incidentId)?.code ?? incidentId}`)(current),
        ],
        incidentId,
        problem: null,
      };
    }
    case 'escalate': {
      const incident = resolveIncident(state, drillId, inject.ref);
      if (!incident) return nothing(`no incident ${inject.ref}`, null);
      return { steps: [run({ type: 'incident:change-level', payload: { idempotencyKey: INJECT_KEY, incidentId: incident.id, level: inject.level, reason: inject.reason } })], incidentId: incident.id, problem: null };
    }
    case 'casualties': {
      const incident = resolveIncident(state, drillId, inject.ref);
      if (!incident) return nothing(`no incident ${inject.ref}`, null);
      const step: SequenceStep = (current) =>
        run({ type: 'incident:update', payload: { idempotencyKey: INJECT_KEY, incidentId: incident.id, casualties: (current.incidents.get(incident.id)?.casualties ?? 0) + inject.add } })(current);
      return { steps: [step], incidentId: incident.id, problem: null };
    }
    case 'unit-breakdown': {
      const near = 'nearRef' in inject.unit ? resolveIncident(state, drillId, inject.unit.nearRef) : null;
      const named = 'unitId' in inject.unit ? inject.unit.unitId : null;
      // A scenario names live units (its drill copy is meant); an instructor may name the drill unit itself.
      const unit = named !== null ? (state.units.get(named) ?? state.units.get(drillUnitId(drillId, named))) : near && 'unitType' in inject.unit ? unitToBreak(state, inject.unit.unitType, near) : undefined;
      if (!unit) return nothing('no such unit is in a state to break down', near?.id ?? null);
      const steps: SequenceStep[] = [];
      const assignment = unit.assignmentId ? state.assignments.get(unit.assignmentId) : undefined;
      if (assignment && CANCELLABLE.has(assignment.status))
        steps.push(run({ type: 'assignment:cancel', payload: { idempotencyKey: INJECT_KEY, assignmentId: assignment.id, reason: 'breakdown' } }));
      else if (assignment?.status === 'on_scene')
        steps.push(run({ type: 'assignment:advance', payload: { idempotencyKey: INJECT_KEY, assignmentId: assignment.id, status: 'cleared' } }));
      steps.push(run({ type: 'unit:change-status', payload: { idempotencyKey: INJECT_KEY, unitId: unit.id, status: 'out_of_service' } }));
      return { steps, incidentId: assignment?.incidentId ?? near?.id ?? null, problem: null };
    }
    case 'road-closed':
      return { steps: [], incidentId: null, problem: null };
  }
}

function nothing(problem: string, incidentId: string | null): InjectTarget {
  return { steps: [], incidentId, problem };
}

/** An inject's ref names an inject-made incident; an ad-hoc inject may name any incident by its id. */
export function resolveIncident(state: WorldState, drillId: string, ref: string): Incident | undefined {
  return state.incidents.get(injectIncidentId(drillId, ref)) ?? state.incidents.get(ref);
}

/**
 * The unit of that type to break down near an incident: one still on its way there (its crew must be
 * replaced: the point of the inject), else the nearest idle one. Units on scene or transporting are spared.
 */
function unitToBreak(state: WorldState, unitType: Unit['type'], incident: Incident): Unit | undefined {
  const ofType = [...state.units.values()].filter((unit) => unit.type === unitType && unit.status !== 'out_of_service');
  const byDistance = (a: Unit, b: Unit) => straightLineKm(a.location, incident.location) - straightLineKm(b.location, incident.location) || a.id.localeCompare(b.id);
  const onTheWay = ofType.filter((unit) => {
    const assignment = unit.assignmentId ? state.assignments.get(unit.assignmentId) : undefined;
    return assignment?.incidentId === incident.id && CANCELLABLE.has(assignment.status);
  });
  if (onTheWay.length > 0) return onTheWay.sort(byDistance)[0];
  return ofType.filter((unit) => unit.assignmentId === null).sort(byDistance)[0];
}
