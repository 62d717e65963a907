import { describe, expect, it } from 'vitest';
import { createManualClock } from '../manual-clock.js';
import type { AlertEvent, AlertSink, SinkFailure } from './alert.js';
import { AlertMonitor } from './alert-monitor.js';
import { createLogAlertSink } from './log-alert-sink.js';

function memorySink(): AlertSink & { events: AlertEvent[] } {
  const events: AlertEvent[] = [];
  return { name: 'memory', events, send: (event) => void events.push(event) };
}

const describeEvents = (events: AlertEvent[]) => events.map((event) => `${event.type} ${event.alert.id}`);

describe('AlertMonitor', () => {
  it('fires a threshold alert once while out of range, resolves it when back, and fires anew later', () => {
    const clock = createManualClock(1000);
    const sink = memorySink();
    const monitor = new AlertMonitor({ job: 'nightly', now: clock.now, sinks: [sink], rules: [{ id: 'slow', metric: 'rowsPerSecond', below: 1000 }, { id: 'errors', metric: 'errors', above: 5 }] });
    monitor.evaluate({ rowsPerSecond: 1500, errors: 0 });
    monitor.evaluate({ rowsPerSecond: 800, errors: 0 });
    clock.advance(10);
    monitor.evaluate({ rowsPerSecond: 700, errors: 6 });
    monitor.evaluate({ rowsPerSecond: 600, errors: 9 });
    expect(describeEvents(sink.events)).toEqual(['fired slow#1', 'fired errors#1']);
    expect(sink.events[0]?.alert).toEqual({
      id: 'slow#1', source: 'threshold', key: 'slow', severity: 'warning', message: 'rowsPerSecond 800 < 1000', job: 'nightly', metric: 'rowsPerSecond', value: 800, threshold: 1000, firedAt: 1000, occurrences: 1,
    });
    expect(sink.events[1]?.alert.message).toBe('errors 6 > 5');
    clock.advance(10);
    monitor.evaluate({ rowsPerSecond: 1200, errors: 9 });
    expect(describeEvents(sink.events).slice(2)).toEqual(['resolved slow#1']);
    expect(sink.events[2]?.alert).toMatchObject({ resolvedAt: 1020, resolvedValue: 1200 });
    monitor.evaluate({ rowsPerSecond: 900, errors: 1 });
    expect(describeEvents(sink.events).slice(3)).toEqual(['fired slow#2', 'resolved errors#1']);
    expect(monitor.active().map((alert) => alert.id)).toEqual(['slow#2']);
    expect(monitor.resolved().map((alert) => alert.id)).toEqual(['slow#1', 'errors#1']);
  });

  it('waits forMs before firing, ignores a blip, and does not judge a missing metric', () => {
    const clock = createManualClock(0);
    const sink = memorySink();
    const monitor = new AlertMonitor({ now: clock.now, sinks: [sink], rules: [{ id: 'slow', metric: 'rate', below: 10, forMs: 5000, message: 'too slow' }] });
    monitor.evaluate({});
    monitor.evaluate({ rate: undefined });
    monitor.evaluate({ rate: 5 });
    clock.advance(4000);
    monitor.evaluate({ rate: 5 });
    monitor.evaluate({ rate: 50 }); // back in range: the wait starts over
    clock.advance(1000);
    monitor.evaluate({ rate: 5 });
    clock.advance(4999);
    monitor.evaluate({ rate: 5 });
    expect(sink.events).toEqual([]);
    clock.advance(1);
    monitor.evaluate({ rate: 4 });
    expect(sink.events.map((event) => event.alert.message)).toEqual(['too slow']);
  });

  it('raises error alerts with context; repeats count and are not sent again until resolved', () => {
    const sink = memorySink();
    const monitor = new AlertMonitor({ job: 'nightly', now: () => 5, sinks: [sink] });
    monitor.error(new Error('disk full'), { key: 'write', context: { table: 'sales', day: 12 } });
    const repeated = monitor.error(new Error('disk still full'), { key: 'write' });
    monitor.error('socket hang up');
    expect(repeated.occurrences).toBe(2);
    expect(describeEvents(sink.events)).toEqual(['fired write#1', 'fired socket hang up#1']);
    expect(sink.events[0]?.alert).toEqual({ id: 'write#1', source: 'error', key: 'write', severity: 'critical', message: 'disk full', job: 'nightly', context: { table: 'sales', day: 12 }, firedAt: 5, occurrences: 1 });
    monitor.resolve('write');
    monitor.resolve('nothing');
    expect(describeEvents(sink.events).at(-1)).toBe('resolved write#1');
    expect(monitor.resolved()[0]?.occurrences).toBe(2);
    expect(monitor.active().map((alert) => alert.key)).toEqual(['socket hang up']);
  });

  it('never lets a failing sink stop the job: it records the failure and the other sinks still get the event', async () => {
    const failures: SinkFailure[] = [];
    const good = memorySink();
    const monitor = new AlertMonitor({
      now: () => 7,
      rules: [{ id: 'errors', metric: 'errors', above: 0 }],
      sinks: [
        { name: 'throws', send: () => { throw new Error('sink exploded'); } },
        { name: 'rejects', send: async () => { throw new Error('mail server down'); } },
        good,
      ],
      onSinkFailure: (failure) => {
        failures.push(failure);
        throw new Error('even the handler fails');
      },
    });
    expect(() => monitor.evaluate({ errors: 1 })).not.toThrow();
    expect(good.events).toHaveLength(1);
    await monitor.settled();
    expect(monitor.sinkFailures.map((failure) => `${failure.sink}: ${failure.error}`)).toEqual(['throws: sink exploded', 'rejects: mail server down']);
    expect(failures).toHaveLength(2);
    expect(failures[0]).toMatchObject({ time: 7, event: { type: 'fired' } });
  });

  it('writes one line per event to the log sink', () => {
    const lines: string[] = [];
    const monitor = new AlertMonitor({ job: 'nightly', now: () => 0, sinks: [createLogAlertSink({ write: (line) => lines.push(line) })], rules: [{ id: 'slow', metric: 'rowsPerSecond', below: 1000, severity: 'info' }] });
    monitor.evaluate({ rowsPerSecond: 120 });
    monitor.evaluate({ rowsPerSecond: 1200 });
    monitor.error(new Error('disk full'), { context: { day: 3 } });
    expect(lines).toEqual([
      'alert fired [info] slow#1 (nightly): rowsPerSecond 120 < 1000',
      'alert resolved [info] slow#1 (nightly): rowsPerSecond 120 < 1000',
      'alert fired [critical] disk full#1 (nightly): disk full {"day":3}',
    ]);
  });

  it('refuses a rule without a threshold and repeated rule ids', () => {
    expect(() => new AlertMonitor({ rules: [{ id: 'x', metric: 'rate' }] })).toThrow('alert rule "x": expected a threshold, below or above');
    expect(() => new AlertMonitor({ rules: [{ id: 'x', metric: 'a', above: 1 }, { id: 'x', metric: 'b', above: 1 }] })).toThrow('alert rule "x" is listed twice');
  });
});
