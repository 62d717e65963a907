import { expect, test } from 'vitest';
import { dayTransactionSequence, initialTransactionSequence } from './transaction-sequence.js';

test('txn_seq puts every INITIAL row before the first day and days in order', () => {
  const lastInitial = initialTransactionSequence(99_999, 999_999);
  expect(lastInitial).toBeLessThan(dayTransactionSequence(0, 1, 0));
  expect(dayTransactionSequence(0, 99_999, 999_999)).toBeLessThan(dayTransactionSequence(1, 1, 0));
  expect(dayTransactionSequence(8_999, 99_999, 999_999)).toBeLessThanOrEqual(Number.MAX_SAFE_INTEGER);
});
