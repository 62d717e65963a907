import { dayNumberOf } from '@retail-datagen/generator-core';
import { expect, test } from 'vitest';
import { paymentIdOf, receiptIdOf, receiptIdPrefix } from './receipt-ids.js';

test('receipt and payment ids follow R<store>-<yyyymmdd>-<sequence>', () => {
  const day = dayNumberOf('2024-11-29');
  expect(receiptIdPrefix(17, day)).toBe('R00017-20241129-');
  expect(receiptIdOf(17, day, 42)).toBe('R00017-20241129-00042');
  expect(paymentIdOf('R00017-20241129-00042', 2)).toBe('P00017-20241129-00042-2');
  // Wider numbers widen the field instead of colliding.
  expect(receiptIdOf(123_456, day, 100_000)).toBe('R123456-20241129-100000');
});
