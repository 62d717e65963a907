/**
 * A duration for people: `42s`, `3m 05s`, `2h 03m`, `1d 02h`; `--` when unknown.
 *
 * @example
 * ```ts
 * formatDuration(185_000); // '3m 05s'
 * formatDuration(undefined); // '--'
 * ```
 */
export function formatDuration(ms: number | undefined): string {
  if (ms === undefined || !Number.isFinite(ms)) return '--';
  const seconds = Math.max(0, Math.round(ms / 1000));
  const pad = (value: number) => String(value).padStart(2, '0');
  if (seconds < 60) return `${seconds}s`;
  if (seconds < 3_600) return `${Math.floor(seconds / 60)}m ${pad(seconds % 60)}s`;
  if (seconds < 86_400) return `${Math.floor(seconds / 3_600)}h ${pad(Math.floor((seconds % 3_600) / 60))}m`;
  return `${Math.floor(seconds / 86_400)}d ${pad(Math.floor((seconds % 86_400) / 3_600))}h`;
}

/**
 * A percent with one decimal, rounded down so that 99.96 % does not read 100.0 %.
 *
 * @example
 * ```ts
 * formatPercent(41.99); // '41.9%'
 * formatPercent(100); // '100.0%'
 * ```
 */
export function formatPercent(percent: number): string {
  return `${(Math.floor(percent * 10) / 10).toFixed(1)}%`;
}

/**
 * A count with thousands separators; `--` when unknown.
 *
 * @example
 * ```ts
 * formatCount(1234567.8); // '1,234,568'
 * ```
 */
export function formatCount(value: number | undefined): string {
  if (value === undefined || !Number.isFinite(value)) return '--';
  return Math.round(value).toLocaleString('en-US');
}

/**
 * An epoch-ms time as `2024-01-12 10:00:05 UTC`; `--` when unknown. UTC, so
 * reports read the same wherever they are made.
 *
 * @example
 * ```ts
 * formatTime(Date.UTC(2024, 0, 12, 10, 0, 5)); // '2024-01-12 10:00:05 UTC'
 * ```
 */
export function formatTime(epochMs: number | undefined): string {
  if (epochMs === undefined || !Number.isFinite(epochMs)) return '--';
  return `${new Date(epochMs).toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}
