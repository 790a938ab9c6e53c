// Creates (or updates) a real user account in the configured store:
//   npx tsx scripts/create-user.ts <username> <role> [unitId]   — the password is read from stdin.
import { createInterface } from 'node:readline/promises';
import { RoleSchema } from '../shared/index.js';
import { hashPassword } from '../server/auth/passwords.js';
import { configFromEnvironment } from '../server/config.js';
import { openStore } from '../server/store/open-store.js';

const [username, role, unitId] = process.argv.slice(2);
const parsedRole = RoleSchema.safeParse(role);
if (!username || !parsedRole.success) {
  console.error(`usage: create-user <username> <${RoleSchema.options.join('|')}> [unitId]`);
  process.exit(2);
}
if (parsedRole.data === 'field' && !unitId) {
  console.error('a field account must be bound to a unit id');
  process.exit(2);
}
const prompt = createInterface({ input: process.stdin, output: process.stdout });
const password = await prompt.question('password: ');
prompt.close();
if (password.length < 10) {
  console.error('use at least 10 characters');
  process.exit(2);
}
const store = await openStore(configFromEnvironment([], process.env));
await store.putUser({
  id: `USR-${username}`,
  username,
  displayName: username,
  role: parsedRole.data,
  unitId: unitId ?? null,
  passwordHash: await hashPassword(password),
  demo: false,
});
await store.close();
console.log(`user ${username} (${parsedRole.data}) saved`);
