import { dayNumberOf } from '@retail-datagen/generator-core';
import { expect, test } from 'vitest';
import { shipmentId } from './shipment-id.js';
import { dayTransactionSequence, initialTransactionSequence } from './transaction-sequence.js';

test('shipment ids name the store, the order day and a sequence', () => {
  expect(shipmentId(17, dayNumberOf('2024-11-20'), 3)).toBe('SHP-S00017-20241120-0003');
  expect(shipmentId(123_456, dayNumberOf('2025-01-02'), 12)).toBe('SHP-S123456-20250102-0012');
});

test('txn_seq puts every INITIAL row before the first day and days in order', () => {
  const lastInitial = initialTransactionSequence(99_999, 999_999);
  expect(lastInitial).toBeLessThan(dayTransactionSequence(0, 1, 0));
  expect(dayTransactionSequence(0, 99_999, 999_999)).toBeLessThan(dayTransactionSequence(1, 1, 0));
  expect(dayTransactionSequence(8_999, 99_999, 999_999)).toBeLessThanOrEqual(Number.MAX_SAFE_INTEGER);
});
