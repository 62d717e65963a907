// The worker of the worker_threads test. It imports nothing from the
// TypeScript sources: the test hands it progress-port.ts compiled to
// JavaScript (workerData.portModule), and a list of updates to report.
import { parentPort, workerData } from 'node:worker_threads';

const { createProgressPort } = await import(`data:text/javascript;base64,${workerData.portModule}`);
const progress = createProgressPort(parentPort);
for (const update of workerData.updates) {
  if (update.hour === undefined) progress.markDay(update.table, update.day);
  else progress.markHour(update.table, update.day, update.hour);
}
// Messages on one port arrive in order: when the owner sees this, it has seen every update.
parentPort.postMessage({ type: 'test.done' });
