import { readFile } from 'node:fs/promises';
import { MessageChannel, Worker } from 'node:worker_threads';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { HourlyProgressTracker } from './hourly-progress-tracker.js';
import { listenForProgress } from './listen-for-progress.js';
import { createProgressPort, isProgressMessage } from './progress-port.js';

type Update = { table: string; day: number; hour?: number };

/** progress-port.ts as JavaScript a worker can import: the real source, compiled, not a copy. */
async function compiledPortModule(): Promise<string> {
  const source = await readFile(new URL('./progress-port.ts', import.meta.url), 'utf8');
  const { outputText } = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } });
  return Buffer.from(outputText).toString('base64');
}

function runWorker(portModule: string, updates: Update[], tracker: HourlyProgressTracker, errors: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./test-support/progress-worker.mjs', import.meta.url), { workerData: { portModule, updates } });
    const listener = listenForProgress(tracker, worker, { onError: (error) => errors.push(error.code) });
    worker.on('message', (message: { type?: string }) => {
      if (message?.type !== 'test.done') return;
      listener.close();
      resolve();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      listener.close();
      if (code !== 0) reject(new Error(`worker exited with ${code}`));
    });
  });
}

describe('progress from worker threads', () => {
  it('one owner applies updates from several real worker threads and ends exactly where a single thread would', async () => {
    const tables = ['sales', 'inventory', 'traffic'];
    const days = 6;
    const perWorker: Update[][] = [[], [], []];
    for (let day = 1; day <= days; day++) {
      for (const table of ['sales', 'inventory']) for (let hour = 0; hour < 24; hour++) perWorker[day % 3]?.push({ table, day, hour });
    }
    // Overlaps: every worker repeats day 1 of sales, and traffic comes as whole days and single hours.
    for (const updates of perWorker) for (let hour = 0; hour < 24; hour++) updates.push({ table: 'sales', day: 1, hour });
    perWorker[0]?.push({ table: 'traffic', day: 1 }, { table: 'traffic', day: 2 });
    perWorker[1]?.push({ table: 'traffic', day: 2, hour: 3 }, { table: 'traffic', day: 4, hour: 9 });
    // Refused updates: the owner reports them and keeps going.
    perWorker[2]?.push({ table: 'traffic', day: 1, hour: 24 }, { table: 'returns', day: 1, hour: 0 }, { table: 'traffic', day: 7 });

    const owner = new HourlyProgressTracker({ tables, days });
    const errors: string[] = [];
    const portModule = await compiledPortModule();
    await Promise.all(perWorker.map((updates) => runWorker(portModule, updates, owner, errors)));

    const single = new HourlyProgressTracker({ tables, days });
    for (const update of perWorker.flat()) {
      try {
        if (update.hour === undefined) single.markDay(update.table, update.day);
        else single.markHour(update.table, update.day, update.hour);
      } catch {
        // the same three refused updates
      }
    }
    expect(owner.toJSON()).toEqual(single.toJSON());
    expect(owner.tableProgress('sales')).toBe(1);
    expect(owner.tableProgress('inventory')).toBe(1);
    expect(owner.tableProgress('traffic')).toBe(49 / 144);
    expect(owner.tablesInProgress()).toEqual(['traffic']);
    expect(owner.current()).toEqual({ day: 6, hour: 23 });
    expect(errors.sort()).toEqual(['PROGRESS_DAY_OUT_OF_RANGE', 'PROGRESS_HOUR_OUT_OF_RANGE', 'PROGRESS_UNKNOWN_TABLE']);
  });

  it('ignores other messages on the same port and stops applying after close', async () => {
    const { port1, port2 } = new MessageChannel();
    const tracker = new HourlyProgressTracker({ tables: ['sales'], days: 1 });
    const applied: number[] = [];
    const listener = listenForProgress(tracker, port1, { onUpdate: (message) => applied.push(message.kind === 'hour' ? message.hour : -1) });
    const arrived = (marker: string) =>
      new Promise<void>((resolve) => {
        const wait = (message: unknown) => {
          if (message === marker) {
            port1.off('message', wait);
            resolve();
          }
        };
        port1.on('message', wait);
      });
    const reporter = createProgressPort(port2);
    reporter.markHour('sales', 1, 3);
    port2.postMessage({ type: 'something else', hour: 4 });
    port2.postMessage('first');
    await arrived('first');
    listener.close();
    reporter.markHour('sales', 1, 5);
    port2.postMessage('second');
    await arrived('second');
    port1.close();
    expect(applied).toEqual([3]);
    expect(tracker.tableProgress('sales')).toBe(1 / 24);
    expect(listener.errors).toEqual([]);
  });

  it('tags its messages so they are told apart from other traffic', () => {
    const sent: unknown[] = [];
    createProgressPort({ postMessage: (message) => sent.push(message) }).markDay('sales', 2);
    expect(sent).toEqual([{ type: 'retail-datagen.progress', version: 1, kind: 'day', table: 'sales', day: 2 }]);
    expect(isProgressMessage(sent[0])).toBe(true);
    expect(isProgressMessage({ type: 'retail-datagen.progress', version: 2, kind: 'day' })).toBe(false);
    expect(isProgressMessage(null)).toBe(false);
  });
});
