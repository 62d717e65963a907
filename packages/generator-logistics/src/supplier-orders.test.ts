import { ColumnBatchBuilder, createRandom, isoDateOf, timestampOf, type FactRun } from '@retail-datagen/generator-core';
import { factDcInventoryTxn } from '@retail-datagen/models';
import { beforeAll, expect, test } from 'vitest';
import { DcInventoryLedger } from './dc-inventory-ledger.js';
import { createLogisticsPlan, type LogisticsPlan } from './logistics-plan.js';
import { createLogisticsChainState } from './logistics-state.js';
import { dueSupplierShipments, reviewSupplierOrders } from './supplier-orders.js';
import { createRun } from './test-support/logistics-run.js';

let run: FactRun;
let plan: LogisticsPlan;

beforeAll(async () => {
  run = await createRun({
    seed: 9,
    start: '2024-11-01',
    end: '2024-11-10',
    volumes: { geographies: 12, stores: 6, distributionCenters: 2, customers: 300, products: 40 },
    logistics: { supplierShipmentsPerDcPerDay: 3, supplierLeadTimeDays: 2, dcReorderPointDays: 5, dcReorderQuantityDays: 10 },
  });
  plan = createLogisticsPlan(run);
});

test('a DC orders up to reorder point + quantity days of its forecast when its position falls to the point, and not before a product is stocked', () => {
  const state = createLogisticsChainState(plan);
  const day = run.firstDay;
  const product = plan.dcActiveDays.findIndex((active) => active <= day);
  const later = plan.dcActiveDays.findIndex((active) => active > day);
  const cell = product;
  const daily = plan.dcDailyUnits[cell] as number;
  state.dcBalances[cell] = Math.floor(5 * daily) - 3;
  state.backordered[cell] = 7;
  reviewSupplierOrders(plan, state, day, new Float64Array(plan.dcCount * plan.productCount));
  const index = state.supplierOrders.products.findIndex((ordered, position) => ordered === product && state.supplierOrders.dcs[position] === 0);
  expect(index).toBeGreaterThanOrEqual(0);
  expect(state.supplierOrders.arrivalDays[index]).toBe(day + 2);
  // Smoothing moved the forecast below the plan, so the plan's daily units count.
  const position = Math.floor(5 * daily) - 3 - 7;
  expect(state.supplierOrders.quantities[index]).toBe(Math.ceil(15 * daily) - position);
  expect(state.supplierOnOrder[cell]).toBe(state.supplierOrders.quantities[index]);
  if (later >= 0) expect(state.supplierOrders.products.includes(later)).toBe(false);
  // On order now: no second order the next day.
  const orders = state.supplierOrders.products.length;
  reviewSupplierOrders(plan, state, day + 1, new Float64Array(plan.dcCount * plan.productCount));
  expect(state.supplierOrders.products.filter((ordered, position) => ordered === product && state.supplierOrders.dcs[position] === 0).length).toBe(1);
  expect(state.supplierOrders.products.length).toBeGreaterThanOrEqual(orders);
});

test('due orders come as at most one shipment per supplier lane, numbered by arrival time, and leave the state', () => {
  const state = createLogisticsChainState(plan);
  const day = run.firstDay + 3;
  for (let product = 0; product < 10; product++) {
    state.supplierOrders.arrivalDays.push(day, day + 1);
    state.supplierOrders.dcs.push(1, 1);
    state.supplierOrders.products.push(product, product);
    state.supplierOrders.quantities.push(100 + product, 5);
  }
  const shipments = dueSupplierShipments(plan, state, day, (dc) => createRandom(1, 'test', dc));
  expect(shipments[0]).toEqual([]);
  const dcShipments = shipments[1] ?? [];
  expect(dcShipments.length).toBe(3);
  const date = isoDateOf(day).replaceAll('-', '');
  expect(dcShipments.map((shipment) => shipment.id)).toEqual([1, 2, 3].map((sequence) => `SUP-D${String(plan.dcIds[1]).padStart(3, '0')}-${date}-0${sequence}`));
  for (let index = 1; index < dcShipments.length; index++) expect(dcShipments[index]?.time).toBeGreaterThanOrEqual(dcShipments[index - 1]?.time as number);
  for (const shipment of dcShipments) {
    const lanes = new Set(shipment.products.map((product) => product % 3));
    expect(lanes.size).toBe(1);
    expect(shipment.time).toBeGreaterThanOrEqual(timestampOf(day, 5, 30));
    expect(shipment.time).toBeLessThan(timestampOf(day, 19));
    shipment.products.forEach((product, line) => expect(shipment.quantities[line]).toBe(100 + product));
  }
  expect(dcShipments.flatMap((shipment) => shipment.products).sort((left, right) => left - right)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  expect(state.supplierOrders.arrivalDays).toEqual(Array(10).fill(day + 1));
});

test('the DC ledger refuses to ship more than is on hand and numbers movements per DC-day', () => {
  const state = createLogisticsChainState(plan);
  const transactions = new ColumnBatchBuilder(factDcInventoryTxn);
  const ledger = new DcInventoryLedger({ plan, state, dayNumber: run.firstDay, dayIndex: 0, transactions });
  ledger.writeInitialStock((dc, product) => (dc === 0 && product === 0 ? 10 : 0));
  ledger.receive(0, 0, 5, timestampOf(run.firstDay, 6, 30), 'SUP-X');
  ledger.ship(0, 0, 15, timestampOf(run.firstDay, 7, 10), 'SHP-X');
  expect(ledger.balance(0, 0)).toBe(0);
  expect(() => ledger.ship(0, 0, 1, timestampOf(run.firstDay, 8, 10), 'SHP-Y')).toThrow(/takes 1 units of product index 0 from DC index 0, which holds 0/);
  expect(() => ledger.receive(0, 0, 0, timestampOf(run.firstDay, 8, 30), 'SUP-Y')).toThrow(/whole number of units > 0/);
  const batch = transactions.finish();
  const dcId = plan.dcIds[0] as number;
  const sequences = Array.from(batch.columns['TxnSeq'] as Float64Array).slice(-2);
  expect(sequences).toEqual([1e12 + dcId * 1e6, 1e12 + dcId * 1e6 + 1]);
  expect(Array.from(batch.columns['Balance'] as Int32Array).slice(-2)).toEqual([15, 0]);
});
