import { inventoryLedgerPoint, timestampOf, type FactHooks, type GeneratorPlugin, type StoreContext, type StoreHourContext } from '@retail-datagen/generator-core';
import { InvalidArgumentError, factPayments, factPromotions, factReceiptLines, factReceipts, factStoreOps } from '@retail-datagen/models';
import { dailyAssortment } from './daily-assortment.js';
import { receiptIdPrefix } from './receipt-ids.js';
import { earliestReceiptSecond } from './receipt-shapes.js';
import { createReceiptsStoreState, type ReceiptsStoreState } from './receipts-store-state.js';
import { buildReceiptsWorld, receiptsWorldPoint } from './receipts-world.js';
import { simulateReturn } from './return-receipt.js';
import { simulateSale } from './sale-receipt.js';
import type { StoreHourSession } from './store-hour-session.js';
import { isOpenDuring } from './store-hours.js';
import { writeStoreOperations } from './store-operations.js';
import { createStoreHourVisits, resetStoreHourVisits, storeHourVisitsPoint } from './store-hour-visits.js';

/** Knobs of the receipts generator beyond the run configuration; every one has a default. */
export interface ReceiptsGeneratorOptions {
  /** Nearest other stores (by geography) whose home customers also shop at a store. Default 3. */
  readonly nearbyStoreCount?: number;
  /** Promotions in the chain's catalog. Default 20. */
  readonly promotionCount?: number;
  /**
   * Sales kept per store for returns to reference. Default 200. Memory per
   * store is about `historySales x historyLinesPerSale x 28` bytes.
   */
  readonly historySales?: number;
  /** Room for lines per kept sale, on average. Default 16. */
  readonly historyLinesPerSale?: number;
  /**
   * How far back, in days of expected sales, the kept sales reach: a sale is
   * kept with chance historySales / (expected daily sales x returnWindowDays),
   * so returns reference sales of about the last week. Default 7.
   */
  readonly returnWindowDays?: number;
}

/** The tables the receipts generator writes. */
export const receiptsTables = [factReceipts, factReceiptLines, factPayments, factPromotions, factStoreOps] as const;

const id = 'receipts';

/**
 * Creates the receipts generator. Per store-hour, within the store's open
 * hours and never on a day `context.demand` closes the store:
 *
 * - shoppers ~ Poisson(traffic.baseDailyCustomers x the store's
 *   DailyTrafficMultiplier x context.demand.multiplier(store, day, hour)); the
 *   seasonal package's contribution carries the hour-of-day share, so the
 *   day's shoppers add up to the daily figure;
 * - each shopper is anonymous (traffic.anonymousShare) or a known customer of
 *   the store (traffic.homeStoreShare) or of a nearby store, in a shopper
 *   segment ({@link shopperSegments}); picks a trip type (basket.tripMix) and
 *   about basket.meanItems distinct items x {@link storeFormatBasketScale} x
 *   the segment's basket scale, products by productDemandWeights x the day's
 *   category multiplier among launched products; every line is taken from the
 *   inventory ledger (`inventoryLedgerPoint`), and only what was taken is sold;
 * - promotions from a seeded catalog, tax per line, and payments with declines
 *   and retries; exact identities in integer cents;
 * - returns (returns.rate per sale, x returns.afterChristmasMultiplier from
 *   Dec 26 to Jan 7) of earlier sales kept in the store's history;
 * - OPEN and CLOSE events of stores not open around the clock.
 *
 * Receipt ids are `R` + store id (5 digits) + `-yyyymmdd-` + sequence within
 * the store-day (5 digits), e.g. `R00017-20241129-00042`; payment ids replace
 * the `R` with `P` and add the attempt number (`P00017-20241129-00042-1`).
 *
 * @example
 * ```ts
 * const receipts = createReceiptsGenerator({ nearbyStoreCount: 5 });
 * const engine = new FactEngine(createGeneratorRegistry({ master, seasonal, inventory, receipts }), run, { partitions: 16 });
 * engine.runDay(run.firstDay).batches; // fact_receipts, fact_receipt_lines, fact_payments, ...
 * ```
 */
