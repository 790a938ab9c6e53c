import type { StoredEventOf } from '../protocol/events.js';
import type { WorldState } from './state.js';

type DrillEvent = StoredEventOf<'drill:created' | 'drill:clock-changed' | 'drill:inject-fired'>;

/** The drill part of `evolve`: what the drill world knows about its own exercise. */
export function evolveDrills(state: WorldState, event: DrillEvent): WorldState {
  switch (event.type) {
    case 'drill:created':
      state.drill = { ...event.data, status: 'created', speed: 1, injectsFired: [] };
      return state;
    case 'drill:clock-changed':
      if (state.drill) state.drill = { ...state.drill, status: event.data.status, speed: event.data.speed };
      return state;
    case 'drill:inject-fired':
      if (state.drill) state.drill = { ...state.drill, injectsFired: [...state.drill.injectsFired, event.data.injectId] };
      return state;
  }
}
