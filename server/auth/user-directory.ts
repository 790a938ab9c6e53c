import type { User } from '../../shared/index.js';
import type { EventStore, UserRecord } from '../store/port.js';
import { verifyPassword } from './passwords.js';

/** The user table, cached in memory: looked up on every login and socket handshake. */
export async function createUserDirectory(store: EventStore) {
  const byId = new Map<string, UserRecord>();
  const byName = new Map<string, UserRecord>();
  const remember = (record: UserRecord) => {
    byId.set(record.id, record);
    byName.set(record.username, record);
  };
  for (const record of await store.listUsers()) remember(record);

  return {
    async put(record: UserRecord) {
      await store.putUser(record);
      remember(record);
    },
    byId(id: string): User | null {
      const record = byId.get(id);
      return record ? publicUser(record) : null;
    },
    /** The user with this username (drills name their trainees by username); null when there is none. */
    byUsername(username: string): User | null {
      const record = byName.get(username);
      return record ? publicUser(record) : null;
    },
    /** The user if the password is right; null otherwise (same answer for unknown user and bad password). */
    async authenticate(username: string, password: string): Promise<User | null> {
      const record = byName.get(username);
      // Hash anyway when the user is unknown, so timing does not tell which usernames exist.
      const ok = await verifyPassword(password, record?.passwordHash ?? DUMMY_HASH);
      return record && ok ? publicUser(record) : null;
    },
    demoAccounts(): UserRecord[] {
      return [...byId.values()].filter((record) => record.demo);
    },
    count: () => byId.size,
  };
}
export type UserDirectory = Awaited<ReturnType<typeof createUserDirectory>>;

const DUMMY_HASH = 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';

export function publicUser(record: UserRecord): User {
  return { id: record.id, username: record.username, displayName: record.displayName, role: record.role, unitId: record.unitId };
}
