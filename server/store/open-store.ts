import type { AppConfig } from '../config.js';
import type { EventStore } from './port.js';
import { openSqliteStore } from './sqlite-store.js';

/** The embedded SQLite store by default; MongoDB when a URI is configured. */
export async function openStore(config: Pick<AppConfig, 'dataDir' | 'mongoUri'>): Promise<EventStore> {
  if (config.mongoUri) {
    const { openMongoStore } = await import('./mongo-store.js');
    return openMongoStore(config.mongoUri);
  }
  return openSqliteStore(config.dataDir);
}
