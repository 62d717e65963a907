import { createRandom } from '@retail-datagen/generator-core';
import { discountTypes } from '@retail-datagen/models';

/** How a promotion discounts a line (declared with fact_promotions in the models). */
export { discountTypes };

/** One of {@link discountTypes}. */
export type DiscountType = (typeof discountTypes)[number];

/** One promotion of the chain's catalog. */
export interface Promotion {
  /** E.g. `SAVE15-DAIRY`, `TAKE2-SNACKS`, `BOGO-BAKERY`; unique in the catalog. */
  readonly code: string;
  readonly discountType: DiscountType;
  /** PERCENT_OFF: percent off (5-25); AMOUNT_OFF: cents off the line; BOGO: 0 (every second unit free). */
  readonly value: number;
  /** Bit `m - 1` is set when the promotion runs in month `m` (1-12). */
  readonly monthMask: number;
  /** Whether `target` names a `dim_products.department` or a `dim_products.category`. */
  readonly targetKind: 'DEPARTMENT' | 'CATEGORY';
  readonly target: string;
}

/** Share of promotions that target a whole department rather than one category. */
const departmentShare = 0.35;
const discountTypeWeights = [0.55, 0.25, 0.2];
/** An AMOUNT_OFF promotion only applies to lines worth at least this many times its amount. */
const amountOffMinimumMultiple = 3;

/**
 * The chain's promotion catalog: a pure function of the seed and the product
 * hierarchy, so every thread and every partition sees the same promotions.
 * Each promotion runs for one to three consecutive months; the first twelve
 * start in different months, so every month has promotions.
 *
 * @example
 * ```ts
 * const catalog = createPromotionCatalog(42, ['Dairy', 'Produce'], ['Milk', 'Fruit']);
 * catalog.length; // 20
 * catalog[0]!.code; // e.g. 'SAVE15-MILK'
 * ```
 */
export function createPromotionCatalog(seed: number, departments: readonly string[], categories: readonly string[], count = 20): Promotion[] {
  const departmentList = [...new Set(departments)].sort();
  const categoryList = [...new Set(categories)].sort();
  if (count === 0 || (departmentList.length === 0 && categoryList.length === 0)) return [];
  const random = createRandom(seed, 'receipts', 'promotion-catalog');
  const catalog: Promotion[] = [];
  const usedCodes = new Set<string>();
  for (let index = 0; index < count; index++) {
    const byDepartment = categoryList.length === 0 || (departmentList.length > 0 && random.chance(departmentShare));
    const target = random.pick(byDepartment ? departmentList : categoryList);
    const discountType = discountTypes[random.weightedIndex(discountTypeWeights)] as DiscountType;
    const value = discountType === 'PERCENT_OFF' ? 5 * random.int(1, 5) : discountType === 'AMOUNT_OFF' ? 100 * random.int(1, 5) : 0;
    const startMonth = index < 12 ? index : random.int(0, 11);
    const months = random.int(1, 3);
    let monthMask = 0;
    for (let month = 0; month < months; month++) monthMask |= 1 << ((startMonth + month) % 12);
    const baseCode = `${discountType === 'PERCENT_OFF' ? `SAVE${value}` : discountType === 'AMOUNT_OFF' ? `TAKE${value / 100}` : 'BOGO'}-${codeTag(target)}`;
    let code = baseCode;
    for (let suffix = 2; usedCodes.has(code); suffix++) code = `${baseCode}-${suffix}`;
    usedCodes.add(code);
    catalog.push({ code, discountType, value, monthMask, targetKind: byDepartment ? 'DEPARTMENT' : 'CATEGORY', target });
  }
  return catalog;
}

/**
 * The discount in integer cents a promotion gives a line, never more than the
 * line's extended price; 0 when it does not apply (BOGO on a single unit, an
 * amount off on a line worth less than three times the amount).
 *
 * @example
 * ```ts
 * promotionDiscount({ discountType: 'PERCENT_OFF', value: 15 }, 2, 399); // 120 (15% of 798, rounded)
 * promotionDiscount({ discountType: 'BOGO', value: 0 }, 3, 250); // 250
 * ```
 */
export function promotionDiscount(promotion: Pick<Promotion, 'discountType' | 'value'>, quantity: number, unitPrice: number): number {
  const extendedPrice = quantity * unitPrice;
  switch (promotion.discountType) {
    case 'PERCENT_OFF':
      return Math.min(extendedPrice, Math.round((extendedPrice * promotion.value) / 100));
    case 'AMOUNT_OFF':
      return extendedPrice >= amountOffMinimumMultiple * promotion.value ? Math.min(extendedPrice, promotion.value) : 0;
    case 'BOGO':
      return Math.floor(quantity / 2) * unitPrice;
  }
}

/** A code-friendly tag of a department or category: upper case letters and digits, at most 12. */
function codeTag(name: string): string {
  const tag = name.toUpperCase().replace(/[^A-Z0-9]/g, '').slice(0, 12);
  return tag === '' ? 'ALL' : tag;
}
