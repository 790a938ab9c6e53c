import { describe, expectTypeOf, it } from 'vitest';
import type { Socket as ClientSocket } from 'socket.io-client';
import type {
  Ack,
  ClientToServerEvents,
  CommandInput,
  CommandResult,
  DeliveredEvent,
  ServerToClientEvents,
  StoredEventOf,
} from '../../shared/index.js';

type Client = ClientSocket<ServerToClientEvents, ClientToServerEvents>;

describe('the socket contract at the type level', () => {
  it('a command takes its own payload and answers with the one ack shape', () => {
    type ReportHandler = ClientToServerEvents['incident:report'];
    expectTypeOf<Parameters<ReportHandler>[0]>().toEqualTypeOf<CommandInput<'incident:report'>>();
    expectTypeOf<Parameters<Parameters<ReportHandler>[1]>[0]>().toEqualTypeOf<Ack<CommandResult>>();
  });

  it('a server event carries its own data and the delivery fields', () => {
    type Reported = Parameters<ServerToClientEvents['incident:reported']>[0];
    expectTypeOf<Reported['data']>().toEqualTypeOf<StoredEventOf<'incident:reported'>['data']>();
    expectTypeOf<Reported>().toMatchTypeOf<DeliveredEvent>();
    expectTypeOf<Reported['prev']>().toBeNumber();
  });

  it('the client cannot emit a server event, nor a command with the wrong payload', () => {
    const emit = (socket: Client) => {
      // @ts-expect-error — incident:reported is a server → client event
      socket.emit('incident:reported', {});
      // @ts-expect-error — dispatch needs unitIds
      socket.emit('incident:dispatch', { idempotencyKey: 'k-12345678', incidentId: 'INC-1' }, () => undefined);
      socket.emit('incident:dispatch', { idempotencyKey: 'k-12345678', incidentId: 'INC-1', unitIds: ['U-1'] }, (ack) => {
        expectTypeOf(ack).toEqualTypeOf<Ack<CommandResult>>();
      });
    };
    expectTypeOf(emit).toBeFunction();
  });

  it('a handler of a request cannot answer with another request\'s result', () => {
    type SinceAck = Parameters<Parameters<ClientToServerEvents['sync:since']>[1]>[0];
    // @ts-expect-error — a snapshot is not a sync:since answer
    const wrong: SinceAck = { ok: true, data: { world: 'live', seq: 0, serverTime: '', user: {} as never, incidents: [], units: [], assignments: [] } };
    expectTypeOf(wrong).not.toBeAny();
  });
});
