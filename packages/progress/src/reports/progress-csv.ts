import type { ProgressSnapshot } from '../progress-snapshot.js';

/**
 * One CSV field: quoted (with doubled quotes) when it holds a comma, a quote
 * or a line break (RFC 4180). Unknown values are empty.
 *
 * @example
 * ```ts
 * csvField('day 12, stores'); // '"day 12, stores"'
 * csvField(undefined); // ''
 * ```
 */
export function csvField(value: string | number | undefined | null): string {
  if (value === undefined || value === null) return '';
  const text = typeof value === 'number' ? (Number.isFinite(value) ? String(value) : '') : value;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

const csvLine = (fields: readonly (string | number | undefined | null)[]): string => `${fields.map(csvField).join(',')}\r\n`;

/**
 * The CSV report: one row per snapshot (e.g. every update of a run, or every
 * job of a dashboard), with a header. Columns: time (ISO), job, status,
 * percent, stage, step, elapsed_ms, eta_ms, rows_per_second,
 * items_per_second, items, total_rows, active_alerts, then one `rows:<table>`
 * column per table seen, in order of first appearance.
 *
 * @example
 * ```ts
 * const history: ProgressSnapshot[] = [];
 * job.subscribe((update) => history.push(update.value), { intervalMs: 10_000 });
 * // ... after the run:
 * await writeFile('progress.csv', formatProgressCsv(history));
 * ```
 */
export function formatProgressCsv(snapshots: readonly ProgressSnapshot[]): string {
  const tables: string[] = [];
  for (const snapshot of snapshots) for (const table of Object.keys(snapshot.counts.rows)) if (!tables.includes(table)) tables.push(table);
  const header = ['time', 'job', 'status', 'percent', 'stage', 'step', 'elapsed_ms', 'eta_ms', 'rows_per_second', 'items_per_second', 'items', 'total_rows', 'active_alerts', ...tables.map((table) => `rows:${table}`)];
  let csv = csvLine(header);
  for (const snapshot of snapshots) {
    csv += csvLine([
      new Date(snapshot.updatedAt).toISOString(),
      snapshot.job,
      snapshot.status,
      snapshot.percent,
      snapshot.stage,
      snapshot.step,
      snapshot.elapsedMs,
      snapshot.etaMs === undefined ? undefined : Math.round(snapshot.etaMs),
      snapshot.rowsPerSecond,
      snapshot.itemsPerSecond,
      snapshot.counts.items,
      snapshot.counts.totalRows,
      snapshot.alerts.active.length,
      ...tables.map((table) => snapshot.counts.rows[table] ?? 0),
    ]);
  }
  return csv;
}

/**
 * The checkpoints and milestones of a job as CSV: kind, name, time (ISO),
 * elapsed_ms, percent, items, total_rows, data (JSON).
 *
 * @example
 * ```ts
 * await writeFile('checkpoints.csv', formatCheckpointsCsv(job.snapshot()));
 * ```
 */
export function formatCheckpointsCsv(snapshot: ProgressSnapshot): string {
  let csv = csvLine(['kind', 'name', 'time', 'elapsed_ms', 'percent', 'items', 'total_rows', 'data']);
  for (const entry of snapshot.checkpoints) {
    csv += csvLine([entry.kind, entry.name, new Date(entry.time).toISOString(), entry.elapsedMs, entry.percent, entry.counts.items, entry.counts.totalRows, entry.data === undefined ? undefined : JSON.stringify(entry.data)]);
  }
  return csv;
}
