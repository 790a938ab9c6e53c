import type { User, WorldId } from '../../shared/index.js';

/** Something that owns worlds other than `live` — the drills do — and says who acts in them, and how. */
export interface WorldProvider {
  owns(world: WorldId): boolean;
  /** The user as they act in this world (a trainee's role and drill unit), or null if they take no part. */
  userInWorld(user: User, world: WorldId): User | null;
  /** The clock of this world: drills run on a simulated clock the whole drill world shares. */
  clockOf(world: WorldId): () => Date;
}

/** Which worlds exist, who may enter each, and each world's clock. Live operations use the real clock. */
export function createWorldDirectory(liveClock: () => Date) {
  const providers: WorldProvider[] = [];
  const providerOf = (world: WorldId) => providers.find((provider) => provider.owns(world));
  return {
    addProvider(provider: WorldProvider) {
      providers.push(provider);
    },
    exists(world: WorldId): boolean {
      return world === 'live' || providerOf(world) !== undefined;
    },
    userInWorld(user: User, world: WorldId): User | null {
      if (world === 'live') return user;
      return providerOf(world)?.userInWorld(user, world) ?? null;
    },
    clockOf(world: WorldId): () => Date {
      return world === 'live' ? liveClock : (providerOf(world)?.clockOf(world) ?? liveClock);
    },
  };
}
export type WorldDirectory = ReturnType<typeof createWorldDirectory>;
