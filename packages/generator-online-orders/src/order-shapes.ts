/**
 * The fixed shapes of the online orders model that the configuration does
 * not set: vocabularies written to the tables, the hour-of-day curve of order
 * placement, the coupon, payment retries and delivery timing. Exported so
 * tests and documentation describe the numbers the generator uses. The
 * vocabularies are the closed sets of values declared with the tables in
 * `@retail-datagen/models`, re-exported here.
 */
import { cancelReasons, fulfillmentModes, lineStatuses, onlineTenders, orderStatuses } from '@retail-datagen/models';

export { cancelReasons, fulfillmentModes, lineStatuses, onlineTenders, orderStatuses };

/** One of {@link fulfillmentModes}. */
export type FulfillmentMode = (typeof fulfillmentModes)[number];

/**
 * The modes a store fulfils through the store inventory ledger, in the order
 * the generator draws them: an order's mode is one of these, drawn with the
 * weights of `fulfillmentMix.shipFromStore` and `fulfillmentMix.bopis`.
 *
 * @example
 * ```ts
 * storeFulfillmentModes; // ['SHIP_FROM_STORE', 'BOPIS']
 * ```
 */
export const storeFulfillmentModes = ['SHIP_FROM_STORE', 'BOPIS'] as const satisfies readonly FulfillmentMode[];

/**
 * Relative weights of the hour of day (0-23) at which customers place online
 * orders: a morning rise, a lunch bump and the evening peak after work. Any
 * 24 non-negative weights with a positive sum may replace them
 * (`createOnlineOrdersGenerator({ hourOfDayWeights })`).
 *
 * @example
 * ```ts
 * onlineHourOfDayWeights[20] > onlineHourOfDayWeights[4]; // true: evenings, not nights
 * ```
 */
export const onlineHourOfDayWeights: readonly number[] = Object.freeze([
  0.45, 0.25, 0.15, 0.1, 0.1, 0.2, 0.45, 0.8, 1.1, 1.3, 1.4, 1.5, 1.7, 1.55, 1.45, 1.45, 1.55, 1.8, 2.1, 2.4, 2.6, 2.4, 1.8, 1.0,
]);

/**
 * The coupon a share of orders is placed with (`onlineOrders.couponShare`):
 * `percentOff` percent off each fulfilled line, rounded to the cent per line.
 *
 * @example
 * ```ts
 * onlineCoupon.code; // 'WEB10'
 * ```
 */
export const onlineCoupon = Object.freeze({ code: 'WEB10', percentOff: 10 });

/** Why an online payment attempt was declined (as in store payments), with relative weights in that order. */
export { declineReasons } from '@retail-datagen/models';
export const declineReasonWeights: readonly number[] = Object.freeze([0.45, 0.15, 0.25, 0.15]);

/** Payment attempts per order; when all are declined the order is cancelled (PAYMENT_DECLINED). */
export const maximumPaymentAttempts = 3;

/** Chance a retry after a decline uses the same tender (otherwise a new one is drawn from the mix). */
export const sameTenderRetryChance = 0.5;

/** Seconds between a declined attempt and the next one. */
export const retryGapSeconds: readonly [minimum: number, maximum: number] = [5, 25];

/** Chance that a line's quantity goes one unit higher (up to `basket.maxQuantity`): most lines hold one unit. */
export const quantityStepChance = 0.3;

/** Draws of a product already in the order before the line is given up. */
export const maximumProductDraws = 12;

/**
 * Hours before the store opens during which its pick wave runs (never before
 * midnight): the orders placed since the previous wave are picked then, so
 * online orders never interleave with the day's sales in the inventory ledger.
 */
export const pickWaveHours = 2;

/**
 * Hour of the pick day at which a DC's pick wave of online orders starts (or
 * later, after the DC's last truck loading or supplier receipt of the day):
 * a DC picks, in the chain phase, the SHIP_FROM_DC orders placed the day
 * before, after its own movements of the day, so its ledger stays in time
 * order. The wave ends at midnight.
 */
export const dcPickWaveStartHour = 22;

/** Hours from picking to the carrier collecting a SHIP_FROM_STORE or SHIP_FROM_DC order: [minimum, maximum]. */
export const carrierPickupHours: readonly [minimum: number, maximum: number] = [2, 8];

/** Days after shipping a carrier delivers: [minimum, maximum], between 09:00 and 20:00. */
export const deliveryDays: readonly [minimum: number, maximum: number] = [1, 3];

/**
 * Weights of the day a BOPIS customer collects the order: the pick day
 * itself, one, two or three days later (a day the store is closed moves the
 * pickup to its next open day). Pickups happen during open hours, at least
 * {@link pickupAfterOpeningMinutes} after opening.
 */
export const pickupDayWeights: readonly number[] = Object.freeze([0.45, 0.3, 0.15, 0.1]);
export const pickupAfterOpeningMinutes = 15;

/** Tax factor of each `dim_products.taxability` value (an unknown value is taxed fully), as on receipts. */
export const taxabilityFactor: Readonly<Record<string, number>> = Object.freeze({
  TAXABLE: 1,
  REDUCED_RATE: 0.5,
  NON_TAXABLE: 0,
});
