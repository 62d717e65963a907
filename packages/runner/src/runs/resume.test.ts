import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inventory } from '@retail-datagen/generator-inventory';
import { logistics } from '@retail-datagen/generator-logistics';
import { master } from '@retail-datagen/generator-master';
import { receipts } from '@retail-datagen/generator-receipts';
import { seasonal } from '@retail-datagen/generator-seasonal';
import { openStore } from '@retail-datagen/duckdb';
import { parseConfig } from '@retail-datagen/models';
import { ProgressJob } from '@retail-datagen/progress';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateFacts } from '../generate-facts.js';
import { generateMaster } from '../generate-master.js';
import { runStageDefinitions } from '../run-stages.js';
import { listCheckpoints, listRuns } from './run-log.js';

const generators = { master, seasonal, inventory, receipts, logistics };
const config = parseConfig({
  seed: 11,
  start: '2024-11-27',
  end: '2024-12-02',
  volumes: { geographies: 10, stores: 4, distributionCenters: 2, customers: 600, products: 100 },
  traffic: { baseDailyCustomers: 120 },
});

let directory: string;
beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'retail-datagen-resume-'));
});
afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});

/** Generates master data, then facts stopped after the first day commits (days already queued still commit). */
async function stoppedRun(name: string): Promise<{ database: string; runId: string; committed: number }> {
  const database = join(directory, `${name}.duckdb`);
  await generateMaster({ database, config, generators });
  const stop = new AbortController();
  const result = await generateFacts({ database, config, generators, signal: stop.signal, onDay: () => stop.abort() });
  expect(result).toMatchObject({ cancelled: true, mode: 'new' });
  expect(result.committedDays).toBeGreaterThanOrEqual(1);
  expect(result.committedDays).toBeLessThan(5);
  return { database, runId: result.runId, committed: result.committedDays };
}

describe('resuming a fact run in process', () => {
  it('continues after the last committed day with progress starting from what was done, and records the run', async () => {
    const { database, runId, committed } = await stoppedRun('progress');
    const job = new ProgressJob({ name: 'resume', stages: runStageDefinitions({ master: false, facts: true }) });
    const percentAtDay: number[] = [];
    const result = await generateFacts({ database, config, generators, resume: true, progress: job, onDay: () => percentAtDay.push(job.percent) });
    expect(result).toMatchObject({ runId, mode: 'resume', cancelled: false, committedDays: 6, days: 6 });
    // When the first day of this call commits, committed + 1 of 6 days are done, not 1.
    expect(percentAtDay[0]).toBeGreaterThanOrEqual((100 * (committed + 1)) / 6 - 0.01);
    expect(percentAtDay).toHaveLength(6 - committed);

    const store = await openStore(database, { readOnly: true });
    try {
      const [run] = await listRuns(store);
      expect(run).toMatchObject({ runId, status: 'completed', progressPct: 100, lastCommittedDate: '2024-12-02', historyStart: '2024-11-27', seed: 11 });
      const [receiptsRows] = await store.query('SELECT count(*)::INTEGER AS n FROM fact_receipts');
      expect(run?.rows['fact_receipts']).toBe(receiptsRows?.n);
      expect((await listCheckpoints(store, runId)).map((checkpoint) => checkpoint.date)).toEqual(['2024-12-02']);
    } finally {
      store.close();
    }
  });

  it('refuses to resume a run whose facts a later run rewrote, and keeps every checkpoint when asked', async () => {
    const { database, runId } = await stoppedRun('superseded');
    const fresh = await generateFacts({ database, config, generators, keepCheckpoints: true });
    expect(fresh.mode).toBe('new');
    const store = await openStore(database, { readOnly: true });
    try {
      const runs = await listRuns(store);
      expect(runs.map((run) => [run.runId, run.status])).toEqual([
        [fresh.runId, 'completed'],
        [runId, 'cancelled'],
      ]);
      expect(runs[1]?.errorMessage).toBe(`replaced by run ${fresh.runId}, which rewrote the facts`);
      expect((await listCheckpoints(store, fresh.runId)).map((checkpoint) => checkpoint.date)).toEqual(['2024-11-27', '2024-11-28', '2024-11-29', '2024-11-30', '2024-12-01', '2024-12-02']);
      expect(await listCheckpoints(store, runId)).toEqual([]);
    } finally {
      store.close();
    }
    await expect(generateFacts({ database, config, generators, resume: runId })).rejects.toThrow(
      `run ${runId} cannot be resumed: run ${fresh.runId}, started later, rewrote the facts of ${database}`,
    );
  });
});
