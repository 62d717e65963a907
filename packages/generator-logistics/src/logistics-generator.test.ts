import { checkGeneratorContract, float64Column, int32Column, isoDateOf, requireDim, stringValues, timestampOf, type ColumnBatch, type FactRun } from '@retail-datagen/generator-core';
import { inventory } from '@retail-datagen/generator-inventory';
import { master } from '@retail-datagen/generator-master';
import { receipts } from '@retail-datagen/generator-receipts';
import { seasonal } from '@retail-datagen/generator-seasonal';
import type { RetailConfigInput } from '@retail-datagen/models';
import { beforeAll, describe, expect, test } from 'vitest';
import { greatCircleDistance } from './great-circle-distance.js';
import { logistics } from './logistics-generator.js';
import { truckStatuses } from './truck-lifecycle.js';
import { createRun, simulate } from './test-support/logistics-run.js';
import { groupBy, rowCount, rowsWhere, sortedLines, tableRows, type Row } from './test-support/table-rows.js';

/**
 * Thirty days from Thanksgiving past Christmas, three DCs in three regions,
 * small trucks (capacity_units x 2 units) so large orders are split, and DCs
 * that start with two days of stock so they run dry and backorder.
 */
const configInput: RetailConfigInput = {
  seed: 23,
  start: '2024-11-28',
  end: '2024-12-27',
  volumes: { geographies: 30, stores: 12, distributionCenters: 3, trucksPerDc: 4, poolTrucks: 3, customers: 1_500, products: 80 },
  traffic: { baseDailyCustomers: 120 },
  inventory: { initialDaysOfSupply: 5, reorderPointDays: 3, reorderQuantityDays: 4 },
  logistics: { unitsPerCapacityUnit: 2, dcInitialDaysOfSupply: 2, supplierLeadTimeDays: 2, minimumLoadShare: 0.3, maximumHoldHours: 12 },
};

const minute = 60_000;
const day = 86_400_000;

interface Shipment {
  readonly id: string;
  /** Status rows in timeline order. */
  readonly statuses: Row[];
  readonly truckId: number;
  readonly dcId: number;
  readonly storeId: number;
  readonly time: (status: (typeof truckStatuses)[number]) => number | undefined;
}

let run: FactRun;
let all: ColumnBatch[];
let dcTransactions: Row[];
let moves: Row[];
let truckLoads: Row[];
let deliveries: Row[];
let shipments: Map<string, Shipment>;
let runEnd: number;

beforeAll(async () => {
  run = await createRun(configInput);
  all = simulate(run, { partitions: 5 }).flat();
  dcTransactions = tableRows(all, 'fact_dc_inventory_txn');
  moves = tableRows(all, 'fact_truck_moves');
  truckLoads = tableRows(all, 'fact_truck_inventory');
  deliveries = rowsWhere(all, 'fact_store_inventory_txn', 'TxnType', 'DELIVERY');
  runEnd = timestampOf(run.lastDay + 1);
  shipments = new Map();
  for (const [id, rows] of groupBy(moves, (row) => row.ShipmentId as string)) {
    const statuses = [...rows].sort((left, right) => truckStatuses.indexOf(left.Status as never) - truckStatuses.indexOf(right.Status as never));
    const first = statuses[0] as Row;
    shipments.set(id, {
      id,
      statuses,
      truckId: first.TruckID as number,
      dcId: first.DCID as number,
      storeId: first.StoreID as number,
      time: (status) => statuses.find((row) => row.Status === status)?.EventTS as number | undefined,
    });
  }
});

/** Sums quantities by `shipment:product`. */
function unitsByShipmentProduct(rows: readonly Row[], shipmentField: string, sign = 1): Map<string, number> {
  const sums = new Map<string, number>();
  for (const row of rows) {
    const key = `${row[shipmentField]}:${row.ProductID}`;
    sums.set(key, (sums.get(key) ?? 0) + sign * (row.Quantity as number));
  }
  return sums;
}

