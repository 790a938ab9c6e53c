// Runs in its own process: N socket.io clients plus one sender, so all timing happens in one event loop
// and the server under test has the other process to itself.
import { performance } from 'node:perf_hooks';
import { io, type Socket } from 'socket.io-client';

interface Job {
  url: string;
  clients: number;
  messages: number;
  /** For Liandong: a token for the receivers and one for the sender; for the baseline: none. */
  receiverToken?: string;
  senderToken?: string;
  mode: 'liandong' | 'bare';
}

const job = JSON.parse(process.argv[2]!) as Job;
const connectOptions = (token?: string) => ({
  transports: ['websocket'],
  forceNew: true,
  reconnection: false,
  ...(token ? { auth: { token, protocol: 1, world: 'live' } } : {}),
});

function connected(socket: Socket) {
  return new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
}

const receivers: Socket[] = [];
for (let i = 0; i < job.clients; i++) receivers.push(io(job.url, connectOptions(job.receiverToken)));
const sender = io(job.url, connectOptions(job.senderToken));
await Promise.all([...receivers, sender].map(connected));

const eventName = job.mode === 'liandong' ? 'incident:reported' : 'broadcast';
const perMessage: number[][] = [];
let current: { sentAt: number; arrivals: number[]; done: () => void } | null = null;
for (const receiver of receivers)
  receiver.on(eventName, () => {
    if (!current) return;
    current.arrivals.push(performance.now() - current.sentAt);
    if (current.arrivals.length === job.clients) current.done();
  });

for (let m = 0; m < job.messages; m++) {
  await new Promise<void>((resolve) => {
    current = { sentAt: performance.now(), arrivals: [], done: resolve };
    if (job.mode === 'liandong')
      sender.emit(
        'incident:report',
        {
          idempotencyKey: `bench-${m}-${Math.random().toString(36).slice(2)}`,
          category: 'accident',
          subtype: 'road_traffic',
          level: 'IV',
          location: { lat: 38.91, lon: 121.6 },
          description: `bench ${m}`,
        },
        () => undefined,
      );
    else sender.emit('broadcast', { m, description: `bench ${m}`, location: { lat: 38.91, lon: 121.6 } });
  });
  perMessage.push(current!.arrivals);
}
for (const socket of [...receivers, sender]) socket.close();
process.send!(perMessage, () => process.exit(0));
