import { describe, expect, test } from 'vitest';
import { anonymousBleId, anonymousBleKeys } from './anonymous-ble-id.js';

describe('anonymousBleId', () => {
  test('is unique across stores, days and visits, and shaped ANON-<16 hex>', () => {
    const keys = anonymousBleKeys(42);
    const seen = new Set<string>();
    let count = 0;
    let misshapen = 0;
    for (const store of [0, 1, 2, 99_999])
      for (const day of [20_054, 20_055, 20_054 + 16, 20_054 + 4096])
        for (let visit = 1; visit <= 3000; visit++) {
          const id = anonymousBleId(keys, store, day, visit);
          if (!/^ANON-[0-9a-f]{16}$/.test(id)) misshapen++;
          seen.add(id);
          count++;
        }
    expect(misshapen).toBe(0);
    expect(seen.size).toBe(count);
  });

  test('is a pure function of the seed and the visit; another seed gives other ids', () => {
    expect(anonymousBleId(anonymousBleKeys(42), 5, 20_054, 17)).toBe(anonymousBleId(anonymousBleKeys(42), 5, 20_054, 17));
    expect(anonymousBleId(anonymousBleKeys(43), 5, 20_054, 17)).not.toBe(anonymousBleId(anonymousBleKeys(42), 5, 20_054, 17));
  });

  test('consecutive visits do not give visibly related ids', () => {
    const keys = anonymousBleKeys(7);
    const first = anonymousBleId(keys, 3, 20_054, 1);
    const second = anonymousBleId(keys, 3, 20_054, 2);
    // A scrambled id shares no long prefix with its neighbour.
    expect(first.slice(0, 9)).not.toBe(second.slice(0, 9));
  });
});