function dims() {
  const geographies = requireDim(run.dims, 'dim_geographies');
  const stores = requireDim(run.dims, 'dim_stores');
  const centers = requireDim(run.dims, 'dim_distribution_centers');
  const trucks = requireDim(run.dims, 'dim_trucks');
  const products = requireDim(run.dims, 'dim_products');
  const geographyRow = new Map(Array.from(int32Column(geographies, 'ID'), (id, row) => [id, row]));
  const geographyRegions = stringValues(geographies, 'Region');
  const storeGeography = new Map(Array.from(int32Column(stores, 'ID'), (id, row) => [id, int32Column(stores, 'GeographyID')[row] as number]));
  const dcGeography = new Map(Array.from(int32Column(centers, 'ID'), (id, row) => [id, int32Column(centers, 'GeographyID')[row] as number]));
  const dcRegion = new Map(Array.from(int32Column(centers, 'ID'), (id, row) => [id, stringValues(centers, 'Region')[row] as string]));
  const truckDcIds = int32Column(trucks, 'DCID');
  const truckValidity = trucks.validity['DCID'];
  const truckOwner = new Map(Array.from(int32Column(trucks, 'ID'), (id, row) => [id, truckValidity?.[row] === 0 ? null : (truckDcIds[row] as number)]));
  const truckCapacity = new Map(Array.from(int32Column(trucks, 'ID'), (id, row) => [id, int32Column(trucks, 'CapacityUnits')[row] as number]));
  const truckRefrigerated = new Map(Array.from(int32Column(trucks, 'ID'), (id, row) => [id, (trucks.columns['Refrigeration'] as Uint8Array)[row] === 1]));
  const productRefrigerated = new Map(Array.from(int32Column(products, 'ID'), (id, row) => [id, (products.columns['RequiresRefrigeration'] as Uint8Array)[row] === 1]));
  const latitude = float64Column(geographies, 'Latitude');
  const longitude = float64Column(geographies, 'Longitude');
  const position = (geographyId: number) => {
    const row = geographyRow.get(geographyId) as number;
    return [latitude[row] as number, longitude[row] as number] as const;
  };
  return {
    storeRegion: (storeId: number) => geographyRegions[geographyRow.get(storeGeography.get(storeId) as number) as number] as string,
    dcRegion: (dcId: number) => dcRegion.get(dcId) as string,
    kilometers: (dcId: number, storeId: number) => greatCircleDistance(...position(dcGeography.get(dcId) as number), ...position(storeGeography.get(storeId) as number)),
    truckOwner,
    truckCapacity,
    truckRefrigerated,
    productRefrigerated,
    dcIds: [...dcRegion.keys()],
  };
}

