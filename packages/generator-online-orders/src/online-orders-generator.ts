import { inventoryLedgerPoint, millisecondsPerDay, type FactHooks, type GeneratorPlugin, type StoreContext } from '@retail-datagen/generator-core';
import { InvalidArgumentError, factOnlineOrderHeaders, factOnlineOrderLines, factPayments } from '@retail-datagen/models';
import { fulfilOrder, type PlacedOrder, type StoreWave } from './online-order.js';
import { buildOnlineOrdersWorld, onlineOrdersWorldPoint, productSamplerOf } from './online-orders-world.js';
import { onlineHourOfDayWeights } from './order-shapes.js';
import { creationDaysPickedOn, pickTimeOf, pickWave } from './order-timeline.js';

/**
 * Knobs of the online orders generator beyond the run configuration
 * (`onlineOrders` section); every one has a default.
 *
 * @example
 * ```ts
 * const options: OnlineOrdersGeneratorOptions = { hourOfDayWeights: Array.from({ length: 24 }, () => 1) };
 * const onlineOrders = createOnlineOrdersGenerator(options);
 * ```
 */
export interface OnlineOrdersGeneratorOptions {
  /** 24 relative weights of the hour of day orders are placed at; default `onlineHourOfDayWeights`. */
  readonly hourOfDayWeights?: readonly number[];
}

/**
 * The tables the online orders generator writes. fact_payments is shared
 * with receipts: the engine and the catalog accept the same table object from
 * several packages, and a unit's rows of it go into one batch.
 *
 * @example
 * ```ts
 * onlineOrdersTables.map((table) => table.name); // ['fact_online_order_headers', 'fact_online_order_lines', 'fact_payments']
 * ```
 */
export const onlineOrdersTables = [factOnlineOrderHeaders, factOnlineOrderLines, factPayments] as const;

const id = 'online-orders';
const second = 1000;

/**
 * Creates the online orders generator. Known customers place orders around
 * the clock, and their home store fulfils them through the store inventory
 * ledger (`inventoryLedgerPoint`) in a pick wave before it opens the next
 * day (its next open day after a closure):
 *
 * - volume: about `onlineOrders.ordersPerStoreDay` orders a day from the
 *   customers of a store with an average number of home-store customers,
 *   scaled by the store's day total of the demand multiplier (weekdays,
 *   seasons, holidays: the calendar; none on a day whose total is 0, such
 *   as Christmas when stores close) on the day the orders are placed; the
 *   hour of placement follows `onlineHourOfDayWeights`. Orders placed on the
 *   last day of the run are picked after it and are not written;
 * - lines: `onlineOrders.meanLines` distinct launched products on average,
 *   chosen by popularity x the day's category multipliers (so seasonal
 *   overlays and campaigns move online sales too), 1 to `basket.maxQuantity`
 *   units, at the product's sale price; a `couponShare` of orders carry the
 *   WEB10 coupon (10% off each fulfilled line); tax per line at the
 *   fulfilling store's rate by taxability, as on receipts;
 * - fulfillment: SHIP_FROM_STORE or BOPIS (`fulfillmentMix`), node = the
 *   home store. SHIP_FROM_DC orders need stock drawn from a DC in the chain
 *   phase, which the DC side does not offer to other packages yet: until it
 *   does, their weight is left out of the mix;
 * - lifecycle: placed, then (unless the customer cancels first,
 *   `cancelRate`) paid (declines retried, all declined = cancelled) and
 *   picked: each line the store holds is taken (fact_store_inventory_txn
 *   ONLINE_ORDER, source = order id); lines it lacks are CANCELLED, never
 *   invented. Shipped a few hours later and delivered 1-3 days after, or
 *   picked up in store (BOPIS) during open hours within 3 days. The whole
 *   lifecycle is written at the pick, so the last deliveries may fall a few
 *   days after the run;
 * - tables: fact_online_order_headers, fact_online_order_lines and
 *   fact_payments (order_id_ext set, receipt_id_ext NULL).
 *
 * Every draw comes from the store-day's streams (seed, 'online-orders',
 * store, day, ...), and no state crosses days, so the rows do not depend on
 * the partition count.
 *
 * @example
 * ```ts
 * const onlineOrders = createOnlineOrdersGenerator();
 * const engine = new FactEngine(createGeneratorRegistry({ master, seasonal, inventory, receipts, onlineOrders }), run, { partitions: 16 });
 * engine.runDay(run.firstDay + 1).batches; // ..., fact_online_order_headers, fact_online_order_lines, fact_payments
 * ```
 */
