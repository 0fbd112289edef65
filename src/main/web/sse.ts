import type { ServerResponse } from 'node:http';
import { EVENT_NAMES } from '../../shared/contract';
import type { Service } from '../service/service-api';

/** A comment line now and then keeps proxies and idle timeouts from closing a quiet stream. */
const HEARTBEAT_MS = 15_000;

/**
 * Streams every contract event to one client as Server-Sent Events (`event: <name>`, JSON
 * data), starting with the current engine status so a page that opens late is in step.
 * Returns a function that ends the stream.
 */
export async function streamEvents(service: Service, res: ServerResponse): Promise<() => void> {
  res.writeHead(200, {
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-store',
    Connection: 'keep-alive',
    'X-Content-Type-Options': 'nosniff',
  });
  const send = (name: string, payload: unknown): void => {
    if (!res.writableEnded) res.write(`event: ${name}\ndata: ${JSON.stringify(payload)}\n\n`);
  };
  const unsubscribers = EVENT_NAMES.map((name) =>
    service.on(name, (payload) => send(name, payload)),
  );
  const heartbeat = setInterval(() => {
    if (!res.writableEnded) res.write(': keep-alive\n\n');
  }, HEARTBEAT_MS);
  heartbeat.unref();
  let ended = false;
  const end = (): void => {
    if (ended) return;
    ended = true;
    clearInterval(heartbeat);
    unsubscribers.forEach((unsubscribe) => unsubscribe());
    if (!res.writableEnded) res.end();
  };
  res.on('close', end);
  send('engineStatus', await service.getEngineStatus());
  return end;
}
