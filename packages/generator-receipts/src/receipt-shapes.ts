/**
 * The fixed shapes of the receipts model that the configuration does not set:
 * how store formats scale baskets, the shopper segments and their nudges, how
 * line quantities skew, and the vocabularies written to the fact tables.
 * Exported so tests and documentation describe the same numbers the
 * generator uses. The vocabularies are the closed sets of values declared
 * with the tables in `@retail-datagen/models`, re-exported here.
 */
import { declineReasons, tenderTypes, tripTypes } from '@retail-datagen/models';

export { declineReasons, tenderTypes, tripTypes };

/** One of {@link tripTypes}. */
export type TripType = (typeof tripTypes)[number];

/** The configuration key of each trip type, in {@link tripTypes} order. */
export const tripConfigKeys = ['quick', 'grocery', 'family', 'bulk'] as const;

/**
 * How many distinct items a trip holds relative to `config.basket.meanItems`,
 * by `dim_stores.store_format`: a hypermarket's family shop is bigger than the
 * same trip at an express store. An unknown format scales by 1.
 *
 * @example
 * ```ts
 * // mean distinct items of a grocery trip at a superstore with the default config
 * 12 * storeFormatBasketScale.SUPERSTORE; // 13.8
 * ```
 */
export const storeFormatBasketScale: Readonly<Record<string, number>> = Object.freeze({
  HYPERMARKET: 1.3,
  SUPERSTORE: 1.15,
  STANDARD: 1.0,
  NEIGHBORHOOD: 0.8,
  EXPRESS: 0.5,
});

/** One of {@link tenderTypes}. */
export type TenderType = (typeof tenderTypes)[number];

/** Index of CASH in {@link tenderTypes}: the tender that never declines. */
export const cashTender = 2;

/**
 * A shopper segment: the share of shoppers in it, how it scales the basket
 * and how it reweights tenders (multiplying `config.payments.tenderMix`, in
 * {@link tenderTypes} order, then renormalizing).
 */
export interface ShopperSegment {
  readonly name: string;
  readonly share: number;
  readonly basketScale: number;
  readonly tenderNudge: readonly [credit: number, debit: number, cash: number, mobile: number];
}

/**
 * Shopper segments. A known customer's segment is fixed by a hash of
 * (seed, customer id), so the same customer always shops like itself; an
 * anonymous shopper's segment is drawn by share. The basket scales average to
 * 1 over the shares (0.3 x 0.9 + 0.5 x 1 + 0.2 x 1.15 = 1), so
 * `config.basket.meanItems` stays the mean over all shoppers.
 *
 * @example
 * ```ts
 * shopperSegments.map((segment) => segment.name); // ['BUDGET', 'MAINSTREAM', 'PREMIUM']
 * ```
 */
export const shopperSegments: readonly ShopperSegment[] = Object.freeze([
  { name: 'BUDGET', share: 0.3, basketScale: 0.9, tenderNudge: [0.8, 1.25, 1.5, 0.7] },
  { name: 'MAINSTREAM', share: 0.5, basketScale: 1.0, tenderNudge: [1, 1, 1, 1] },
  { name: 'PREMIUM', share: 0.2, basketScale: 1.15, tenderNudge: [1.3, 0.8, 0.45, 1.35] },
]);

/**
 * The chance that a line's quantity goes one unit higher (up to
 * `config.basket.maxQuantity`): quantities are geometric, skewed to 1; bulk
 * trips buy more units of each item.
 *
 * @example
 * ```ts
 * // share of single-unit lines on a grocery trip with a large maxQuantity
 * 1 - quantityStepChance.GROCERY; // 0.65
 * ```
 */
export const quantityStepChance: Readonly<Record<TripType, number>> = Object.freeze({
  QUICK: 0.25,
  GROCERY: 0.35,
  FAMILY: 0.4,
  BULK: 0.6,
});

/** Relative weights of the {@link declineReasons}, in their order. */
export const declineReasonWeights: readonly number[] = Object.freeze([0.45, 0.15, 0.25, 0.15]);

/** Most payment attempts per receipt; the last one, when reached, is cash (which never declines). */
export const maximumPaymentAttempts = 3;

/**
 * Chance that a retry after a decline uses the same tender (otherwise a new
 * tender is drawn from the shopper's mix).
 */
export const sameTenderRetryChance = 0.5;

/** Tax factor of each `dim_products.taxability` value (an unknown value is taxed fully). */
export const taxabilityFactor: Readonly<Record<string, number>> = Object.freeze({
  TAXABLE: 1,
  REDUCED_RATE: 0.5,
  NON_TAXABLE: 0,
});

/**
 * Seconds into the hour before which no receipt is rung up, so the declined
 * attempts that precede its approved payment (a few seconds apart) stay in
 * the same hour.
 */
export const earliestReceiptSecond = 60;
