import { getPriority } from 'node:os';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { workerNice } from './thread-priority.js';

// Worker threads load the compiled module, as the run's pool does (`pnpm test` builds first).
const built = new URL('../../dist/workers/thread-priority.js', import.meta.url).href;

describe('yieldToWriter', () => {
  it.runIf(process.platform === 'linux')("lowers a worker thread's priority to workerNice and leaves the main thread's", async () => {
    const mainBefore = getPriority();
    const code = `
      const { parentPort } = require('node:worker_threads');
      const { getPriority } = require('node:os');
      import(${JSON.stringify(built)}).then(({ yieldToWriter }) => parentPort.postMessage({ lowered: yieldToWriter(), nice: getPriority() }));
    `;
    const worker = new Worker(code, { eval: true });
    try {
      const reported = await new Promise<{ lowered: boolean; nice: number }>((resolve, reject) => {
        worker.once('message', resolve);
        worker.once('error', reject);
      });
      expect(reported).toEqual({ lowered: true, nice: workerNice });
      expect(getPriority()).toBe(mainBefore);
    } finally {
      await worker.terminate();
    }
  });
});
