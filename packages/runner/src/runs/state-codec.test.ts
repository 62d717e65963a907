import { describe, expect, it } from 'vitest';
import { decodeState, encodeState } from './state-codec.js';

describe('checkpoint state codec', () => {
  it('reads back typed arrays, Maps and plain data, each typed array transferable on its own', () => {
    const state = { balances: Int32Array.of(3, -1, 7), rates: Float64Array.of(0.5, 2), orders: new Map([[4, [1, 2]]]), day: 17, note: null };
    const decoded = decodeState(encodeState(state)) as typeof state;
    expect(decoded).toEqual(state);
    // Transferring one array (as the runner does to a worker thread) must leave the others usable.
    structuredClone(decoded.balances, { transfer: [decoded.balances.buffer] });
    expect(decoded.balances.length).toBe(0);
    expect(Array.from(decoded.rates)).toEqual([0.5, 2]);
  });
});
