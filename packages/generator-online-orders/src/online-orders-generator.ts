import {
  dcInventoryPoint,
  inventoryLedgerPoint,
  millisecondsPerDay,
  timestampOf,
  type ChainContext,
  type FactHooks,
  type GeneratorPlugin,
  type Random,
  type StoreContext,
} from '@retail-datagen/generator-core';
import { InvalidArgumentError, factOnlineOrderHeaders, factOnlineOrderLines, factPayments } from '@retail-datagen/models';
import { fulfilOrder, type FulfilmentNode, type OrderWave } from './online-order.js';
import { buildOnlineOrdersWorld, onlineOrdersWorldPoint, productSamplerOf, type OnlineOrdersWorld } from './online-orders-world.js';
import { dcOrderId, storeOrderId } from './order-ids.js';
import { dcPickWaveStartHour, onlineHourOfDayWeights } from './order-shapes.js';
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
 * the clock. The DC of their home store's region ships a share of them
 * (SHIP_FROM_DC), drawing DC stock through `dcInventoryPoint` in a pick
 * wave of the chain phase the next day; their home store fulfils the rest
 * through the store inventory ledger (`inventoryLedgerPoint`) in a pick wave
 * before it opens the next day (its next open day after a closure):
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
 * - fulfillment: SHIP_FROM_DC, SHIP_FROM_STORE or BOPIS in the proportions
 *   of `fulfillmentMix`. Store modes: node = the home store, ids
 *   `OS<store id>-<yyyymmdd>-<seq>`. SHIP_FROM_DC: node = the DC serving the
 *   home store (node_type DC, node_id = dim_distribution_centers.id), ids
 *   `OD<dc id>-<yyyymmdd>-<seq>`, picked the day after placement between
 *   `dcPickWaveStartHour` (or the DC's last movement of the day) and
 *   midnight, from the DC's free stock only (on hand minus what it owes its
 *   stores: no store shipment is shrunk); tax always at the home store's
 *   rate, tax_store_id = the home store;
 * - lifecycle: placed, then (unless the customer cancels first,
 *   `cancelRate`) paid (declines retried, all declined = cancelled) and
 *   picked: each line the node holds is taken (fact_store_inventory_txn or
 *   fact_dc_inventory_txn ONLINE_ORDER, source = order id); lines it lacks
 *   are CANCELLED, never invented. Shipped a few hours later and delivered 1-3 days after, or
 *   picked up in store (BOPIS) during open hours within 3 days. The whole
 *   lifecycle is written at the pick, so the last deliveries may fall a few
 *   days after the run;
 * - tables: fact_online_order_headers, fact_online_order_lines and
 *   fact_payments (order_id_ext set, receipt_id_ext NULL).
 *
 * Every draw comes from the store-day's streams (seed, 'online-orders',
 * store, day, ...) or, for DC orders, the chain day's streams (seed,
 * 'online-orders', 'chain', day, ...), and no state crosses days, so the rows
 * do not depend on the partition count.
 *
 * @example
 * ```ts
 * const onlineOrders = createOnlineOrdersGenerator();
 * const engine = new FactEngine(createGeneratorRegistry({ master, seasonal, inventory, receipts, logistics, onlineOrders }), run, { partitions: 16 });
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
    endDay(context: ChainContext) {
      runDcPickWaves(context);
    },
  };
  return {
    specificationVersion: 'v1',
    id,
    description:
      "Online orders of known customers shipped from the DC of their region or fulfilled by their home store (ship from store, buy online pick up in store), drawing DC and store inventory, with lifecycle and payments",
    requires: ['master', 'seasonal', 'inventory', 'logistics'],
    tables: onlineOrdersTables,
    facts,
  };
}

/**
 * The online orders generator with its default hour-of-day curve.
 *
 * @example
 * ```ts
 * const registry = createGeneratorRegistry({ master, seasonal, inventory, receipts, logistics, onlineOrders });
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
  if (!(dailyOrders > 0) || !(world.storeShare > 0)) return;
  const isClosed = (day: number) => demand.isClosed(storeIndex, day);
  const { first, last } = creationDaysPickedOn(dayNumber, run.firstDay, isClosed);
  if (first > last) return;

  const placed: { day: number; sequence: number; created: number }[] = [];
  for (let day = first; day <= last; day++) {
    if (productSamplerOf(world, demand, day) === null) continue;
    const times = placementTimes(world, context.random('orders', day), dailyOrders * world.storeShare * dayTotal(context, storeIndex, day), day);
    times.forEach((created, index) => placed.push({ day, sequence: index + 1, created }));
  }
  if (placed.length === 0) return;

  const wave = pickWave(dayNumber, world.openHour[storeIndex] as number, world.closeHour[storeIndex] as number);
  const ledger = context.slots.get(inventoryLedgerPoint, id);
  const node: FulfilmentNode = {
    type: 'STORE',
    id: world.storeIds[storeIndex] as number,
    holds: (productIndex, quantity) => ledger.balance(storeIndex, productIndex) >= quantity,
    take: (productIndex, quantity, timestamp, source) => ledger.take({ storeIndex, productIndex, quantity, type: 'ONLINE_ORDER', timestamp, source }),
  };
  const orderWave = waveOf(context, world, dayNumber);
  placed.forEach((order, index) => {
    fulfilOrder(
      orderWave,
      { orderId: storeOrderId(node.id, order.day, order.sequence), day: order.day, storeIndex, created: order.created, picked: pickTimeOf(wave, index, placed.length), node, mode: null },
      context.random('order', order.day, order.sequence),
    );
  });
}

