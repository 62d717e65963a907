import { createRandom } from '@retail-datagen/generator-core';
import { describe, expect, test } from 'vitest';
import { createPromotionCatalog, promotionDiscount } from './promotion-catalog.js';

const departments = ['Produce', 'Dairy', 'Meat & Seafood', 'Snacks'];
const categories = ['Fruit', 'Vegetables', 'Milk', 'Cheese', 'Beef', 'Chips', 'Cookies'];

describe('createPromotionCatalog', () => {
  test('is a pure function of the seed and the hierarchy', () => {
    expect(createPromotionCatalog(7, departments, categories)).toEqual(createPromotionCatalog(7, [...departments].reverse(), categories));
    expect(createPromotionCatalog(7, departments, categories)).not.toEqual(createPromotionCatalog(8, departments, categories));
  });

  test('has unique codes naming the discount and target, and promotions in every month', () => {
    const catalog = createPromotionCatalog(42, departments, categories);
    expect(catalog).toHaveLength(20);
    expect(new Set(catalog.map((promotion) => promotion.code)).size).toBe(20);
    for (const promotion of catalog) {
      expect(promotion.code).toMatch(/^(SAVE(5|10|15|20|25)|TAKE[1-5]|BOGO)-[A-Z0-9]{1,12}(-\d+)?$/);
      expect((promotion.targetKind === 'DEPARTMENT' ? departments : categories)).toContain(promotion.target);
      if (promotion.discountType === 'PERCENT_OFF') expect(promotion.value).toBeGreaterThanOrEqual(5);
      if (promotion.discountType === 'PERCENT_OFF') expect(promotion.value).toBeLessThanOrEqual(25);
    }
    for (let month = 0; month < 12; month++) expect(catalog.some((promotion) => (promotion.monthMask & (1 << month)) !== 0)).toBe(true);
    expect(new Set(catalog.map((promotion) => promotion.discountType)).size).toBe(3);
  });

  test('is empty without products', () => {
    expect(createPromotionCatalog(42, [], [])).toEqual([]);
  });
});

describe('promotionDiscount', () => {
  test('gives whole cents, never more than the line, 0 when it does not apply', () => {
    const random = createRandom(1, 'promotion-discount-test');
    for (let draw = 0; draw < 5000; draw++) {
      const quantity = random.int(1, 8);
      const unitPrice = random.int(19, 9999);
      for (const promotion of [
        { discountType: 'PERCENT_OFF', value: 5 * random.int(1, 5) },
        { discountType: 'AMOUNT_OFF', value: 100 * random.int(1, 5) },
        { discountType: 'BOGO', value: 0 },
      ] as const) {
        const discount = promotionDiscount(promotion, quantity, unitPrice);
        expect(Number.isInteger(discount)).toBe(true);
        expect(discount).toBeGreaterThanOrEqual(0);
        expect(discount).toBeLessThanOrEqual(quantity * unitPrice);
      }
    }
    expect(promotionDiscount({ discountType: 'PERCENT_OFF', value: 15 }, 2, 399)).toBe(120);
    expect(promotionDiscount({ discountType: 'BOGO', value: 0 }, 1, 250)).toBe(0);
    expect(promotionDiscount({ discountType: 'BOGO', value: 0 }, 3, 250)).toBe(250);
    expect(promotionDiscount({ discountType: 'AMOUNT_OFF', value: 200 }, 1, 500)).toBe(0);
    expect(promotionDiscount({ discountType: 'AMOUNT_OFF', value: 200 }, 2, 300)).toBe(200);
  });
});
