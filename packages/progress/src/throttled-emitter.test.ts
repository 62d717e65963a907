import { describe, expect, it } from 'vitest';
import { createManualClock } from './manual-clock.js';
import { ThrottledEmitter, type ThrottledUpdate } from './throttled-emitter.js';
import { seededRandom } from './test-support/seeded-random.js';

function setup(options: { intervalMs?: number; heartbeatMs?: number } = {}) {
  const clock = createManualClock(1_000_000);
  let value = 0;
  let samples = 0;
  const emitter = new ThrottledEmitter({
    sample: () => {
      samples += 1;
      return value;
    },
    now: clock.now,
    timer: clock,
  });
  const updates: ThrottledUpdate<number>[] = [];
  emitter.subscribe((update) => updates.push(update), options);
  return {
    clock,
    emitter,
    updates,
    set: (next: number) => {
      value = next;
      emitter.notify();
    },
    samples: () => samples,
  };
}

describe('ThrottledEmitter', () => {
  it('sends the current value at once, then at most one update per 500 ms with the latest value', () => {
    const { clock, updates, set } = setup();
    expect(updates).toEqual([{ sequence: 1, time: 1_000_000, final: false, value: 0 }]);
    clock.advance(100);
    set(1);
    clock.advance(100);
    set(2);
    expect(updates).toHaveLength(1);
    clock.advance(299);
    expect(updates).toHaveLength(1);
    clock.advance(1);
    expect(updates.at(-1)).toEqual({ sequence: 2, time: 1_000_500, final: false, value: 2 });
    clock.advance(2_000);
    expect(updates).toHaveLength(2); // nothing changed, nothing sent
    set(3);
    expect(updates.at(-1)).toEqual({ sequence: 3, time: 1_002_500, final: false, value: 3 });
  });

  it('keeps the interval, loses no last value and numbers updates without gaps, for any pattern of changes', () => {
    for (const intervalMs of [1, 250, 500, 5_000]) {
      const random = seededRandom(intervalMs);
      const { clock, updates, set } = setup({ intervalMs });
      let latest = 0;
      for (let change = 1; change <= 400; change++) {
        clock.advance(Math.floor(random() * random() * 3 * intervalMs));
        latest = change;
        set(change);
      }
      clock.advance(intervalMs);
      for (let index = 1; index < updates.length; index++) {
        const [before, after] = [updates[index - 1]!, updates[index]!];
        expect(after.time - before.time).toBeGreaterThanOrEqual(intervalMs);
        expect(after.sequence).toBe(before.sequence + 1);
        expect(after.value).toBeGreaterThan(before.value);
      }
      expect(updates.at(-1)?.value).toBe(latest);
    }
  });

  it('always sends the final update at once, even inside the interval, then stops; a late subscriber gets only the final one', () => {
    const { clock, emitter, updates, set } = setup();
    clock.advance(100);
    set(7);
    emitter.finish();
    expect(updates.at(-1)).toEqual({ sequence: 2, time: 1_000_100, final: true, value: 7 });
    expect(clock.pending).toBe(0);
    set(8);
    clock.advance(10_000);
    expect(updates).toHaveLength(2);
    expect(emitter.finished).toBe(true);
    const late: ThrottledUpdate<number>[] = [];
    emitter.subscribe((update) => late.push(update));
    expect(late).toEqual([{ sequence: 1, time: 1_010_100, final: true, value: 8 }]);
  });

  it('samples only when it sends', () => {
    const { clock, set, samples } = setup();
    for (let index = 0; index < 1000; index++) {
      clock.advance(1);
      set(index);
    }
    // The first update, then one per 500 ms.
    expect(samples()).toBe(3);
  });

  it('sends a heartbeat when nothing changed for the heartbeat interval', () => {
    const { clock, updates } = setup({ intervalMs: 1000, heartbeatMs: 5000 });
    clock.advance(12_000);
    expect(updates.map((update) => update.time - 1_000_000)).toEqual([0, 5000, 10_000]);
  });

  it('gives each subscriber its own interval and sequence', () => {
    const { clock, emitter, updates, set } = setup({ intervalMs: 500 });
    const slow: ThrottledUpdate<number>[] = [];
    emitter.subscribe((update) => slow.push(update), { intervalMs: 2000 });
    for (let index = 1; index <= 40; index++) {
      clock.advance(100);
      set(index);
    }
    emitter.finish();
    expect(updates.map((update) => update.sequence)).toEqual(updates.map((_, index) => index + 1));
    expect(slow.map((update) => update.sequence)).toEqual(slow.map((_, index) => index + 1));
    expect(slow.length).toBeLessThan(updates.length);
    expect(slow.at(-1)).toMatchObject({ final: true, value: 40 });
  });

  it('keeps going when a subscriber throws, and stops sending to one that unsubscribed', () => {
    const clock = createManualClock(0);
    const failures: unknown[] = [];
    const emitter = new ThrottledEmitter({ sample: () => clock.now(), now: clock.now, timer: clock, onListenerError: (error) => failures.push(error) });
    const heard: number[] = [];
    emitter.subscribe(() => {
      throw new Error('display broke');
    });
    const stop = emitter.subscribe((update) => heard.push(update.value));
    clock.advance(600);
    emitter.notify();
    stop();
    clock.advance(600);
    emitter.notify();
    expect(heard).toEqual([0, 600]);
    expect(failures.map((failure) => (failure as Error).message)).toEqual(['display broke', 'display broke', 'display broke']);
  });

  it('refuses a heartbeat faster than the interval', () => {
    const emitter = new ThrottledEmitter({ sample: () => 0 });
    expect(() => emitter.subscribe(() => {}, { intervalMs: 1000, heartbeatMs: 500 })).toThrow('heartbeatMs: got 500; expected a finite number >= 1000');
    expect(() => emitter.subscribe(() => {}, { intervalMs: 0 })).toThrow('intervalMs: got 0; expected a finite number >= 1');
  });
});