/**
 * The chain phase's DC pick waves, at the end of a day (after logistics has
 * posted the DCs' movements and backlogged the day's reorders): each DC picks
 * the SHIP_FROM_DC orders placed the day before by the customers of the
 * stores it serves, in placement order, from `dcPickWaveStartHour` (or its
 * last movement, if later) to midnight.
 */
function runDcPickWaves(context: ChainContext): void {
  const { dayNumber, run, demand } = context;
  const world = context.slots.get(onlineOrdersWorldPoint, id);
  const placedDay = dayNumber - 1;
  if (!(world.dcShare > 0) || placedDay < run.firstDay || productSamplerOf(world, demand, placedDay) === null) return;
  const dcs = context.slots.get(dcInventoryPoint, id);
  const ordersOf: { storeIndex: number; created: number }[][] = Array.from({ length: dcs.dcCount }, () => []);
  for (let storeIndex = 0; storeIndex < run.storeCount; storeIndex++) {
    const dailyOrders = world.storeDailyOrders[storeIndex] as number;
    if (!(dailyOrders > 0)) continue;
    const times = placementTimes(world, context.random('orders', storeIndex), dailyOrders * world.dcShare * dayTotal(context, storeIndex, placedDay), placedDay);
    const orders = ordersOf[dcs.dcOfStore(storeIndex)] as { storeIndex: number; created: number }[];
    for (const created of times) orders.push({ storeIndex, created });
  }
  const orderWave = waveOf(context, world, dayNumber);
  const end = timestampOf(dayNumber + 1);
  ordersOf.forEach((orders, dcIndex) => {
    if (orders.length === 0) return;
    // Placement order; stores were visited in index order, so ties keep it.
    orders.sort((left, right) => left.created - right.created || left.storeIndex - right.storeIndex);
    const dcId = dcs.dcId(dcIndex);
    const wave = { start: Math.max(dcs.earliestPostingTime(dcIndex), timestampOf(dayNumber, dcPickWaveStartHour)), end };
    const node: FulfilmentNode = {
      type: 'DC',
      id: dcId,
      holds: (productIndex, quantity) => dcs.available(dcIndex, productIndex) >= quantity,
      take: (productIndex, quantity, timestamp, source) => dcs.take({ dcIndex, productIndex, quantity, timestamp, source }),
    };
    orders.forEach((order, index) => {
      const sequence = index + 1;
      fulfilOrder(
        orderWave,
        { orderId: dcOrderId(dcId, placedDay, sequence), day: placedDay, storeIndex: order.storeIndex, created: order.created, picked: pickTimeOf(wave, index, orders.length), node, mode: 'SHIP_FROM_DC' },
        context.random('order', dcIndex, sequence),
      );
    });
  });
}

/** What a pick wave (store or DC) writes into and reads. */
function waveOf(context: StoreContext | ChainContext, world: OnlineOrdersWorld, dayNumber: number): OrderWave {
  return {
    world,
    tables: {
      headers: context.emit(factOnlineOrderHeaders),
      lines: context.emit(factOnlineOrderLines),
      payments: context.emit(factPayments),
    },
    dayNumber,
    isClosed: (storeIndex, day) => context.demand.isClosed(storeIndex, day),
    productSampler: (day) => productSamplerOf(world, context.demand, day),
  };
}

/** A store's demand day total: the sum of its hourly multipliers on a day (0 when it is closed). */
function dayTotal(context: StoreContext | ChainContext, storeIndex: number, dayNumber: number): number {
  let total = 0;
  for (let hour = 0; hour < 24; hour++) total += context.demand.multiplier({ storeIndex, dayNumber, hour });
  return total;
}

/** Poisson(`expected`) placement times on a day, by the hour-of-day curve, in whole seconds, sorted. */
function placementTimes(world: OnlineOrdersWorld, random: Random, expected: number, day: number): Float64Array {
  const count = random.poisson(expected);
  const times = new Float64Array(count);
  for (let index = 0; index < count; index++) {
    times[index] = day * millisecondsPerDay + (world.hourSampler.sample(random) * 3600 + random.int(0, 3599)) * second;
  }
  return times.sort();
}

function checkHourWeights(weights: readonly number[]): readonly number[] {
  const valid = Array.isArray(weights) && weights.length === 24 && weights.every((weight) => Number.isFinite(weight) && weight >= 0) && weights.some((weight) => weight > 0);
  if (!valid) {
    throw new InvalidArgumentError('createOnlineOrdersGenerator options.hourOfDayWeights', Array.isArray(weights) ? `[${weights.join(', ')}]` : weights, '24 finite weights >= 0 with a positive sum');
  }
  return Object.freeze([...weights]);
}
