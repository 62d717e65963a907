// Load test of the API during a run (a script, not a timed test; `pnpm --filter @retail-datagen/api load-test`).
// Starts the server on a temporary DuckDB file, starts a run, and meanwhile keeps POLLERS clients polling
// GET /api/runs/:id (each waiting POLL_INTERVAL_MS between its requests) and STREAMS clients holding
// GET /api/runs/:id/events open, until the run ends. Prints failed requests (there should be none) and the
// latency percentiles. Every loop stops when the run ends, or after MAX_SECONDS at the latest. The server
// runs in a child process (load-test-server.js), the clients in this one.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

const pollers = Number(process.env['POLLERS'] ?? 200);
const streams = Number(process.env['STREAMS'] ?? 50);
const pollIntervalMs = Number(process.env['POLL_INTERVAL_MS'] ?? 100);
const days = Number(process.env['DAYS'] ?? 10);
const maxSeconds = Number(process.env['MAX_SECONDS'] ?? 600);

interface RunView {
  status: string;
  percent: number;
  totalRows: number;
  elapsedMs: number;
  workers: number;
}

const directory = await mkdtemp(join(tmpdir(), 'retail-datagen-load-'));
// SERVER_NODE_FLAGS: extra Node flags for the server process, e.g. `--cpu-prof --cpu-prof-dir=/tmp/profile`.
const serverFlags = (process.env['SERVER_NODE_FLAGS'] ?? '').split(' ').filter((flag) => flag !== '');
const child = spawn(process.execPath, [...serverFlags, new URL('./load-test-server.js', import.meta.url).pathname, join(directory, 'load.duckdb')], { stdio: ['ignore', 'pipe', 'inherit'] });
const server = { url: await firstLine(child.stdout) };
const failures: string[] = [];
const latencies: number[] = [];
const deadline = performance.now() + maxSeconds * 1000;

try {
  const started = await fetch(`${server.url}/api/runs`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ days }) });
  if (started.status !== 202) throw new Error(`POST /api/runs answered ${started.status}: ${await started.text()}`);
  const { runId } = (await started.json()) as { runId: string };
  console.log(`load test on ${availableParallelism()} cores: ${pollers} clients polling GET /api/runs/:id every ${pollIntervalMs} ms and ${streams} holding its event stream, during a run of ${days} days (default volumes)`);
  const runStarted = performance.now();
  let ended = false;

  const poll = async (client: number) => {
    while (!ended && performance.now() < deadline) {
      const begin = performance.now();
      try {
        const response = await fetch(`${server.url}/api/runs/${runId}`);
        const body = (await response.json()) as RunView;
        latencies.push(performance.now() - begin);
        if (response.status !== 200) failures.push(`poller ${client}: status ${response.status}`);
        else if (body.status !== 'running') ended = true;
      } catch (error) {
        failures.push(`poller ${client}: ${(error as Error).message}`);
      }
      await new Promise((resolve) => setTimeout(resolve, pollIntervalMs));
    }
  };

  const eventCounts: number[] = [];
  const follow = async (client: number) => {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), Math.max(0, deadline - performance.now()));
    try {
      const response = await fetch(`${server.url}/api/runs/${runId}/events`, { signal: controller.signal });
      if (response.status !== 200 || response.body === null) {
        failures.push(`stream ${client}: status ${response.status}`);
        return;
      }
      const decoder = new TextDecoder();
      let buffer = '';
      let events = 0;
      let last = '';
      let percent = 0;
      for await (const chunk of response.body) {
        buffer += decoder.decode(chunk as Uint8Array, { stream: true });
        let boundary: number;
        while ((boundary = buffer.indexOf('\n\n')) >= 0) {
          const frame = buffer.slice(0, boundary);
          buffer = buffer.slice(boundary + 2);
          const type = /^event: (.*)$/m.exec(frame)?.[1];
          const data = /^data: (.*)$/m.exec(frame)?.[1];
          if (type === undefined || data === undefined) continue;
          const run = JSON.parse(data) as RunView;
          if (run.percent < percent) failures.push(`stream ${client}: percent fell from ${percent} to ${run.percent}`);
          percent = run.percent;
          events++;
          last = type;
        }
      }
      eventCounts.push(events);
      if (last !== 'end') failures.push(`stream ${client}: closed after ${events} events without the end event`);
    } catch (error) {
      failures.push(`stream ${client}: ${(error as Error).message}`);
    } finally {
      clearTimeout(timer);
    }
  };

  await Promise.all([...Array.from({ length: streams }, (_, client) => follow(client)), ...Array.from({ length: pollers }, (_, client) => poll(client))]);
  const seconds = (performance.now() - runStarted) / 1000;
  const final = (await (await fetch(`${server.url}/api/runs/${runId}`)).json()) as RunView;

  latencies.sort((a, b) => a - b);
  const at = (share: number) => latencies[Math.min(latencies.length - 1, Math.floor(share * latencies.length))] ?? Number.NaN;
  const ms = (value: number) => `${value.toFixed(1)} ms`;
  eventCounts.sort((a, b) => a - b);
  console.log(`run: ${final.status} in ${seconds.toFixed(1)} s, ${final.totalRows.toLocaleString('en-US')} rows (${Math.round(final.totalRows / (final.elapsedMs / 1000)).toLocaleString('en-US')} rows/s), ${final.workers} worker thread(s)`);
  console.log(
    `GET /api/runs/:id: ${latencies.length.toLocaleString('en-US')} requests (${Math.round(latencies.length / seconds)} req/s), ` +
      `p50 ${ms(at(0.5))}, p90 ${ms(at(0.9))}, p99 ${ms(at(0.99))}, max ${ms(latencies.at(-1) ?? Number.NaN)}`,
  );
  console.log(`event streams: ${eventCounts.length} of ${streams} ended with the end event; events per stream min ${eventCounts[0] ?? 0}, median ${eventCounts[Math.floor(eventCounts.length / 2)] ?? 0}, max ${eventCounts.at(-1) ?? 0}`);
  console.log(`failed requests: ${failures.length}`);
  for (const failure of failures.slice(0, 20)) console.log(`  ${failure}`);
  if (final.status !== 'completed') failures.push(`the run ended ${final.status}`);
  process.exitCode = failures.length === 0 ? 0 : 1;
} finally {
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  await exited;
  await rm(directory, { recursive: true, force: true });
}

async function firstLine(stream: NodeJS.ReadableStream): Promise<string> {
  let text = '';
  for await (const chunk of stream) {
    text += String(chunk);
    const end = text.indexOf('\n');
    if (end >= 0) return text.slice(0, end).trim();
  }
  throw new Error('the load-test server exited before printing its URL');
}