describe('DC inventory', () => {
  test('per (dc, product): one INITIAL row at 00:00 of the first day, then balance = previous + quantity >= 0 in txn_seq order, in time order', () => {
    const { dcIds } = dims();
    const productCount = requireDim(run.dims, 'dim_products').length;
    const byItem = groupBy(dcTransactions, (row) => `${row.DCID}:${row.ProductID}`);
    expect(byItem.size).toBe(dcIds.length * productCount);
    const sequences = dcTransactions.map((row) => row.TxnSeq as number);
    expect(new Set(sequences).size).toBe(sequences.length);
    expect(sequences.every((sequence) => Number.isSafeInteger(sequence))).toBe(true);
    const problems: string[] = [];
    for (const [key, rows] of byItem) {
      rows.sort((left, right) => (left.TxnSeq as number) - (right.TxnSeq as number));
      const [first, ...rest] = rows as [Row, ...Row[]];
      if (first.TxnType !== 'INITIAL' || first.EventTS !== timestampOf(run.firstDay) || first.Source !== null || first.Balance !== first.Quantity) {
        problems.push(`${key} starts with ${JSON.stringify(first)}`);
      }
      let previous = first;
      for (const row of rest) {
        if (row.TxnType === 'INITIAL') problems.push(`${key}: a second INITIAL ${JSON.stringify(row)}`);
        if (row.Balance !== (previous.Balance as number) + (row.Quantity as number) || (row.Balance as number) < 0) {
          problems.push(`${key}: ${previous.Balance} + ${row.Quantity} -> ${row.Balance}`);
        }
        if ((row.EventTS as number) < (previous.EventTS as number)) problems.push(`${key}: ${row.TxnSeq} is earlier than ${previous.TxnSeq}`);
        const expectedSign = row.TxnType === 'RECEIVING' ? 1 : row.TxnType === 'SHIPMENT' ? -1 : 0;
        if (Math.sign(row.Quantity as number) !== expectedSign) problems.push(`${key}: ${JSON.stringify(row)}`);
        previous = row;
      }
    }
    expect(problems).toEqual([]);
    expect(new Set(dcTransactions.map((row) => row.TxnType))).toEqual(new Set(['INITIAL', 'RECEIVING', 'SHIPMENT']));
  });

  test('DCs receive a few supplier shipments a day, between 05:30 and 19:00, each a RECEIVING row per product with its SUP id', () => {
    const receiving = dcTransactions.filter((row) => row.TxnType === 'RECEIVING');
    expect(receiving.length).toBeGreaterThan(100);
    const lanes = run.config.logistics.supplierShipmentsPerDcPerDay;
    const shipmentsPerDcDay = new Map<string, Set<string>>();
    for (const row of receiving) {
      const source = row.Source as string;
      const dcId = row.DCID as number;
      const date = isoDateOf(Math.floor((row.EventTS as number) / day)).replaceAll('-', '');
      expect(source).toMatch(new RegExp(`^SUP-D${String(dcId).padStart(3, '0')}-${date}-\\d{2}$`));
      const hourOfDay = ((row.EventTS as number) % day) / 3_600_000;
      expect(hourOfDay).toBeGreaterThanOrEqual(5.5);
      expect(hourOfDay).toBeLessThan(19);
      const key = `${dcId}:${date}`;
      shipmentsPerDcDay.set(key, (shipmentsPerDcDay.get(key) ?? new Set()).add(source));
    }
    const counts = [...shipmentsPerDcDay.values()].map((set) => set.size);
    expect(Math.max(...counts)).toBeLessThanOrEqual(lanes);
    expect(counts.filter((count) => count >= 2).length).toBeGreaterThan(counts.length / 2);
  });

  test('the DC never ships more than stores asked for; what it lacked is backordered and ships once supplier goods arrive', () => {
    // Per (store, product), in time order: units shipped so far never exceed units reordered before.
    const events: { time: number; key: string; units: number }[] = [];
    for (const row of tableRows(all, 'fact_reorders')) events.push({ time: row.EventTS as number, key: `${row.StoreID}:${row.ProductID}`, units: row.ReorderQuantity as number });
    const shipped = dcTransactions.filter((row) => row.TxnType === 'SHIPMENT');
    for (const row of shipped) {
      const shipment = shipments.get(row.Source as string) as Shipment;
      events.push({ time: row.EventTS as number, key: `${shipment.storeId}:${row.ProductID}`, units: row.Quantity as number });
    }
    events.sort((left, right) => left.time - right.time || right.units - left.units);
    const open = new Map<string, number>();
    let requested = 0;
    let sent = 0;
    const problems: string[] = [];
    for (const event of events) {
      const balance = (open.get(event.key) ?? 0) + event.units;
      if (balance < 0) problems.push(`${event.key} got ${-event.units} units at ${new Date(event.time).toISOString()} with ${balance - event.units} outstanding`);
      open.set(event.key, balance);
      if (event.units > 0 && event.time < timestampOf(run.lastDay - 5)) requested += event.units;
      if (event.units < 0) sent -= event.units;
    }
    expect(problems).toEqual([]);
    // Nearly everything asked for until five days before the end has left the DCs.
    expect(sent).toBeGreaterThan(0.9 * requested);

    // DCs ran dry (a SHIPMENT left 0 on hand); for such a (dc, product), the next store shipment came after a RECEIVING.
    const byItem = groupBy(dcTransactions, (row) => `${row.DCID}:${row.ProductID}`);
    let dry = 0;
    let refilledThenShipped = 0;
    for (const rows of byItem.values()) {
      rows.sort((left, right) => (left.TxnSeq as number) - (right.TxnSeq as number));
      const dryAt = rows.findIndex((row) => row.TxnType === 'SHIPMENT' && row.Balance === 0);
      if (dryAt < 0) continue;
      dry++;
      const next = rows.slice(dryAt + 1).find((row) => row.TxnType === 'SHIPMENT');
      if (next === undefined) continue;
      expect(rows.slice(dryAt + 1, rows.indexOf(next)).some((row) => row.TxnType === 'RECEIVING')).toBe(true);
      refilledThenShipped++;
    }
    expect(dry).toBeGreaterThan(10);
    expect(refilledThenShipped).toBeGreaterThan(5);
  });
});