export function createReceiptsGenerator(options: ReceiptsGeneratorOptions = {}): GeneratorPlugin {
  const nearbyStoreCount = integerOption('nearbyStoreCount', options.nearbyStoreCount, 3, 0, 50);
  const promotionCount = integerOption('promotionCount', options.promotionCount, 20, 0, 1000);
  const historySales = integerOption('historySales', options.historySales, 200, 0, 1_000_000);
  const historyLinesPerSale = integerOption('historyLinesPerSale', options.historyLinesPerSale, 16, 1, 1000);
  const returnWindowDays = positiveOption('returnWindowDays', options.returnWindowDays, 7);

  const facts: FactHooks<unknown, ReceiptsStoreState> = {
    setup({ run, slots }) {
      slots.provide(receiptsWorldPoint, buildReceiptsWorld(run, { nearbyStoreCount, promotionCount }), id);
    },
    createStoreState() {
      return createReceiptsStoreState(historySales, historyLinesPerSale);
    },
    startUnit(context) {
      context.slots.provide(storeHourVisitsPoint, createStoreHourVisits(), id);
    },
    startStoreDay(context: StoreContext<ReceiptsStoreState>) {
      const { state, storeIndex, dayNumber } = context;
      state.sequence = 0;
      state.openToday = !context.demand.isClosed(storeIndex, dayNumber);
      if (!state.openToday) return;
      const world = context.slots.get(receiptsWorldPoint, id);
      writeStoreOperations(
        context.emit(factStoreOps),
        world.storeIds[storeIndex] as number,
        dayNumber,
        world.openHour[storeIndex] as number,
        world.closeHour[storeIndex] as number,
      );
    },
    storeHour(context: StoreHourContext<ReceiptsStoreState>) {
      const { state, storeIndex, dayNumber, hour, run } = context;
      const visitsOfHour = context.slots.get(storeHourVisitsPoint, id);
      resetStoreHourVisits(visitsOfHour, storeIndex, dayNumber, hour);
      if (!state.openToday) return;
      const world = context.slots.get(receiptsWorldPoint, id);
      if (!isOpenDuring(world.openHour[storeIndex] as number, world.closeHour[storeIndex] as number, hour)) return;
      const config = run.config;
      const expectedDaily = config.traffic.baseDailyCustomers * (world.trafficMultiplier[storeIndex] as number);
      const expected = expectedDaily * context.demand.multiplier({ storeIndex, dayNumber, hour });
      const random = context.random('hour', hour);
      const assortment = dailyAssortment(world, context.demand, dayNumber, config.returns.afterChristmasMultiplier);
      const shoppers = random.poisson(expected);
      const returnVisits = random.poisson(shoppers * config.returns.rate * assortment.returnMultiplier);
      const visits = shoppers + returnVisits;
      visitsOfHour.shoppers = shoppers;
      visitsOfHour.returnVisits = returnVisits;
      if (visits === 0) return;

      const storeId = world.storeIds[storeIndex] as number;
      const session: StoreHourSession = {
        config,
        world,
        assortment,
        ledger: context.slots.get(inventoryLedgerPoint, id),
        tables: {
          receipts: context.emit(factReceipts),
          lines: context.emit(factReceiptLines),
          payments: context.emit(factPayments),
          promotions: context.emit(factPromotions),
        },
        visits: visitsOfHour,
        random,
        state,
        storeIndex,
        storeId,
        dayNumber,
        hour,
        hourStart: timestampOf(dayNumber, hour),
        receiptPrefix: receiptIdPrefix(storeId, dayNumber),
        historyChance: Math.min(1, historySales / Math.max(1, expectedDaily * returnWindowDays)),
      };

      // Visits in time order: key = second * 2 + (0 sale, 1 return).
      const scratch = world.scratch;
      scratch.reserveEvents(visits);
      const events = scratch.events.subarray(0, visits);
      for (let visit = 0; visit < visits; visit++) events[visit] = random.int(earliestReceiptSecond, 3599) * 2 + (visit < shoppers ? 0 : 1);
      events.sort();
      for (let visit = 0; visit < visits; visit++) {
        const key = events[visit] as number;
        const second = Math.floor(key / 2);
        if (key % 2 === 0) simulateSale(session, second);
        else simulateReturn(session, second);
      }
    },
  };

  return {
    specificationVersion: 'v1',
    id,
    description: 'Receipts: store traffic, baskets, promotions, tax, payments with declines, returns and store open/close events',
    requires: ['master', 'seasonal', 'inventory'],
    tables: receiptsTables,
    facts: facts as FactHooks,
  };
}

/**
 * The receipts generator with default options.
 *
 * @example
 * ```ts
 * const registry = createGeneratorRegistry({ master, seasonal, inventory, receipts });
 * ```
 */
export const receipts: GeneratorPlugin = createReceiptsGenerator();

function integerOption(name: string, value: number | undefined, fallback: number, minimum: number, maximum: number): number {
  if (value === undefined) return fallback;
  if (!(Number.isInteger(value) && value >= minimum && value <= maximum)) {
    throw new InvalidArgumentError(`createReceiptsGenerator options.${name}`, value, `a whole number from ${minimum} to ${maximum}`);
  }
  return value;
}

function positiveOption(name: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!(typeof value === 'number' && Number.isFinite(value) && value > 0)) {
    throw new InvalidArgumentError(`createReceiptsGenerator options.${name}`, value, 'a number greater than 0');
  }
  return value;
}