export function createOnlineOrdersGenerator(options: OnlineOrdersGeneratorOptions = {}): GeneratorPlugin {
  const hourOfDayWeights = checkHourWeights(options.hourOfDayWeights ?? onlineHourOfDayWeights);

  const facts: FactHooks = {
    setup({ run, slots }) {
      slots.provide(onlineOrdersWorldPoint, buildOnlineOrdersWorld(run, hourOfDayWeights), id);
    },
    startStoreDay(context: StoreContext) {
      runPickWave(context);
    },
  };
  return {
    specificationVersion: 'v1',
    id,
    description: "Online orders of known customers fulfilled by their home store (ship from store, buy online pick up in store) through the store inventory ledger, with lifecycle and payments",
    requires: ['master', 'seasonal', 'inventory'],
    tables: onlineOrdersTables,
    facts,
  };
}

/**
 * The online orders generator with its default hour-of-day curve.
 *
 * @example
 * ```ts
 * const registry = createGeneratorRegistry({ master, seasonal, inventory, receipts, onlineOrders });
 * ```
 */
export const onlineOrders: GeneratorPlugin = createOnlineOrdersGenerator();

/**
 * A store-day's pick wave: places the orders of the days it picks (their
 * count and times from the store-day's stream per placed day), then fulfils
 * them in placement order at evenly spread pick times before the store opens.
 */
function runPickWave(context: StoreContext): void {
  const { storeIndex, dayNumber, demand, run } = context;
  const world = context.slots.get(onlineOrdersWorldPoint, id);
  const dailyOrders = world.storeDailyOrders[storeIndex] as number;
  if (!(dailyOrders > 0) || !world.modeWeights.some((weight) => weight > 0)) return;
  const isClosed = (day: number) => demand.isClosed(storeIndex, day);
  const { first, last } = creationDaysPickedOn(dayNumber, run.firstDay, isClosed);
  if (first > last) return;

  const placed: { day: number; sequence: number; created: number }[] = [];
  for (let day = first; day <= last; day++) {
    if (productSamplerOf(world, demand, day) === null) continue;
    let dayFactor = 0;
    for (let hour = 0; hour < 24; hour++) dayFactor += demand.multiplier({ storeIndex, dayNumber: day, hour });
    const random = context.random('orders', day);
    const count = random.poisson(dailyOrders * dayFactor);
    const times = new Float64Array(count);
    for (let index = 0; index < count; index++) {
      times[index] = day * millisecondsPerDay + (world.hourSampler.sample(random) * 3600 + random.int(0, 3599)) * second;
    }
    times.sort();
    times.forEach((created, index) => placed.push({ day, sequence: index + 1, created }));
  }
  if (placed.length === 0) return;

  const wave = pickWave(dayNumber, world.openHour[storeIndex] as number, world.closeHour[storeIndex] as number);
  const storeWave: StoreWave = {
    world,
    ledger: context.slots.get(inventoryLedgerPoint, id),
    tables: {
      headers: context.emit(factOnlineOrderHeaders),
      lines: context.emit(factOnlineOrderLines),
      payments: context.emit(factPayments),
    },
    storeIndex,
    dayNumber,
    isClosed,
    productSampler: (day) => productSamplerOf(world, demand, day),
  };
  placed.forEach((order, index) => {
    const placedOrder: PlacedOrder = { ...order, picked: pickTimeOf(wave, index, placed.length) };
    fulfilOrder(storeWave, placedOrder, context.random('order', order.day, order.sequence));
  });
}

function checkHourWeights(weights: readonly number[]): readonly number[] {
  const valid = Array.isArray(weights) && weights.length === 24 && weights.every((weight) => Number.isFinite(weight) && weight >= 0) && weights.some((weight) => weight > 0);
  if (!valid) {
    throw new InvalidArgumentError('createOnlineOrdersGenerator options.hourOfDayWeights', Array.isArray(weights) ? `[${weights.join(', ')}]` : weights, '24 finite weights >= 0 with a positive sum');
  }
  return Object.freeze([...weights]);
}