describe('truck shipments', () => {
  test('each shipment runs SCHEDULED .. COMPLETED with strictly rising times; only shipments still on the road at the end stop early', () => {
    expect(shipments.size).toBeGreaterThan(100);
    const problems: string[] = [];
    let unfinished = 0;
    for (const shipment of shipments.values()) {
      const { statuses } = shipment;
      statuses.forEach((row, index) => {
        if (row.Status !== truckStatuses[index]) problems.push(`${shipment.id}: status ${index} is ${row.Status}`);
        if (index > 0 && (row.EventTS as number) <= ((statuses[index - 1] as Row).EventTS as number)) problems.push(`${shipment.id}: ${row.Status} not after ${statuses[index - 1]?.Status}`);
        if (row.TruckID !== shipment.truckId || row.DCID !== shipment.dcId || row.StoreID !== shipment.storeId) problems.push(`${shipment.id}: truck, dc or store changes`);
        if (row.ETA !== (statuses[0] as Row).ETA || row.ETD !== (statuses[0] as Row).ETD) problems.push(`${shipment.id}: eta or etd changes`);
      });
      const inTransit = shipment.time('IN_TRANSIT');
      const arrived = shipment.time('ARRIVED');
      if (inTransit !== undefined && inTransit !== statuses[0]?.ETD) problems.push(`${shipment.id}: etd is not the IN_TRANSIT time`);
      if (arrived !== undefined && arrived !== statuses[0]?.ETA) problems.push(`${shipment.id}: eta is not the ARRIVED time`);
      if (statuses.length < truckStatuses.length) {
        unfinished++;
        // The next status comes after the last day of the run.
        const last = statuses.at(-1) as Row;
        const eta = last.ETA as number;
        const next: Record<string, number> = {
          SCHEDULED: (last.EventTS as number) + 10 * minute,
          LOADING: last.ETD as number,
          IN_TRANSIT: eta,
          ARRIVED: eta + 15 * minute,
          UNLOADING: (last.EventTS as number) + run.config.logistics.unloadingHours * 60 * minute,
        };
        if (!((next[last.Status as string] as number) >= runEnd)) problems.push(`${shipment.id} stops at ${last.Status} before the end of the run`);
      }
      if (!shipment.id.startsWith(`SHP-D${String(shipment.dcId).padStart(3, '0')}-`)) problems.push(`${shipment.id}: id does not name DC ${shipment.dcId}`);
    }
    expect(problems).toEqual([]);
    expect(unfinished).toBeLessThan(shipments.size / 5);
  });

  test('per shipment and product: LOAD = UNLOAD = the store DELIVERY = minus the DC SHIPMENT, on the arrival day', () => {
    const loads = unitsByShipmentProduct(truckLoads.filter((row) => row.Action === 'LOAD'), 'ShipmentId');
    const unloads = unitsByShipmentProduct(truckLoads.filter((row) => row.Action === 'UNLOAD'), 'ShipmentId');
    const delivered = unitsByShipmentProduct(deliveries, 'Source');
    const shippedOut = unitsByShipmentProduct(dcTransactions.filter((row) => row.TxnType === 'SHIPMENT'), 'Source', -1);
    expect(loads.size).toBeGreaterThan(500);
    expect(shippedOut).toEqual(loads);
    expect(delivered).toEqual(unloads);
    const problems: string[] = [];
    for (const [key, units] of loads) {
      const shipment = shipments.get(key.split(':')[0] as string) as Shipment;
      const unloading = shipment.time('UNLOADING');
      if (unloading === undefined) {
        if (unloads.has(key)) problems.push(`${key}: unloaded without an UNLOADING status`);
        continue;
      }
      if (unloads.get(key) !== units) problems.push(`${key}: loaded ${units}, unloaded ${unloads.get(key)}`);
    }
    for (const row of truckLoads) {
      const shipment = shipments.get(row.ShipmentId as string) as Shipment;
      const load = row.Action === 'LOAD';
      const expected = load ? [shipment.time('LOADING'), 'DC', shipment.dcId] : [shipment.time('UNLOADING'), 'STORE', shipment.storeId];
      if (JSON.stringify([row.EventTS, row.LocationType, row.LocationID]) !== JSON.stringify(expected) || row.TruckID !== shipment.truckId || (row.Quantity as number) <= 0) {
        problems.push(`${JSON.stringify(row)} vs ${JSON.stringify(expected)}`);
      }
    }
    for (const row of deliveries) {
      const shipment = shipments.get(row.Source as string) as Shipment;
      const arrived = shipment.time('ARRIVED') as number;
      if (row.EventTS !== shipment.time('UNLOADING') || row.StoreID !== shipment.storeId || Math.floor((row.EventTS as number) / day) !== Math.floor(arrived / day)) {
        problems.push(`${JSON.stringify(row)} for ${shipment.id} arriving ${new Date(arrived).toISOString()}`);
      }
      if ((row.EventTS as number) % 3_600_000 !== 0) problems.push(`${JSON.stringify(row)} is not at a whole hour`);
    }
    for (const row of dcTransactions.filter((row) => row.TxnType === 'SHIPMENT')) {
      const shipment = shipments.get(row.Source as string) as Shipment;
      if (row.DCID !== shipment.dcId || row.EventTS !== shipment.time('LOADING')) problems.push(`${JSON.stringify(row)} vs ${shipment.id}`);
    }
    expect(problems).toEqual([]);
  });

  test('the store ledger stays in time order per (store, product) with deliveries among the sales', () => {
    const sequences: number[] = [];
    const times: number[] = [];
    const keys: number[] = [];
    for (const batch of all) {
      if (batch.table.name !== 'fact_store_inventory_txn') continue;
      const sequence = batch.columns['TxnSeq'] as Float64Array;
      const time = batch.columns['EventTS'] as Float64Array;
      const store = batch.columns['StoreID'] as Int32Array;
      const product = batch.columns['ProductID'] as Int32Array;
      for (let row = 0; row < batch.length; row++) {
        sequences.push(sequence[row] as number);
        times.push(time[row] as number);
        keys.push((store[row] as number) * 1_000_000 + (product[row] as number));
      }
    }
    const order = Array.from(sequences.keys()).sort((left, right) => (sequences[left] as number) - (sequences[right] as number));
    const lastTime = new Map<number, number>();
    let outOfOrder = 0;
    for (const row of order) {
      const key = keys[row] as number;
      if ((times[row] as number) < (lastTime.get(key) ?? Number.NEGATIVE_INFINITY)) outOfOrder++;
      lastTime.set(key, times[row] as number);
    }
    expect(order.length).toBeGreaterThan(deliveries.length * 5);
    expect(outOfOrder).toBe(0);
  });

  test('no truck is on two shipments at once; loads fit their truck, and large orders are split over several trucks', () => {
    const { truckCapacity } = dims();
    const unitsPerCapacityUnit = run.config.logistics.unitsPerCapacityUnit;
    const problems: string[] = [];
    for (const [truckId, list] of groupBy([...shipments.values()].map((shipment) => ({ id: shipment.id, truck: shipment.truckId })), (row) => row.truck as number)) {
      const intervals = list
        .map((row) => shipments.get(row.id as string) as Shipment)
        .map((shipment) => ({ id: shipment.id, from: shipment.time('SCHEDULED') as number, to: shipment.time('COMPLETED') ?? Number.POSITIVE_INFINITY }))
        .sort((left, right) => left.from - right.from);
      for (let index = 1; index < intervals.length; index++) {
        const previous = intervals[index - 1] as { id: string; to: number };
        const current = intervals[index] as { id: string; from: number };
        if (current.from < previous.to) problems.push(`truck ${truckId}: ${current.id} starts before ${previous.id} is completed`);
      }
    }
    const loadOf = new Map<string, number>();
    for (const row of truckLoads) if (row.Action === 'LOAD') loadOf.set(row.ShipmentId as string, (loadOf.get(row.ShipmentId as string) ?? 0) + (row.Quantity as number));
    let full = 0;
    for (const [id, units] of loadOf) {
      const capacity = (truckCapacity.get((shipments.get(id) as Shipment).truckId) as number) * unitsPerCapacityUnit;
      if (units > capacity) problems.push(`${id} carries ${units} units in a truck for ${capacity}`);
      if (units === capacity) full++;
    }
    expect(problems).toEqual([]);
    // Split orders: a full truck, and one store served by several trucks scheduled at the same time.
    expect(full).toBeGreaterThan(10);
    const together = groupBy(moves.filter((row) => row.Status === 'SCHEDULED'), (row) => `${row.StoreID}:${row.EventTS}`);
    expect([...together.values()].some((rows) => rows.length >= 2)).toBe(true);
  });

  test("each shipment comes from the DC of the store's region, with a drive time from the great-circle distance", () => {
    const { storeRegion, dcRegion, kilometers } = dims();
    const speed = run.config.logistics.truckSpeedKmh;
    const problems: string[] = [];
    const dcsUsed = new Set<number>();
    const dcOfStore = new Map<number, Set<number>>();
    for (const shipment of shipments.values()) {
      dcsUsed.add(shipment.dcId);
      dcOfStore.set(shipment.storeId, (dcOfStore.get(shipment.storeId) ?? new Set()).add(shipment.dcId));
      if (dcRegion(shipment.dcId) !== storeRegion(shipment.storeId)) problems.push(`${shipment.id}: DC ${shipment.dcId} (${dcRegion(shipment.dcId)}) serves store ${shipment.storeId} (${storeRegion(shipment.storeId)})`);
      const departed = shipment.time('IN_TRANSIT');
      const arrived = shipment.time('ARRIVED');
      if (departed === undefined || arrived === undefined) continue;
      const expected = Math.max(15, Math.round((kilometers(shipment.dcId, shipment.storeId) / speed) * 60));
      if ((arrived - departed) / minute !== expected) problems.push(`${shipment.id}: drove ${(arrived - departed) / minute} minutes, expected ${expected}`);
    }
    expect(problems).toEqual([]);
    expect(dcsUsed.size).toBe(3);
    expect([...dcOfStore.values()].every((set) => set.size === 1)).toBe(true);
  });

  test('own trucks first: a pool truck goes out only when no own truck that could carry the load is free; chilled goods ride refrigerated trucks', () => {
    const { truckOwner, truckRefrigerated, productRefrigerated } = dims();
    // An own truck is busy from SCHEDULED until it is back at its DC (completed + the drive back).
    const busy = new Map<number, { from: number; to: number }[]>();
    for (const shipment of shipments.values()) {
      const travel = (shipment.time('ARRIVED') ?? 0) - (shipment.time('IN_TRANSIT') ?? 0);
      const completed = shipment.time('COMPLETED');
      const to = completed === undefined ? Number.POSITIVE_INFINITY : completed + travel;
      busy.set(shipment.truckId, [...(busy.get(shipment.truckId) ?? []), { from: shipment.time('SCHEDULED') as number, to }]);
    }
    const productsOf = groupBy(truckLoads.filter((row) => row.Action === 'LOAD'), (row) => row.ShipmentId as string);
    const problems: string[] = [];
    let pooled = 0;
    let owned = 0;
    for (const shipment of shipments.values()) {
      const carried = (productsOf.get(shipment.id) ?? []).map((row) => productRefrigerated.get(row.ProductID as number) === true);
      if (carried.some(Boolean) && !truckRefrigerated.get(shipment.truckId)) problems.push(`${shipment.id}: chilled goods on an ordinary truck`);
      if (truckOwner.get(shipment.truckId) !== null) {
        owned++;
        if (truckOwner.get(shipment.truckId) !== shipment.dcId) problems.push(`${shipment.id}: truck ${shipment.truckId} of another DC`);
        continue;
      }
      pooled++;
      const at = shipment.time('SCHEDULED') as number;
      const allChilled = carried.every(Boolean);
      for (const [truckId, owner] of truckOwner) {
        if (owner !== shipment.dcId) continue;
        if (allChilled && !truckRefrigerated.get(truckId)) continue;
        const free = (busy.get(truckId) ?? []).every((interval) => at < interval.from || at >= interval.to);
        if (free) problems.push(`${shipment.id}: pool truck ${shipment.truckId} while own truck ${truckId} was free`);
      }
    }
    expect(problems).toEqual([]);
    expect(owned).toBeGreaterThan(pooled);
    expect(pooled).toBeGreaterThan(0);
  });

  test('no truck arrives at a store on a day it is closed (Christmas)', () => {
    const christmas = Math.floor(Date.parse('2024-12-25T00:00:00Z') / day);
    const arrivals = [...shipments.values()].map((shipment) => shipment.time('ARRIVED')).filter((time): time is number => time !== undefined);
    expect(arrivals.some((time) => Math.floor(time / day) === christmas - 1)).toBe(true);
    expect(arrivals.filter((time) => Math.floor(time / day) === christmas)).toEqual([]);
    expect(deliveries.filter((row) => Math.floor((row.EventTS as number) / day) === christmas)).toEqual([]);
  });
});

