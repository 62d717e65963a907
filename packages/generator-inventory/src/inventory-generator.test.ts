import {
  FactEngine,
  createGeneratorRegistry,
  dayNumberOf,
  int32Column,
  productDemandWeights,
  requireDim,
  runMasterPhase,
  storeReplenishmentPoint,
  timestampOf,
  type ColumnBatch,
  type FactRun,
  type GeneratorPlugin,
  type StoreContext,
} from '@retail-datagen/generator-core';
import { createMasterGenerator } from '@retail-datagen/generator-master';
import { parseConfig, type RetailConfigInput } from '@retail-datagen/models';
import { beforeAll, describe, expect, test } from 'vitest';
import { createInventoryGenerator } from './inventory-generator.js';
import { createInventoryPlan, expectedDailyUnits, initialStock, reorderPoint, reorderQuantity, type InventoryPlan } from './inventory-plan.js';
import type { ReorderRequests } from './reorder-requests.js';
import { createTestDeliveries, testDeliveryHour, testShipmentId } from './test-support/test-deliveries.js';
import { createTestSales, type TakeRecord } from './test-support/test-sales.js';
import { sortedLines, tableRows, type Row } from './test-support/table-rows.js';

const configInput: RetailConfigInput = {
  seed: 11,
  start: '2024-11-15',
  end: '2024-11-26',
  volumes: { geographies: 12, stores: 6, distributionCenters: 2, trucksPerDc: 1, poolTrucks: 0, customers: 300, products: 40 },
  inventory: { initialDaysOfSupply: 3, reorderPointDays: 2, reorderQuantityDays: 3, leadTimeDays: 2 },
};

// Plenty of new products, so some launch during the run.
const master = createMasterGenerator({ newProductShare: 0.9, newProductHorizonDays: 12 });

async function createRun(input: RetailConfigInput = configInput): Promise<FactRun> {
  const config = parseConfig(input);
  const dims = await runMasterPhase(createGeneratorRegistry({ master }), config);
  return { config, dims, firstDay: dayNumberOf(config.start), lastDay: dayNumberOf(config.end), storeCount: requireDim(dims, 'dim_stores').length };
}

interface Simulation {
  /** Each day's batches, in commit order. */
  batches: ColumnBatch[][];
  takes: TakeRecord[];
}

/** Master, inventory and the test sales; with `deliveries` (default true) the test deliveries book every reorder lead time later. */
function simulate(run: FactRun, options: { partitions: number; deliveries?: boolean; demandFactor?: number }): Simulation {
  const takes: TakeRecord[] = [];
  const inventory = createInventoryGenerator();
  const sales = createTestSales({ demandFactor: options.demandFactor ?? 1.6, takes, returnShare: 0.05 });
  const generators: Record<string, GeneratorPlugin> = { master, inventory, sales };
  if (options.deliveries ?? true) generators.deliveries = createTestDeliveries();
  const engine = new FactEngine(createGeneratorRegistry(generators), run, { partitions: options.partitions });
  const batches: ColumnBatch[][] = [];
  for (let day = run.firstDay; day <= run.lastDay; day++) batches.push(engine.runDay(day).batches);
  return { batches, takes };
}

const txnTable = 'fact_store_inventory_txn';
const dayStride = 1e12;

