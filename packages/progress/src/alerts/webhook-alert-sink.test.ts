import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { AlertMonitor } from './alert-monitor.js';
import { createWebhookAlertSink } from './webhook-alert-sink.js';

interface Received {
  method: string | undefined;
  headers: IncomingHttpHeaders;
  body: unknown;
}

const servers: Server[] = [];

/** A real local HTTP server on a free port; `answer` picks the status (or never answers). */
async function startServer(answer: (request: number) => number | 'hang'): Promise<{ url: string; received: Received[] }> {
  const received: Received[] = [];
  const server = createServer((request, response) => {
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => (body += chunk));
    request.on('end', () => {
      received.push({ method: request.method, headers: request.headers, body: JSON.parse(body) });
      const status = answer(received.length);
      if (status === 'hang') return;
      response.writeHead(status, { 'content-type': 'text/plain' }).end(status < 300 ? 'ok' : 'no');
    });
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/alerts`, received };
}

afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

describe('createWebhookAlertSink', () => {
  it('POSTs each alert event as JSON to a real HTTP server', async () => {
    const { url, received } = await startServer(() => 204);
    const monitor = new AlertMonitor({
      job: 'nightly',
      now: () => 1_700_000_000_000,
      rules: [{ id: 'slow', metric: 'rowsPerSecond', below: 1000 }],
      sinks: [createWebhookAlertSink({ url, headers: { authorization: 'Bearer test-token' } })],
    });
    monitor.evaluate({ rowsPerSecond: 10 });
    monitor.evaluate({ rowsPerSecond: 2000 });
    await monitor.settled();
    expect(monitor.sinkFailures).toEqual([]);
    expect(received.map((request) => request.method)).toEqual(['POST', 'POST']);
    expect(received[0]?.headers['content-type']).toBe('application/json');
    expect(received[0]?.headers['authorization']).toBe('Bearer test-token');
    expect(received.map((request) => request.body)).toEqual([
      { type: 'fired', alert: expect.objectContaining({ id: 'slow#1', job: 'nightly', value: 10, threshold: 1000 }) },
      { type: 'resolved', alert: expect.objectContaining({ id: 'slow#1', resolvedValue: 2000, resolvedAt: 1_700_000_000_000 }) },
    ]);
  });

  it('records an error answer, a refused connection and a timeout as sink failures, and the job goes on', async () => {
    const failing = await startServer(() => 500);
    const hanging = await startServer(() => 'hang');
    const closed = await startServer(() => 200);
    const closedServer = servers.pop() as Server;
    await new Promise((resolve) => closedServer.close(resolve));

    const monitor = new AlertMonitor({
      now: () => 0,
      sinks: [
        createWebhookAlertSink({ url: failing.url, name: 'error answer' }),
        createWebhookAlertSink({ url: closed.url, name: 'refused' }),
        createWebhookAlertSink({ url: hanging.url, name: 'hanging', timeoutMs: 200 }),
      ],
    });
    expect(() => monitor.error(new Error('disk full'), { context: { day: 3 } })).not.toThrow();
    await monitor.settled();
    const failures = Object.fromEntries(monitor.sinkFailures.map((failure) => [failure.sink, failure.error]));
    expect(Object.keys(failures).sort()).toEqual(['error answer', 'hanging', 'refused']);
    expect(failures['error answer']).toBe(`${failing.url} answered 500 Internal Server Error`);
    expect(failing.received[0]?.body).toMatchObject({ type: 'fired', alert: { message: 'disk full', context: { day: 3 } } });
    expect(hanging.received).toHaveLength(1);
  });
});
