// Generates docs/protocol.md from the schemas in shared/, so the document cannot drift from the contract.
//   npx tsx scripts/protocol-doc.ts          — writes docs/protocol.md
//   npx tsx scripts/protocol-doc.ts --check  — exits 1 if the file is out of date
import fs from 'node:fs';
import { z } from 'zod';
import { COMMAND_SCHEMAS, ERROR_CODES, EVENT_SCHEMAS, HTTP_STATUS, PROTOCOL_VERSION, REQUEST_SCHEMAS, ROLE_COMMANDS } from '../shared/index.js';

interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  enum?: unknown[];
  const?: unknown;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  pattern?: string;
  format?: string;
  default?: unknown;
  description?: string;
}

function describeType(schema: JsonSchema): string {
  if (schema.enum) return schema.enum.length > 8 ? `one of ${schema.enum.length} codes (see shared/)` : schema.enum.map((v) => `\`${String(v)}\``).join(' \\| ');
  if (schema.const !== undefined) return `\`${JSON.stringify(schema.const)}\``;
  if (schema.anyOf) return schema.anyOf.map(describeType).join(' or ');
  if (schema.type === 'array') return `array of ${schema.items ? describeType(schema.items) : 'any'}`;
  if (schema.type === 'object' && schema.properties)
    return `{ ${Object.entries(schema.properties)
      .map(([name, property]) => `${name}: ${describeType(property)}`)
      .join(', ')} }`;
  const bounds = [
    schema.minimum !== undefined && `≥ ${schema.minimum}`,
    schema.maximum !== undefined && `≤ ${schema.maximum}`,
    schema.minLength !== undefined && `${schema.minLength}–${schema.maxLength ?? '∞'} chars`,
    schema.minItems !== undefined && `${schema.minItems}–${schema.maxItems ?? '∞'} items`,
    schema.format,
  ].filter(Boolean);
  return `${Array.isArray(schema.type) ? schema.type.join('/') : (schema.type ?? 'any')}${bounds.length ? ` (${bounds.join(', ')})` : ''}`;
}

function fieldTable(schema: z.ZodType, io: 'input' | 'output'): string {
  const json = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonSchema;
  const rows = Object.entries(json.properties ?? {}).map(([name, property]) => {
    const required = json.required?.includes(name) ? 'yes' : property.default !== undefined ? `no (default ${JSON.stringify(property.default)})` : 'no';
    return `| \`${name}\` | ${describeType(property)} | ${required} |`;
  });
  return rows.length ? ['| field | type | required |', '|---|---|---|', ...rows].join('\n') : '_no fields_';
}

const rolesFor = (name: string) =>
  Object.entries(ROLE_COMMANDS)
    .filter(([, commands]) => (commands as readonly string[]).includes(name))
    .map(([role]) => role)
    .join(', ');