describe('inventory generator over several days', () => {
  let run: FactRun;
  let plan: InventoryPlan;
  let simulation: Simulation;
  let transactions: Row[];
  let reorders: Row[];
  let stockouts: Row[];
  let storeIndexOf: Map<number, number>;
  let productIndexOf: Map<number, number>;

  beforeAll(async () => {
    run = await createRun();
    plan = createInventoryPlan(run);
    simulation = simulate(run, { partitions: 4 });
    const all = simulation.batches.flat();
    transactions = tableRows(all, txnTable);
    reorders = tableRows(all, 'fact_reorders');
    stockouts = tableRows(all, 'fact_stockouts');
    storeIndexOf = new Map(Array.from(plan.storeIds, (storeId, index) => [storeId, index]));
    productIndexOf = new Map(Array.from(plan.productIds, (productId, index) => [productId, index]));
  });

  /** Movements of each (store, product) in txn_seq order. */
  function movementsByItem(): Map<string, Row[]> {
    const byItem = new Map<string, Row[]>();
    for (const row of transactions) {
      const key = `${row.StoreID}:${row.ProductID}`;
      const list = byItem.get(key) ?? [];
      list.push(row);
      byItem.set(key, list);
    }
    for (const list of byItem.values()) list.sort((left, right) => (left.TxnSeq as number) - (right.TxnSeq as number));
    return byItem;
  }

  test('expected daily units follow the documented formula', () => {
    const config = run.config;
    const meanItems = (0.4 * 3 + 0.35 * 12 + 0.18 * 24 + 0.07 * 40) / (0.4 + 0.35 + 0.18 + 0.07);
    const weights = productDemandWeights(requireDim(run.dims, 'dim_products'), config.seed);
    for (const [storeIndex, productIndex] of [[0, 0], [3, 17], [5, 39]] as const) {
      const multiplier = plan.storeTrafficMultipliers[storeIndex] as number;
      const expected = (config.traffic.baseDailyCustomers * multiplier * meanItems * 1.6 * (weights[productIndex] as number)) / plan.productCount;
      expect(expectedDailyUnits(plan, storeIndex, productIndex)).toBeCloseTo(expected, 9);
    }
  });

  test('every (store, product) starts with one INITIAL row at 00:00 of the first day, then balance = previous + quantity >= 0', () => {
    const byItem = movementsByItem();
    expect(byItem.size).toBe(plan.storeCount * plan.productCount);
    const problems: string[] = [];
    let movements = 0;
    for (const [key, rows] of byItem) {
      const [first, ...rest] = rows as [Row, ...Row[]];
      const storeIndex = storeIndexOf.get(first.StoreID as number) as number;
      const productIndex = productIndexOf.get(first.ProductID as number) as number;
      const expectedInitial = initialStock(plan, storeIndex, productIndex);
      if (first.TxnType !== 'INITIAL' || first.EventTS !== timestampOf(run.firstDay) || first.Source !== null || first.Quantity !== expectedInitial || first.Balance !== expectedInitial) {
        problems.push(`${key} starts with ${JSON.stringify(first)}, expected INITIAL of ${expectedInitial}`);
      }
      let balance = first.Balance as number;
      for (const row of rest) {
        const quantity = row.Quantity as number;
        if (row.TxnType === 'INITIAL' || quantity === 0) problems.push(`${key}: unexpected ${JSON.stringify(row)}`);
        if (row.Balance !== balance + quantity || (row.Balance as number) < 0) problems.push(`${key}: ${balance} + ${quantity} -> ${row.Balance} at ${row.TxnSeq}`);
        balance = row.Balance as number;
        movements++;
      }
    }
    expect(problems).toEqual([]);
    expect(movements).toBeGreaterThan(1000);
    const types = new Set(transactions.map((row) => row.TxnType));
    expect([...types].sort()).toEqual(['DELIVERY', 'INITIAL', 'RETURN', 'SALE']);
  });

  test('txn_seq is unique and orders each store-day after the INITIAL rows', () => {
    const sequences = transactions.map((row) => row.TxnSeq as number);
    expect(new Set(sequences).size).toBe(sequences.length);
    const problems: string[] = [];
    for (const row of transactions) {
      const sequence = row.TxnSeq as number;
      if (!Number.isSafeInteger(sequence)) problems.push(`not an exact integer: ${sequence}`);
      if (row.TxnType === 'INITIAL') {
        if (sequence !== (row.StoreID as number) * 1e6 + (productIndexOf.get(row.ProductID as number) as number)) problems.push(`INITIAL ${JSON.stringify(row)}`);
        continue;
      }
      const day = run.firstDay + Math.floor(sequence / dayStride) - 1;
      const time = row.EventTS as number;
      if (time < timestampOf(day) || time >= timestampOf(day + 1)) problems.push(`${sequence} is not on day ${day}: ${JSON.stringify(row)}`);
      if (Math.floor((sequence % dayStride) / 1e6) !== row.StoreID) problems.push(`${sequence} does not carry store ${row.StoreID}`);
    }
    expect(problems).toEqual([]);
  });

  test('take never exceeds on hand, and each shortfall is a stockout row with the lost quantity', () => {
    const { takes } = simulation;
    expect(takes.length).toBeGreaterThan(1000);
    const problems: string[] = [];
    let short = 0;
    const lostByDay = new Map<string, number>();
    for (const take of takes) {
      if (take.taken !== Math.min(take.asked, take.before) || take.after !== take.before - take.taken) problems.push(JSON.stringify(take));
      if (take.taken < take.asked) {
        short++;
        const key = `${plan.storeIds[take.storeIndex]}:${plan.productIds[take.productIndex]}:${take.dayNumber}`;
        lostByDay.set(key, (lostByDay.get(key) ?? 0) + take.asked - take.taken);
      }
    }
    expect(problems).toEqual([]);
    expect(short).toBeGreaterThan(10);
    expect(stockouts.length).toBe(short);
    const rowsByDay = new Map<string, number>();
    for (const row of stockouts) {
      expect(row.LostQuantity as number).toBeGreaterThan(0);
      const key = `${row.StoreID}:${row.ProductID}:${Math.floor((row.EventTS as number) / 86_400_000)}`;
      rowsByDay.set(key, (rowsByDay.get(key) ?? 0) + (row.LostQuantity as number));
    }
    expect(rowsByDay).toEqual(lostByDay);
    // (EventTS, StoreID, ProductID) is the table's key even when two postings share a millisecond.
    const keys = stockouts.map((row) => `${row.EventTS}:${row.StoreID}:${row.ProductID}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  test('reorders are raised exactly when on hand plus in transit falls to the reorder point; booked deliveries post at their hour and settle what is in transit', () => {
    const lead = run.config.inventory.leadTimeDays;
    const byItem = movementsByItem();
    const reordersByItemDay = new Map<string, Row>();
    for (const row of reorders) reordersByItemDay.set(`${row.StoreID}:${row.ProductID}:${Math.floor((row.EventTS as number) / 86_400_000)}`, row);
    expect(reordersByItemDay.size).toBe(reorders.length);
    const problems: string[] = [];
    let checkedDays = 0;
    let deliveriesChecked = 0;
    const stores = requireDim(run.dims, 'dim_stores');
    const openHours = int32Column(stores, 'OpenHour');
    const closeHours = int32Column(stores, 'CloseHour');
    for (let storeIndex = 0; storeIndex < plan.storeCount; storeIndex++) {
      const storeId = plan.storeIds[storeIndex] as number;
      const deliveryHour = testDeliveryHour(openHours[storeIndex] as number, closeHours[storeIndex] as number);
      for (let productIndex = 0; productIndex < plan.productCount; productIndex++) {
        const productId = plan.productIds[productIndex] as number;
        const item = `${storeId}:${productId}`;
        const rows = byItem.get(item) as Row[];
        const point = reorderPoint(plan, storeIndex, productIndex);
        const quantity = reorderQuantity(plan, storeIndex, productIndex);
        let inTransit = 0;
        let cursor = 0;
        let balance = 0;
        const ordered: { day: number; quantity: number }[] = [];
        for (let day = run.firstDay; day <= run.lastDay; day++) {
          const dayEnd = (day - run.firstDay + 2) * dayStride;
          while (cursor < rows.length && (rows[cursor]?.TxnSeq as number) < dayEnd) {
            const row = rows[cursor++] as Row;
            balance = row.Balance as number;
            if (row.TxnType !== 'DELIVERY') continue;
            const due = ordered.shift();
            const source = row.Source as string;
            if (
              due === undefined ||
              day !== due.day + lead ||
              row.Quantity !== due.quantity ||
              row.EventTS !== timestampOf(day, deliveryHour) ||
              source !== testShipmentId(storeId, due.day)
            ) {
              problems.push(`${item}: delivery ${JSON.stringify(row)} for order ${JSON.stringify(due)}`);
            }
            inTransit -= row.Quantity as number;
            deliveriesChecked++;
          }
          const reorder = reordersByItemDay.get(`${item}:${day}`);
          const due = (plan.orderableDays[productIndex] as number) <= day && balance + inTransit <= point;
          if ((reorder !== undefined) !== due) problems.push(`${item} on day ${day}: on hand ${balance} + in transit ${inTransit} vs point ${point}; reorder ${JSON.stringify(reorder)}`);
          if (reorder) {
            const priority = balance === 0 ? 'URGENT' : balance <= point / 2 ? 'HIGH' : 'NORMAL';
            if (reorder.CurrentQuantity !== balance || reorder.ReorderPoint !== point || reorder.ReorderQuantity !== quantity || reorder.Priority !== priority) {
              problems.push(`${item} on day ${day}: ${JSON.stringify(reorder)}; expected ${balance}/${point}/${quantity}/${priority}`);
            }
            if (reorder.EventTS !== timestampOf(day) + (plan.closeOffsets[storeIndex] as number)) problems.push(`${item}: reorder not at closing time`);
            inTransit += quantity;
            ordered.push({ day, quantity });
          }
          checkedDays++;
        }
        // Whatever is still on order was ordered within the last lead-time days.
        for (const order of ordered) if (order.day + lead <= run.lastDay) problems.push(`${item}: order of day ${order.day} never delivered`);
      }
    }
    expect(problems).toEqual([]);
    expect(checkedDays).toBe(plan.storeCount * plan.productCount * (run.lastDay - run.firstDay + 1));
    expect(reorders.length).toBeGreaterThan(50);
    expect(deliveriesChecked).toBeGreaterThan(50);
    const priorities = new Set(reorders.map((row) => row.Priority));
    expect(priorities.has('NORMAL') && priorities.has('HIGH')).toBe(true);
  });

  test('products launching during the run start empty, are ordered lead time before launch and never sell before it', () => {
    const lead = run.config.inventory.leadTimeDays;
    const launching = Array.from(plan.launchDays.keys()).filter(
      (product) => (plan.launchDays[product] as number) > run.firstDay + lead && (plan.launchDays[product] as number) <= run.lastDay,
    );
    expect(launching.length).toBeGreaterThan(0);
    for (const productIndex of launching) {
      const productId = plan.productIds[productIndex];
      const launch = plan.launchDays[productIndex] as number;
      const rows = transactions.filter((row) => row.ProductID === productId);
      for (const row of rows) {
        if (row.TxnType === 'INITIAL') expect(row.Quantity).toBe(0);
        else expect(row.EventTS as number).toBeGreaterThanOrEqual(timestampOf(launch));
      }
      const firstReorders = reorders.filter((row) => row.ProductID === productId);
      expect(firstReorders.length).toBeGreaterThanOrEqual(plan.storeCount);
      for (const row of firstReorders) expect(row.EventTS as number).toBeGreaterThanOrEqual(timestampOf(launch - lead));
      const deliveries = rows.filter((row) => row.TxnType === 'DELIVERY').map((row) => Math.floor((row.EventTS as number) / 86_400_000));
      expect(Math.min(...deliveries)).toBe(launch);
    }
  });
});

describe('determinism', () => {
  test('two engines with the same configuration give identical batches', async () => {
    const run = await createRun();
    const first = simulate(run, { partitions: 3 });
    const second = simulate(await createRun(), { partitions: 3 });
    expect(first.batches.length).toBe(second.batches.length);
    for (let day = 0; day < first.batches.length; day++) {
      const left = (first.batches[day] as ColumnBatch[]).map((batch) => [batch.table.name, tableRows([batch], batch.table.name)]);
      const right = (second.batches[day] as ColumnBatch[]).map((batch) => [batch.table.name, tableRows([batch], batch.table.name)]);
      expect(left).toEqual(right);
    }
  });

  test('1 or 4 partitions give the same rows in every table', async () => {
    const run = await createRun();
    const one = simulate(run, { partitions: 1 }).batches.flat();
    const four = simulate(run, { partitions: 4 }).batches.flat();
    for (const table of [txnTable, 'fact_stockouts', 'fact_reorders']) {
      const rows = tableRows(one, table);
      expect(rows.length).toBeGreaterThan(0);
      expect(sortedLines(tableRows(four, table))).toEqual(sortedLines(rows));
    }
  });
});

describe('replenishment seam and guards', () => {
  test('without a package that delivers, nothing is delivered and nothing on order is reordered', async () => {
    const run = await createRun();
    const simulation = simulate(run, { partitions: 2, deliveries: false, demandFactor: 4 });
    const all = simulation.batches.flat();
    const transactions = tableRows(all, txnTable);
    expect(transactions.some((row) => row.TxnType === 'DELIVERY')).toBe(false);
    const reorders = tableRows(all, 'fact_reorders');
    expect(reorders.length).toBeGreaterThan(0);
    const keys = reorders.map((row) => `${row.StoreID}:${row.ProductID}`);
    expect(new Set(keys).size).toBe(keys.length);
    // Demand at 4x the plan empties shelves before the first review: those reorders are urgent.
    expect(reorders.some((row) => row.Priority === 'URGENT' && row.CurrentQuantity === 0)).toBe(true);
    expect(tableRows(all, 'fact_stockouts').length).toBeGreaterThan(0);
  });

  test('the unit summary lists every reorder request and is what storeReplenishmentPoint publishes', async () => {
    const run = await createRun();
    const inventory = createInventoryGenerator();
    const sales = createTestSales({ demandFactor: 1.6 });
    const published: ReorderRequests[] = [];
    const reader: GeneratorPlugin = {
      specificationVersion: 'v1',
      id: 'test-reader',
      description: 'Keeps the published requests of each unit',
      requires: ['inventory'],
      tables: [],
      facts: {
        startUnit(context) {
          published.push(context.slots.get(storeReplenishmentPoint, 'test-reader').requests);
        },
      },
    };
    const engine = new FactEngine(createGeneratorRegistry({ master, inventory, sales, reader }), run, { partitions: 2 });
    let requested = 0;
    let rows = 0;
    for (let day = run.firstDay; day < run.firstDay + 3; day++) {
      for (let partition = 0; partition < engine.partitions.length; partition++) {
        const unit = engine.runUnit(day, partition);
        const summary = unit.summaries.get('inventory') as ReorderRequests;
        expect(published.at(-1)).toBe(summary);
        const unitRows = tableRows(unit.batches, 'fact_reorders');
        expect(summary.quantities).toEqual(unitRows.map((row) => row.ReorderQuantity));
        expect(summary.priorities).toEqual(unitRows.map((row) => row.Priority));
        expect(summary.productIndices.map((product) => createInventoryPlan(run).productIds[product])).toEqual(unitRows.map((row) => row.ProductID));
        expect(summary.storeIndices.every((store) => (engine.partitions[partition] as number[]).includes(store))).toBe(true);
        requested += summary.quantities.length;
        rows += unitRows.length;
      }
    }
    expect(requested).toBe(rows);
    expect(rows).toBeGreaterThan(0);
  });

  test('a delivery posts at the top of its hour before that hour\'s sales, whatever the registry order', async () => {
    const run = await createRun();
    for (const order of ['deliveries first', 'sales first'] as const) {
      const sales = createTestSales({ demandFactor: 1.6 });
      const deliveries = createTestDeliveries();
      const inventory = createInventoryGenerator();
      const record: Record<string, GeneratorPlugin> = order === 'deliveries first' ? { master, inventory, deliveries, sales } : { master, inventory, sales, deliveries };
      const engine = new FactEngine(createGeneratorRegistry(record), run, { partitions: 2 });
      const batches: ColumnBatch[] = [];
      for (let day = run.firstDay; day <= run.lastDay; day++) batches.push(...engine.runDay(day).batches);
      const byItem = new Map<string, Row[]>();
      for (const row of tableRows(batches, txnTable)) {
        const key = `${row.StoreID}:${row.ProductID}`;
        byItem.set(key, [...(byItem.get(key) ?? []), row]);
      }
      const problems: string[] = [];
      let deliveredBeforeSale = 0;
      for (const [key, rows] of byItem) {
        rows.sort((left, right) => (left.TxnSeq as number) - (right.TxnSeq as number));
        for (let index = 1; index < rows.length; index++) {
          const previous = rows[index - 1] as Row;
          const row = rows[index] as Row;
          if ((row.EventTS as number) < (previous.EventTS as number)) problems.push(`${order} ${key}: ${JSON.stringify(previous)} then ${JSON.stringify(row)}`);
          if (previous.TxnType === 'DELIVERY' && row.TxnType === 'SALE' && row.EventTS === previous.EventTS) deliveredBeforeSale++;
        }
      }
      expect(problems).toEqual([]);
      // Test sales post at the top of the hour too: the delivery of that hour came first.
      expect(deliveredBeforeSale).toBeGreaterThan(0);
    }
  });

  test('the dock refuses bookings for another store, an hour already simulated, or no units', async () => {
    const run = await createRun();
    const attempts: { when: 'startStoreDay' | 'storeHour'; delivery: Partial<{ storeIndex: number; hour: number; quantity: number }>; message: RegExp }[] = [
      { when: 'startStoreDay', delivery: { storeIndex: 1 }, message: /not open for postings/ },
      { when: 'storeHour', delivery: { hour: 3 }, message: /past 3:00/ },
      { when: 'startStoreDay', delivery: { quantity: 0 }, message: /whole number of units > 0/ },
      { when: 'startStoreDay', delivery: { hour: 24 }, message: /hour from 0 to 23/ },
    ];
    for (const attempt of attempts) {
      const book = (context: StoreContext) =>
        context.slots.get(storeReplenishmentPoint, 'test-booker').book({ storeIndex: 0, productIndex: 0, quantity: 5, hour: 12, source: 'SHP-X', ...attempt.delivery });
      const booker: GeneratorPlugin = {
        specificationVersion: 'v1',
        id: 'test-booker',
        description: 'Books one bad delivery for store index 0',
        requires: ['inventory'],
        tables: [],
        facts:
          attempt.when === 'startStoreDay'
            ? { startStoreDay: (context) => context.storeIndex === 0 && book(context) }
            : { storeHour: (context) => context.storeIndex === 0 && context.hour === 5 && book(context) },
      };
      const engine = new FactEngine(createGeneratorRegistry({ master, inventory: createInventoryGenerator(), booker }), run, { partitions: 2 });
      expect(() => engine.runDay(run.firstDay), JSON.stringify(attempt)).toThrow(attempt.message);
    }
  });

  test('posting for a store outside the current store-day is refused', async () => {
    const run = await createRun();
    const sales = createTestSales({ demandFactor: 1, postForOtherStore: true });
    const engine = new FactEngine(createGeneratorRegistry({ master, inventory: createInventoryGenerator(), sales }), run, { partitions: 2 });
    expect(() => engine.runDay(run.firstDay)).toThrow(/not open for postings/);
  });
});

describe('closed days', () => {
  test('a store closed for the day raises no reorder', async () => {
    const run = await createRun();
    const closedDay = run.firstDay + 4;
    const closures: GeneratorPlugin = {
      specificationVersion: 'v1',
      id: 'test-closures',
      description: 'Closes store index 0 for one day',
      tables: [],
      facts: {
        setup({ demand }) {
          demand.contributeClosure('test-closures', (storeIndex, dayNumber) => storeIndex === 0 && dayNumber === closedDay);
        },
      },
    };
    const sales = createTestSales({ demandFactor: 1.6 });
    const engine = new FactEngine(createGeneratorRegistry({ master, closures, inventory: createInventoryGenerator(), sales }), run, { partitions: 2 });
    const batches: ColumnBatch[] = [];
    for (let day = run.firstDay; day <= closedDay + 1; day++) batches.push(...engine.runDay(day).batches);
    const storeId = createInventoryPlan(run).storeIds[0];
    const dayOf = (row: Row) => Math.floor((row.EventTS as number) / 86_400_000);
    const reorders = tableRows(batches, 'fact_reorders').filter((row) => row.StoreID === storeId);
    expect(reorders.filter((row) => dayOf(row) === closedDay)).toEqual([]);
    // The store reorders on the days around it.
    expect(reorders.filter((row) => dayOf(row) !== closedDay).length).toBeGreaterThan(0);
  });
});
