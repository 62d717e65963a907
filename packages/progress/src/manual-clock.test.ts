import { describe, expect, it } from 'vitest';
import { createManualClock } from './manual-clock.js';

describe('createManualClock', () => {
  it('runs due callbacks in time order, each at its own time, including ones scheduled on the way', () => {
    const clock = createManualClock(100);
    const ran: string[] = [];
    clock.setTimeout(() => ran.push(`b@${clock.now()}`), 50);
    clock.setTimeout(() => {
      ran.push(`a@${clock.now()}`);
      clock.setTimeout(() => ran.push(`c@${clock.now()}`), 5);
    }, 20);
    const cleared = clock.setTimeout(() => ran.push('never'), 30);
    clock.clearTimeout(cleared);
    clock.advance(100);
    expect(ran).toEqual(['a@120', 'c@125', 'b@150']);
    expect(clock.now()).toBe(200);
    expect(clock.pending).toBe(0);
    expect(() => clock.advanceTo(150)).toThrow(/never goes backwards/);
  });
});