export function renderProtocolDoc(): string {
  const commands = Object.entries(COMMAND_SCHEMAS)
    .map(([name, schema]) => `### \`${name}\`\nAllowed for: ${rolesFor(name) || '—'} (and instructors inside drills).\n\n${fieldTable(schema, 'input')}\n`)
    .join('\n');
  const requests = Object.entries(REQUEST_SCHEMAS)
    .map(([name, schema]) => `### \`${name}\`\n${fieldTable(schema, 'input')}\n`)
    .join('\n');
  const events = Object.entries(EVENT_SCHEMAS)
    .map(([name, schema]) => `### \`${name}\`\n${fieldTable(schema, 'output')}\n`)
    .join('\n');
  const errors = ERROR_CODES.map((code) => `| \`${code}\` | ${HTTP_STATUS[code]} |`).join('\n');
  return `# Liandong protocol (version ${PROTOCOL_VERSION})

_Generated from the zod schemas in \`shared/\` by \`npx tsx scripts/protocol-doc.ts\`; a test fails when it is out of date._

Everything here can be driven with \`socket.io-client\` alone.

## 1. Log in (HTTP)

\`\`\`
POST /api/login   {"username": "dispatcher", "password": "dispatcher-demo"}
→ {"ok": true, "data": {"token": "<bearer token>", "expiresAt": "<ISO time>", "user": {id, username, displayName, role, unitId}}}
\`\`\`

The token is also the \`Authorization: Bearer <token>\` for the REST reads:
\`GET /api/incidents[?status=all]\`, \`GET /api/incidents/:id\`, \`GET /api/incidents/:id/timeline\` (its events, in log
order), \`GET /api/units\`, \`GET /api/assignments\`, \`GET /api/export/geojson\` (RFC 7946, \`[lon, lat]\`).
Add \`?world=drill:<id>\` to read a drill's world; drills are created and run over \`/api/drills\` (see \`docs/drills.md\`).
\`GET /api/health\` and \`GET /api/ready\` need no token.

## 2. Connect

\`\`\`ts
import { io } from 'socket.io-client';
const socket = io('http://localhost:3000', { auth: { token, protocol: ${PROTOCOL_VERSION}, world: 'live' } });
socket.on('connect_error', (error) => console.log(error.data)); // { code: 'UNAUTHENTICATED' | 'PROTOCOL_MISMATCH' | 'WRONG_WORLD' | 'FORBIDDEN', message }
socket.on('session:ready', ({ user, world, headSeq, protocol }) => { /* connected */ });
\`\`\`

A dispatcher, supervisor, viewer or admin joins the world's room (\`ops\` for live operations, \`drill:<id>\` for a drill)
and receives every event of that world. A field user joins \`unit:<its unit>\` and receives only its unit's events, its
assignments' events and the events of incidents it is assigned to.

## 3. Start from a snapshot, then follow events

\`\`\`ts
const ack = await socket.emitWithAck('sync:snapshot', {});
// ack.data = { world, seq, serverTime, user, incidents, units, assignments }
\`\`\`

Every event arrives under its own name (\`incident:reported\`, …) as
\`{ seq, prev, stream, version, at, actor: {userId, role}, world, type, data }\`.
\`seq\` is the global sequence number; \`prev\` is the sequence number of the previous event sent to the same audience.
Keep the last \`seq\` you applied (\`last\`): ignore an event with \`seq <= last\`; if \`prev > last\` you missed something —
ask for it:

\`\`\`ts
const missed = await socket.emitWithAck('sync:since', { afterSeq: last });
// { kind: 'events', events, headSeq }   — exactly the events you may see after \`last\`, in order
// { kind: 'snapshot-required', headSeq } — too far behind: take a new snapshot
\`\`\`

Do the same after every reconnect. The fold of events into state is \`evolve\` in \`shared/world/evolve.ts\`.

## 4. Send commands

Every command is \`socket.emit(name, payload, ack)\`. Each payload carries an \`idempotencyKey\` you make (8–100 of
\`A-Z a-z 0-9 _ . : -\`); send the same key again after a timeout or reconnect and you get the first answer back
(\`replayed: true\`) and nothing is written twice. Reusing a key for a different command gives \`IDEMPOTENCY_MISMATCH\`.
Commands that name an existing object may carry \`expectedVersion\` (the \`version\` you saw); if it moved on you get
\`STALE_VERSION\` and nothing changes.

Every ack has one shape:

\`\`\`ts
{ ok: true, data: { lastSeq, createdIds, replayed } }
{ ok: false, error: { code, message, details? } }   // details.issues[] = { path, message } for BAD_REQUEST
\`\`\`

The ack is sent only after the command's events are committed to disk. A refused command writes nothing.

${commands}
## 5. Requests

${requests}
## 6. Events

Each event's \`data\`:

${events}
## 7. Error codes

| code | HTTP status on the REST side |
|---|---|
${errors}
`;
}

const document = renderProtocolDoc();
if (process.argv.includes('--check')) {
  const current = fs.existsSync('docs/protocol.md') ? fs.readFileSync('docs/protocol.md', 'utf8') : '';
  if (current !== document) {
    console.error('docs/protocol.md is out of date: run npx tsx scripts/protocol-doc.ts');
    process.exit(1);
  }
} else if (process.argv[1]?.endsWith('protocol-doc.ts')) {
  fs.mkdirSync('docs', { recursive: true });
  fs.writeFileSync('docs/protocol.md', document);
  console.log('wrote docs/protocol.md');
}
