import { expect, test } from 'vitest';
import { groupCustomersByStore } from './customer-pools.js';

test('groups customer ids by home store, keeping dim_customers order and skipping unknown stores', () => {
  const pools = groupCustomersByStore(Int32Array.of(101, 102, 103, 104, 105), Int32Array.of(1, 0, 1, -1, 2), 3);
  expect(Array.from(pools.offsets)).toEqual([0, 1, 3, 4]);
  expect(Array.from(pools.customerIds)).toEqual([102, 101, 103, 105]);
});
