import type { WorldId } from '../../shared/index.js';
import type { LiveClient } from '../net/live-client.js';
import type { Outbox } from '../net/outbox.js';
import type { Session } from '../net/session.js';
import type { WorldStore } from '../store/world-store.js';
import type { LocationSharing } from './location-sharing.js';

/** The page name sessions are stored under (the console keeps its own). */
export const FIELD_PAGE = 'field';

/**
 * Text a person has typed but not sent. It lives outside the views because a language switch rebuilds
 * every view, and nobody should lose half a situation report to that.
 */
export interface FieldDrafts {
  note: string;
  declineReason: string;
  report: { category: string; subtype: string; level: string; address: string; casualties: string; description: string };
  reportOpen: boolean;
}

export function emptyDrafts(): FieldDrafts {
  return { note: '', declineReason: '', report: { category: '', subtype: '', level: 'IV', address: '', casualties: '', description: '' }, reportOpen: false };
}

/** Everything the field views share; built once per login, outliving re-renders. */
export interface FieldContext {
  session: Session;
  world: WorldId;
  unitId: string;
  store: WorldStore;
  client: LiveClient;
  outbox: Outbox;
  location: LocationSharing;
  drafts: FieldDrafts;
}

/** What tests reach through `window.__liandong` on the field page. */
export interface FieldTestHandle {
  store: WorldStore;
  client: LiveClient;
  outbox: Outbox;
}
