import { describe, expect, it } from 'vitest';
import { parseCsv } from '../test-support/parse-csv.js';
import { sampleJob, sampleStart } from '../test-support/sample-job.js';
import { formatCount, formatDuration, formatPercent, formatTime } from './format-values.js';
import { formatProgressDetails } from './progress-details.js';
import { formatCheckpointsCsv, formatProgressCsv } from './progress-csv.js';
import { formatProgressEvent, formatProgressJson, toProgressEvent, type ProgressEvent } from './progress-json.js';
import { formatProgressLine } from './progress-line.js';

describe('value formats', () => {
  it('writes durations, percents, counts and times for people', () => {
    expect([0, 42_400, 185_000, 7_380_000, 93_600_000].map(formatDuration)).toEqual(['0s', '42s', '3m 05s', '2h 03m', '1d 02h']);
    expect(formatDuration(undefined)).toBe('--');
    expect([0, 41.99, 99.96, 100].map(formatPercent)).toEqual(['0.0%', '41.9%', '99.9%', '100.0%']);
    expect(formatCount(1_234_567.8)).toBe('1,234,568');
    expect(formatTime(Date.UTC(2024, 0, 12, 10, 0, 5))).toBe('2024-01-12 10:00:05 UTC');
  });
});

describe('console reports', () => {
  it('gives one line with bar, percent, rate, ETA, stage and step, on one line', () => {
    const { job } = sampleJob();
    const line = formatProgressLine(job.snapshot());
    expect(line).toMatch(/^\[#{10}-{10}\] {2}50\.0% \| [\d,]+ rows\/s \| ETA \d+s \| facts \| day 5\/10 2024-01-05: stores 40\/200, "late" next \| 1 alert$/);
    expect(line).not.toContain('\n');
    job.complete();
    expect(formatProgressLine(job.snapshot(), { barWidth: 0 })).toMatch(/^100\.0% \| [\d,]+ rows\/s \| done in 10s \| 1 alert$/);
  });

  it('says how a stopped job ended', () => {
    const { job } = sampleJob();
    job.cancel('cancelled after day 5;\x1b[2J run again with --resume');
    expect(formatProgressLine(job.snapshot())).toContain('| cancelled after 10s: cancelled after day 5; [2J run again with --resume');
  });

  it('gives a detailed report with stages, rows per table, checkpoints and alerts', () => {
    const { job } = sampleJob();
    const details = formatProgressDetails(job.snapshot());
    expect(details.split('\n')[0]).toBe('nightly <generate>: running 50.0%');
    expect(details).toContain('  stage        facts (2 of 3)\n');
    expect(details).toContain('  started      2024-01-12 10:00:00 UTC\n');
    expect(details).toContain('  stages       master data 100.0% done | facts 50.0% running | indexes 0.0% pending\n');
    expect(details).toMatch(/\n {4}sales +50,015\n/);
    expect(details).toContain('  metrics      errors=0\n');
    expect(details).toContain('  checkpoints  6 (last: day 5 at 50.0%, 2024-01-12 10:00:09 UTC)\n');
    expect(details).toContain('  alerts       1 active, 1 resolved\n    [critical] export of <sales> failed#1: export of <sales> failed\n');
  });
});

describe('JSON reports', () => {
  it('writes newline-delimited events that parse back, the last one a summary', () => {
    const { job, updates } = sampleJob();
    job.complete();
    const lines = updates.map(formatProgressEvent).join('');
    expect(lines.endsWith('\n')).toBe(true);
    const events = lines.trimEnd().split('\n').map((line) => JSON.parse(line) as ProgressEvent);
    expect(events.map((event) => event.sequence)).toEqual(events.map((_, index) => index + 1));
    expect(events.slice(0, -1).every((event) => event.type === 'progress' && event.stages === undefined)).toBe(true);
    const summary = events.at(-1) as ProgressEvent;
    expect(summary).toMatchObject({ type: 'summary', status: 'completed', percent: 100, etaMs: 0, totalRows: 200 + 50_015 + 15, items: 5, checkpoints: 6, lastCheckpoint: 'day 5', message: null });
    expect(summary.rows).toEqual({ stores: 200, sales: 50_015, '<script>alert(1)</script>': 15 });
    expect(summary.stages?.map((stage) => stage.state)).toEqual(['done', 'done', 'done']);
    expect(summary.alerts?.active.map((alert) => alert.message)).toEqual(['export of <sales> failed']);
    // The same keys in every event, unknown values as null.
    const keys = Object.keys(events[0] as ProgressEvent);
    expect(events.slice(0, -1).every((event) => Object.keys(event).join() === keys.join())).toBe(true);
    expect(events[0]).toMatchObject({ percent: 0, rowsPerSecond: null, etaMs: null, estimatedCompletionAt: null, stage: null });
  });

  it('writes a JSON report that parses back to the snapshot', () => {
    const { job } = sampleJob();
    const snapshot = job.snapshot();
    const parsed = JSON.parse(formatProgressJson(snapshot)) as Record<string, unknown>;
    expect(parsed).toEqual({ ...JSON.parse(JSON.stringify(snapshot)), finishedAt: null, message: null });
    expect(parsed['counts']).toEqual(snapshot.counts);
    expect(JSON.parse(formatProgressJson([snapshot, snapshot]))).toHaveLength(2);
    expect(toProgressEvent({ sequence: 9, time: sampleStart, final: false, value: snapshot }).sequence).toBe(9);
  });
});

describe('CSV reports', () => {
  it('writes one row per snapshot, with a column per table, that an RFC 4180 reader parses back', () => {
    const { job, updates } = sampleJob();
    job.complete();
    const snapshots = updates.map((update) => update.value);
    const rows = parseCsv(formatProgressCsv(snapshots));
    const [header, ...body] = rows;
    expect(header).toEqual([
      'time', 'job', 'status', 'percent', 'stage', 'step', 'elapsed_ms', 'eta_ms', 'rows_per_second', 'items_per_second', 'items', 'total_rows', 'active_alerts',
      'rows:stores', 'rows:sales', 'rows:<script>alert(1)</script>',
    ]);
    expect(body).toHaveLength(snapshots.length);
    body.forEach((row, index) => {
      const snapshot = snapshots[index]!;
      expect(row).toHaveLength(header!.length);
      expect(row[0]).toBe(new Date(snapshot.updatedAt).toISOString());
      expect(row[1]).toBe('nightly <generate>');
      expect(Number(row[3])).toBe(snapshot.percent);
      expect(row[5]).toBe(snapshot.step);
      expect(Number(row[11])).toBe(snapshot.counts.totalRows);
      expect(Number(row[14])).toBe(snapshot.counts.rows['sales'] ?? 0);
    });
    expect(body.some((row) => row[5]?.includes('"late"\nnext'))).toBe(true);
    expect(body.at(-1)?.slice(2, 4)).toEqual(['completed', '100']);
  });

  it('writes the checkpoints and milestones as CSV', () => {
    const { job } = sampleJob();
    const [header, ...body] = parseCsv(formatCheckpointsCsv(job.snapshot()));
    expect(header).toEqual(['kind', 'name', 'time', 'elapsed_ms', 'percent', 'items', 'total_rows', 'data']);
    expect(body.map((row) => `${row[0]} ${row[1]}`)).toEqual(['milestone master data done', 'checkpoint day 1', 'checkpoint day 2', 'checkpoint day 3', 'checkpoint day 4', 'checkpoint day 5']);
    expect(JSON.parse(body.at(-1)?.[7] ?? '')).toEqual({ day: 5 });
    expect(body[0]?.[7]).toBe('');
  });
});