describe('replenishment', () => {
  test('deliveries refill the shelves: far fewer units are lost to stockouts than with no package delivering', () => {
    const lost = (batches: ColumnBatch[]) => tableRows(batches, 'fact_stockouts').reduce((sum, row) => sum + (row.LostQuantity as number), 0);
    const withLogistics = lost(all);
    const without = lost(simulate(run, { partitions: 5, logistics: false }).flat());
    expect(without).toBeGreaterThan(0);
    expect(withLogistics).toBeLessThan(without / 3);
  });
});

describe('determinism', () => {
  test('1 or 5 partitions give the same rows in every table', () => {
    const one = simulate(run, { partitions: 1 }).flat();
    const tables = [...new Set(all.map((batch) => batch.table.name))];
    expect(tables).toEqual(expect.arrayContaining(['fact_dc_inventory_txn', 'fact_truck_moves', 'fact_truck_inventory', 'fact_store_inventory_txn']));
    for (const table of tables) {
      expect(rowCount(one, table), table).toBe(rowCount(all, table));
      if (table === 'fact_receipt_lines' || table === 'fact_store_inventory_txn') continue; // large; their totals and the logistics tables settle it
      expect(sortedLines(tableRows(one, table)), table).toEqual(sortedLines(tableRows(all, table)));
    }
    expect(sortedLines(rowsWhere(one, 'fact_store_inventory_txn', 'TxnType', 'DELIVERY'))).toEqual(sortedLines(deliveries));
  });

  test('logistics keeps the generator contract', async () => {
    expect(await checkGeneratorContract({ subject: 'logistics', generators: { master, seasonal, inventory, receipts, logistics } })).toEqual([]);
  });
});
