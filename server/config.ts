import path from 'node:path';

/** Everything createApp needs; main.ts reads it from the environment, tests build it directly. */
export interface AppConfig {
  port: number;
  host: string;
  /** Where the embedded store keeps its files. */
  dataDir: string;
  /** When set, the MongoDB adapter is used instead of the embedded store. */
  mongoUri: string | null;
  /** Seed the Dalian demo world (units, incidents, demo users) into an empty store. */
  demo: boolean;
  tokenTtlMs: number;
  snapshotEvery: number;
  /** An assignment not acknowledged within this time is timed out and the next-best unit offered. */
  ackTimeoutMs: number;
  /** How often the deadline watch looks for late acknowledgements and overdue plan actions (0: never by itself). */
  deadlineWatchMs: number;
  /** How often drills fire due injects and move simulated crews, in real ms (0: only when ticked, for tests). */
  drillTickMs: number;
  /** `manual`: drill clocks move only when a test advances them (see server/drills/drill-clock.ts). */
  drillClock: 'real' | 'manual';
  /** Built browser client to serve; null serves none. */
  staticDir: string | null;
  clock: () => Date;
  log: (message: string, error?: unknown) => void;
}

export function defaultConfig(overrides: Partial<AppConfig> = {}): AppConfig {
  return {
    port: 3000,
    host: '0.0.0.0',
    dataDir: path.resolve('data'),
    mongoUri: null,
    demo: false,
    tokenTtlMs: 12 * 60 * 60 * 1000,
    snapshotEvery: 1000,
    ackTimeoutMs: 90_000,
    deadlineWatchMs: 1000,
    drillTickMs: 200,
    drillClock: 'real',
    staticDir: path.resolve('dist/client'),
    clock: () => new Date(),
    log: (message, error) => (error === undefined ? console.log(message) : console.error(message, error)),
    ...overrides,
  };
}

/** Reads the environment (and `--demo`) into a config. */
export function configFromEnvironment(argv: string[], env: NodeJS.ProcessEnv): AppConfig {
  return defaultConfig({
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? '0.0.0.0',
    dataDir: path.resolve(env.LIANDONG_DATA_DIR ?? 'data'),
    mongoUri: env.MONGODB_URI || null,
    demo: argv.includes('--demo') || env.LIANDONG_DEMO === '1',
    tokenTtlMs: Number(env.LIANDONG_TOKEN_TTL_HOURS ?? 12) * 60 * 60 * 1000,
    ackTimeoutMs: Number(env.LIANDONG_ACK_TIMEOUT_SECONDS ?? 90) * 1000,
  });
}
