import { createApp } from './app.js';
import { configFromEnvironment } from './config.js';

// Reads the environment, builds the app, listens. Everything else lives in createApp.
const config = configFromEnvironment(process.argv.slice(2), process.env);
const app = await createApp(config);
const port = await app.listen();
config.log(`Liandong listening on http://localhost:${port} (store: ${app.store.kind}${app.store.kind === 'sqlite' ? ` in ${config.dataDir}` : ''})`);

for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.once(signal, () => {
    config.log(`${signal}: finishing queued commands, then stopping`);
    void app.close().then(() => process.exit(0));
  });
