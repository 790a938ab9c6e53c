/**
 * Slows password guessing: after `maxFailures` wrong passwords for one username within `windowMs`, that
 * username is refused until the window has passed. Kept in memory: a restart forgets it, which is fine
 * for a throttle (the hashes still cost ~50 ms each).
 */
export function createLoginThrottle(options: { maxFailures: number; windowMs: number; now: () => number }) {
  const failures = new Map<string, number[]>();
  const recent = (username: string) => (failures.get(username) ?? []).filter((at) => options.now() - at < options.windowMs);
  return {
    /** Milliseconds until this username may try again; 0 when it may try now. */
    retryAfterMs(username: string): number {
      const attempts = recent(username);
      if (attempts.length < options.maxFailures) return 0;
      return options.windowMs - (options.now() - attempts[attempts.length - options.maxFailures]!);
    },
    failed(username: string) {
      failures.set(username, [...recent(username), options.now()]);
    },
    succeeded(username: string) {
      failures.delete(username);
    },
  };
}
export type LoginThrottle = ReturnType<typeof createLoginThrottle>;
