import { createRandom } from '@retail-datagen/generator-core';
import { expect, test } from 'vitest';
import { proportionalPart } from './return-receipt.js';

test('refunds of a line returned in several visits add up to its amount exactly', () => {
  const random = createRandom(5, 'proportional-part-test');
  for (let draw = 0; draw < 2000; draw++) {
    const sold = random.int(1, 12);
    const amount = random.int(0, 5000);
    let returned = 0;
    let refunded = 0;
    while (returned < sold) {
      const quantity = random.int(1, sold - returned);
      const part = proportionalPart(amount, sold, returned, quantity);
      expect(part).toBeGreaterThanOrEqual(0);
      refunded += part;
      returned += quantity;
    }
    expect(refunded).toBe(amount);
  }
  expect(proportionalPart(100, 3, 0, 1)).toBe(33);
});
