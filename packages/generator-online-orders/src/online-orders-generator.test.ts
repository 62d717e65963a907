import { checkGeneratorContract, createGeneratorRegistry, dayNumberOf, int32Column, millisecondsPerDay, requireDim, stringValues, float64Column, type ColumnBatch } from '@retail-datagen/generator-core';
import {
  ConfigValidationError,
  InvalidArgumentError,
  factOnlineOrderHeaders,
  factOnlineOrderLines,
  factDcInventoryTxn,
  factPayments,
  factStoreInventoryTxn,
  parseConfig,
  type RetailConfigInput,
} from '@retail-datagen/models';
import { beforeAll, describe, expect, test } from 'vitest';
import { logistics } from '@retail-datagen/generator-logistics';
import { createOnlineOrdersGenerator, onlineOrdersTables } from './online-orders-generator.js';
import { dcPickWaveStartHour, onlineCoupon, onlineHourOfDayWeights, maximumPaymentAttempts } from './order-shapes.js';
import { isStoreOpenDuring } from './order-timeline.js';
import { rowsOf, type Row } from './test-support/collect-rows.js';
import { onlineOrdersRegistryPackages, runFixture, type Fixture } from './test-support/run-fixture.js';

const hour = 3_600_000;
const dayOf = (timestamp: number) => Math.floor(timestamp / millisecondsPerDay);
const taxFactorOf: Readonly<Record<string, number>> = { TAXABLE: 1, REDUCED_RATE: 0.5, NON_TAXABLE: 0 };

// Two weeks around Thanksgiving and Black Friday, 8 stores, 2 DCs. Stores
// start with two months of stock, so cancelled lines are the exception;
// payments decline often enough to see retries. The default fulfillmentMix
// (shipFromDc 0.4, shipFromStore 0.35, bopis 0.25) applies.
const config: RetailConfigInput = {
  seed: 11,
  start: '2024-11-18',
  end: '2024-12-01',
  volumes: { geographies: 12, stores: 8, distributionCenters: 2, customers: 3000, products: 200 },
  traffic: { baseDailyCustomers: 120 },
  inventory: { initialDaysOfSupply: 60 },
  payments: { declineRate: 0.2 },
  onlineOrders: { ordersPerStoreDay: 40, cancelRate: 0.05, couponShare: 0.2 },
};

/** Collects failed checks so loops over many rows make one assertion at the end; keeps the first few. */
class Problems {
  readonly found: string[] = [];
  check(condition: boolean, describe: () => string): void {
    if (!condition && this.found.length < 10) this.found.push(describe());
  }
}

function groupBy(rows: readonly Row[], key: (row: Row) => string): Map<string, Row[]> {
  const groups = new Map<string, Row[]>();
  for (const row of rows) {
    const value = key(row);
    const group = groups.get(value);
    if (group) group.push(row);
    else groups.set(value, [row]);
  }
  return groups;
}

const orderPayments = (batches: readonly ColumnBatch[]) => rowsOf(batches, factPayments).filter((row) => row.OrderId !== null);

describe('online orders over two weeks of November (8 stores, real seasonal, inventory and receipts)', () => {
  let fixture: Fixture;
  let headers: Row[];
  let lines: Row[];
  let payments: Row[];
  let allPayments: Row[];
  let inventory: Row[];
  let dcInventory: Row[];
  let storeLines: Row[];
  let dcLines: Row[];
  let linesOf: Map<string, Row[]>;
  let paymentsOf: Map<string, Row[]>;
  let storeIds: Int32Array;

  beforeAll(async () => {
    fixture = await runFixture(config);
    headers = rowsOf(fixture.batches, factOnlineOrderHeaders);
    lines = rowsOf(fixture.batches, factOnlineOrderLines);
    allPayments = rowsOf(fixture.batches, factPayments);
    payments = allPayments.filter((row) => row.OrderId !== null);
    inventory = rowsOf(fixture.batches, factStoreInventoryTxn);
    dcInventory = rowsOf(fixture.batches, factDcInventoryTxn);
    storeLines = lines.filter((line) => line.NodeType === 'STORE');
    dcLines = lines.filter((line) => line.NodeType === 'DC');
    linesOf = groupBy(lines, (line) => line.OrderId as string);
    paymentsOf = groupBy(payments, (payment) => payment.OrderId as string);
    storeIds = int32Column(requireDim(fixture.run.dims, 'dim_stores'), 'ID');
  });

  const storeIndexOf = (storeId: number) => storeIds.indexOf(storeId);

  test('writes orders, lines and order payments at the configured volume', () => {
    expect(headers.length).toBeGreaterThan(3000);
    expect(lines.length / headers.length).toBeGreaterThan(2.2);
    expect(lines.length / headers.length).toBeLessThan(2.8);
    expect(payments.length).toBeGreaterThan(headers.length * 0.8);
    expect(new Set(headers.map((header) => header.OrderId)).size).toBe(headers.length);
  });

  test('money per order, to the cent: ext = qty x price; subtotal, discount and tax from the lines not CANCELLED; total = subtotal - discount + tax', () => {
    const products = requireDim(fixture.run.dims, 'dim_products');
    const productRow = new Map(Array.from(int32Column(products, 'ID'), (productId, row) => [productId, row]));
    const prices = float64Column(products, 'SalePrice');
    const taxability = stringValues(products, 'Taxability');
    const taxRates = float64Column(requireDim(fixture.run.dims, 'dim_stores'), 'TaxRate');
    const problems = new Problems();
    let couponLines = 0;
    for (const header of headers) {
      const orderLines = linesOf.get(header.OrderId as string) ?? [];
      problems.check(orderLines.length > 0, () => `${header.OrderId}: no lines`);
      problems.check(JSON.stringify(orderLines.map((line) => line.LineNum)) === JSON.stringify(orderLines.map((_, index) => index + 1)), () => `${header.OrderId}: line numbers`);
      problems.check(new Set(orderLines.map((line) => line.ProductID)).size === orderLines.length, () => `${header.OrderId}: a product on two lines`);
      const rate = taxRates[storeIndexOf(header.TaxStoreID as number)]!;
      let subtotal = 0;
      let discount = 0;
      let tax = 0;
      for (const line of orderLines) {
        const row = productRow.get(line.ProductID as number)!;
        const quantity = line.Quantity as number;
        problems.check(Number.isInteger(quantity) && quantity > 0, () => `${line.OrderId}/${line.LineNum}: quantity ${quantity}`);
        problems.check(line.UnitPrice === prices[row], () => `${line.OrderId}/${line.LineNum}: unit price ${line.UnitPrice} is not the sale price ${prices[row]}`);
        problems.check(line.ExtPrice === quantity * (line.UnitPrice as number), () => `${line.OrderId}/${line.LineNum}: ext ${line.ExtPrice}`);
        if (line.FulfillmentStatus === 'CANCELLED') {
          problems.check(line.Discount === 0, () => `${line.OrderId}/${line.LineNum}: a cancelled line with a discount`);
          continue;
        }
        const extended = line.ExtPrice as number;
        const expectedDiscount = header.PromoCode === onlineCoupon.code ? Math.round((extended * onlineCoupon.percentOff) / 100) : 0;
        problems.check(line.Discount === expectedDiscount, () => `${line.OrderId}/${line.LineNum}: discount ${line.Discount}, expected ${expectedDiscount}`);
        if (expectedDiscount > 0) couponLines++;
        subtotal += extended;
        discount += line.Discount as number;
        tax += Math.round((extended - (line.Discount as number)) * rate * taxFactorOf[taxability[row]!]!);
      }
      problems.check(header.Subtotal === subtotal && header.Discount === discount && header.Tax === tax, () => `${header.OrderId}: ${header.Subtotal}/${header.Discount}/${header.Tax} vs lines ${subtotal}/${discount}/${tax}`);
      problems.check(header.Total === (header.Subtotal as number) - (header.Discount as number) + (header.Tax as number), () => `${header.OrderId}: total ${header.Total}`);
      for (const amount of [header.Subtotal, header.Discount, header.Tax, header.Total]) problems.check(Number.isInteger(amount) && (amount as number) >= 0, () => `${header.OrderId}: amount ${amount}`);
    }
    expect(problems.found).toEqual([]);
    expect(couponLines).toBeGreaterThan(500);
    // Some orders pay reduced or no tax on some lines.
    expect(new Set(taxability).size).toBeGreaterThan(1);
  });

  test('payments: exactly one of receipt_id_ext and order_id_ext; an order\'s APPROVED payments sum to its total; declines are retried', () => {
    const problems = new Problems();
    for (const payment of allPayments) problems.check((payment.ReceiptId === null) !== (payment.OrderId === null), () => `${payment.PaymentID}: receipt ${payment.ReceiptId}, order ${payment.OrderId}`);
    const orderIds = new Set(headers.map((header) => header.OrderId));
    for (const payment of payments) problems.check(orderIds.has(payment.OrderId), () => `${payment.PaymentID}: order ${payment.OrderId} does not exist`);
    let firstAttempts = 0;
    let firstDeclined = 0;
    for (const header of headers) {
      const attempts = [...(paymentsOf.get(header.OrderId as string) ?? [])].sort((left, right) => (left.PaymentID as string).localeCompare(right.PaymentID as string));
      const approved = attempts.filter((attempt) => attempt.Status === 'APPROVED');
      const approvedSum = approved.reduce((sum, attempt) => sum + (attempt.Amount as number), 0);
      problems.check(approvedSum === header.Total, () => `${header.OrderId}: approved ${approvedSum}, total ${header.Total}`);
      problems.check(approved.length <= 1 && (approved.length === 0 || attempts[attempts.length - 1] === approved[0]), () => `${header.OrderId}: approved is not the last attempt`);
      for (const attempt of attempts) {
        problems.check((attempt.Status === 'DECLINED') === (attempt.DeclineReason !== null) && attempt.TenderType !== 'CASH', () => `${attempt.PaymentID}: ${attempt.Status} ${attempt.DeclineReason} ${attempt.TenderType}`);
        problems.check((attempt.EventTS as number) > (header.EventTS as number), () => `${attempt.PaymentID}: paid before the order was placed`);
      }
      problems.check(attempts.every((attempt, index) => index === 0 || (attempt.EventTS as number) > (attempts[index - 1]!.EventTS as number)), () => `${header.OrderId}: attempts out of order`);
      if (approved.length === 1) problems.check(header.TenderType === approved[0]!.TenderType, () => `${header.OrderId}: payment_method ${header.TenderType}, approved ${approved[0]!.TenderType}`);
      switch (header.CancelReason) {
        case null:
          problems.check(approved.length === 1, () => `${header.OrderId}: delivered without an approved payment`);
          break;
        case 'PAYMENT_DECLINED':
          problems.check(attempts.length === maximumPaymentAttempts && approved.length === 0, () => `${header.OrderId}: ${attempts.length} attempts`);
          break;
        default:
          problems.check(attempts.length === 0, () => `${header.OrderId} (${header.CancelReason}): has payments`);
      }
      if (attempts.length > 0) {
        firstAttempts++;
        if (attempts[0]!.Status === 'DECLINED') firstDeclined++;
      }
    }
    expect(problems.found).toEqual([]);
    // payments.declineRate 0.2
    expect(Math.abs(firstDeclined / firstAttempts - 0.2)).toBeLessThan(0.025);
    expect(headers.filter((header) => header.CancelReason === 'PAYMENT_DECLINED').length).toBeGreaterThan(0);
  });

  test('lifecycle: placed < picked < shipped < delivered (BOPIS: picked < picked up in open hours); CANCELLED lines have no times', () => {
    const stores = requireDim(fixture.run.dims, 'dim_stores');
    const openHour = int32Column(stores, 'OpenHour');
    const closeHour = int32Column(stores, 'CloseHour');
    const problems = new Problems();
    for (const header of headers) {
      const created = header.EventTS as number;
      const orderLines = linesOf.get(header.OrderId as string) ?? [];
      const delivered = orderLines.filter((line) => line.FulfillmentStatus === 'DELIVERED');
      problems.check(new Set(orderLines.map((line) => line.FulfillmentMode)).size === 1, () => `${header.OrderId}: several modes`);
      problems.check((header.Status === 'DELIVERED') === (delivered.length > 0) && (header.Status === 'CANCELLED') === (header.CancelReason !== null), () => `${header.OrderId}: status ${header.Status} (${header.CancelReason}) with ${delivered.length} delivered lines`);
      problems.check(header.CompletedTS !== null && (header.CompletedTS as number) > created, () => `${header.OrderId}: completed ${header.CompletedTS}`);
      if (header.Status === 'DELIVERED') {
        const last = Math.max(...delivered.map((line) => line.DeliveredTS as number));
        problems.check(header.CompletedTS === last, () => `${header.OrderId}: completed ${header.CompletedTS}, last delivery ${last}`);
      }
      for (const line of orderLines) {
        const where = `${line.OrderId}/${line.LineNum} ${line.FulfillmentMode}`;
        if (line.FulfillmentStatus === 'CANCELLED') {
          problems.check(line.PickedTS === null && line.ShippedTS === null && line.DeliveredTS === null, () => `${where}: cancelled with timestamps`);
          continue;
        }
        problems.check(line.FulfillmentStatus === 'DELIVERED', () => `${where}: status ${line.FulfillmentStatus}`);
        const picked = line.PickedTS as number;
        const deliveredAt = line.DeliveredTS as number;
        problems.check(created < picked, () => `${where}: picked ${picked} not after placed ${created}`);
        if (line.FulfillmentMode === 'BOPIS') {
          problems.check(line.ShippedTS === null && picked < deliveredAt, () => `${where}: shipped ${line.ShippedTS}, picked ${picked}, picked up ${deliveredAt}`);
          const store = storeIndexOf(line.NodeID as number);
          const pickupHour = Math.floor((deliveredAt % millisecondsPerDay) / hour);
          problems.check(isStoreOpenDuring(openHour[store]!, closeHour[store]!, pickupHour) && !fixture.engine.demand.isClosed(store, dayOf(deliveredAt)), () => `${where}: picked up at ${new Date(deliveredAt).toISOString()}, when the store is closed`);
          problems.check(dayOf(deliveredAt) - dayOf(picked) <= 3, () => `${where}: collected ${dayOf(deliveredAt) - dayOf(picked)} days after picking`);
        } else {
          const shipped = line.ShippedTS as number;
          problems.check(picked < shipped && shipped < deliveredAt, () => `${where}: picked ${picked}, shipped ${shipped}, delivered ${deliveredAt}`);
          problems.check(dayOf(deliveredAt) - dayOf(shipped) >= 1 && dayOf(deliveredAt) - dayOf(shipped) <= 3, () => `${where}: delivered ${dayOf(deliveredAt) - dayOf(shipped)} days after shipping`);
        }
      }
    }
    expect(problems.found).toEqual([]);
    const modes = new Set(lines.filter((line) => line.FulfillmentStatus === 'DELIVERED').map((line) => line.FulfillmentMode));
    expect([...modes].sort()).toEqual(['BOPIS', 'SHIP_FROM_DC', 'SHIP_FROM_STORE']);
  });

  test('store orders are picked before their store opens, DC orders in the DC\'s evening wave, both on the day after they were placed', () => {
    const stores = requireDim(fixture.run.dims, 'dim_stores');
    const openHour = int32Column(stores, 'OpenHour');
    const headerOf = new Map(headers.map((header) => [header.OrderId, header]));
    const problems = new Problems();
    let dcPicks = 0;
    for (const line of lines) {
      if (line.PickedTS === null) continue;
      const picked = line.PickedTS as number;
      const header = headerOf.get(line.OrderId);
      problems.check(header !== undefined && dayOf(picked) === dayOf(header.EventTS as number) + 1, () => `${line.OrderId}: placed ${header?.EventTS}, picked ${picked}`);
      if (line.NodeType === 'DC') {
        dcPicks++;
        problems.check(picked >= dayOf(picked) * millisecondsPerDay + dcPickWaveStartHour * hour, () => `${line.OrderId}: picked at the DC before its wave`);
      } else {
        problems.check(picked <= dayOf(picked) * millisecondsPerDay + openHour[storeIndexOf(line.NodeID as number)]! * hour, () => `${line.OrderId}: picked after opening`);
      }
    }
    expect(problems.found).toEqual([]);
    expect(dcPicks).toBeGreaterThan(1000);
  });

  test('stock: every ONLINE_ORDER inventory row is a fulfilled line (store, product, -quantity, source = order id, at picked_ts) and back', () => {
    const fromLedger = inventory
      .filter((row) => row.TxnType === 'ONLINE_ORDER')
      .map((row) => JSON.stringify([row.Source, row.StoreID, row.ProductID, -(row.Quantity as number), row.EventTS]))
      .sort();
    const fromLines = storeLines
      .filter((line) => line.FulfillmentStatus !== 'CANCELLED')
      .map((line) => JSON.stringify([line.OrderId, line.NodeID, line.ProductID, line.Quantity, line.PickedTS]))
      .sort();
    expect(fromLedger.length).toBeGreaterThan(5000);
    expect(fromLedger).toEqual(fromLines);
  });

  test('DC stock: every DC ONLINE_ORDER row is a fulfilled DC line (dc, product, -quantity, source = order id, at picked_ts) and back', () => {
    const fromLedger = dcInventory
      .filter((row) => row.TxnType === 'ONLINE_ORDER')
      .map((row) => JSON.stringify([row.Source, row.DCID, row.ProductID, -(row.Quantity as number), row.EventTS]))
      .sort();
    const fromLines = dcLines
      .filter((line) => line.FulfillmentStatus !== 'CANCELLED')
      .map((line) => JSON.stringify([line.OrderId, line.NodeID, line.ProductID, line.Quantity, line.PickedTS]))
      .sort();
    expect(fromLedger.length).toBeGreaterThan(3000);
    expect(fromLedger).toEqual(fromLines);
  });

  test('the DC ledger with online picks chains: first INITIAL, balance = previous + quantity in txn_seq order, never negative, time never goes back', () => {
    const problems = new Problems();
    for (const [key, rows] of groupBy(dcInventory, (row) => `${row.DCID}|${row.ProductID}`)) {
      rows.sort((left, right) => (left.TxnSeq as number) - (right.TxnSeq as number));
      problems.check(rows[0]!.TxnType === 'INITIAL' && rows.slice(1).every((row) => row.TxnType !== 'INITIAL'), () => `${key}: first row ${rows[0]!.TxnType}`);
      let balance = 0;
      let time = -Infinity;
      for (const row of rows) {
        balance += row.Quantity as number;
        problems.check(row.Balance === balance && balance >= 0, () => `${key} ${row.TxnSeq} ${row.TxnType}: balance ${row.Balance}, chained ${balance}`);
        problems.check((row.EventTS as number) >= time, () => `${key} ${row.TxnSeq} ${row.TxnType}: at ${row.EventTS}, before the previous row (${time})`);
        balance = row.Balance as number;
        time = row.EventTS as number;
      }
    }
    expect(problems.found).toEqual([]);
    expect(new Set(dcInventory.map((row) => row.TxnType))).toEqual(new Set(['INITIAL', 'RECEIVING', 'SHIPMENT', 'ONLINE_ORDER']));
  });

  test('the store ledger with online picks, sales and returns chains, never goes negative and stays in time order', () => {
    const problems = new Problems();
    for (const [key, rows] of groupBy(inventory, (row) => `${row.StoreID}|${row.ProductID}`)) {
      rows.sort((left, right) => (left.TxnSeq as number) - (right.TxnSeq as number));
      let balance = 0;
      let time = -Infinity;
      for (const row of rows) {
        balance += row.Quantity as number;
        problems.check(row.Balance === balance && balance >= 0, () => `${key} ${row.TxnSeq} ${row.TxnType}: balance ${row.Balance}, chained ${balance}`);
        problems.check((row.EventTS as number) >= time, () => `${key} ${row.TxnSeq} ${row.TxnType}: at ${row.EventTS}, before the previous row (${time})`);
        balance = row.Balance as number;
        time = row.EventTS as number;
      }
    }
    expect(problems.found).toEqual([]);
  });

  test('a line is CANCELLED for stock only when its store held fewer units than ordered at the pick', () => {
    // The ledger rows of each (store, product) in txn_seq order. A wave's picks are the first postings of
    // its store-day, in order id order, so the balance a line saw is that of the last row before the day
    // or of an earlier order of the same wave.
    const ledger = groupBy(inventory, (row) => `${row.StoreID}|${row.ProductID}`);
    for (const rows of ledger.values()) rows.sort((left, right) => (left.TxnSeq as number) - (right.TxnSeq as number));
    const problems = new Problems();
    let checked = 0;
    for (const header of headers) {
      if (header.CancelReason === 'CUSTOMER' || header.CancelReason === 'PAYMENT_DECLINED') continue;
      const orderLines = linesOf.get(header.OrderId as string)!;
      const pickedAt = header.CancelReason === 'OUT_OF_STOCK' ? (header.CompletedTS as number) : (orderLines.find((line) => line.PickedTS !== null)!.PickedTS as number);
      const pickDay = dayOf(pickedAt);
      for (const line of orderLines) {
        if (line.FulfillmentStatus !== 'CANCELLED' || line.NodeType !== 'STORE') continue;
        const rows = ledger.get(`${line.NodeID}|${line.ProductID}`) ?? [];
        const seen = rows.filter(
          (row) => dayOf(row.EventTS as number) < pickDay || (row.TxnType === 'ONLINE_ORDER' && dayOf(row.EventTS as number) === pickDay && (row.Source as string) < (header.OrderId as string)),
        );
        const balance = seen.length === 0 ? 0 : (seen[seen.length - 1]!.Balance as number);
        problems.check(balance < (line.Quantity as number), () => `${line.OrderId}/${line.LineNum}: cancelled with ${balance} units on hand for ${line.Quantity}`);
        checked++;
      }
    }
    expect(problems.found).toEqual([]);
    // Products launched during the run start at 0 units and no logistics package delivers here.
    expect(checked).toBeGreaterThan(0);
  });

  test('fulfillment: the node is the home store (store modes) or the DC serving it (SHIP_FROM_DC); tax at the home store; the mode mix follows fulfillmentMix', () => {
    const customers = requireDim(fixture.run.dims, 'dim_customers');
    const homeStore = new Map(Array.from(int32Column(customers, 'ID'), (customerId, row) => [customerId, int32Column(customers, 'HomeStoreID')[row]!]));
    const problems = new Problems();
    // The DC serving each store: the one its truck shipments come from.
    const dcOfStore = new Map<number, number>();
    for (const row of rowsOf(fixture.batches, factStoreInventoryTxn)) {
      if (row.TxnType === 'DELIVERY') dcOfStore.set(row.StoreID as number, Number((row.Source as string).slice(5, 8)));
    }
    const counts: Record<string, number> = { SHIP_FROM_DC: 0, SHIP_FROM_STORE: 0, BOPIS: 0 };
    for (const header of headers) {
      const orderLines = linesOf.get(header.OrderId as string)!;
      const home = homeStore.get(header.CustomerID as number)!;
      const mode = orderLines[0]!.FulfillmentMode as string;
      problems.check(header.TaxStoreID === home, () => `${header.OrderId}: tax store ${header.TaxStoreID}, customer of ${home}`);
      for (const line of orderLines) {
        const expectedNode = mode === 'SHIP_FROM_DC' ? `DC ${dcOfStore.get(home)}` : `STORE ${home}`;
        problems.check(`${line.NodeType} ${line.NodeID}` === expectedNode && line.FulfillmentMode === mode, () => `${line.OrderId}/${line.LineNum}: ${line.FulfillmentMode} node ${line.NodeType} ${line.NodeID}, expected ${expectedNode}`);
      }
      const prefix = mode === 'SHIP_FROM_DC' ? `OD${String(orderLines[0]!.NodeID).padStart(3, '0')}-` : `OS${String(home).padStart(5, '0')}-`;
      problems.check((header.OrderId as string).startsWith(prefix), () => `${header.OrderId}: not an id of ${prefix}`);
      counts[mode] = (counts[mode] ?? 0) + 1;
    }
    expect(problems.found).toEqual([]);
    expect(dcOfStore.size).toBe(storeIds.length);
    // fulfillmentMix defaults: shipFromDc 0.4, shipFromStore 0.35, bopis 0.25.
    expect(Math.abs(counts.SHIP_FROM_DC! / headers.length - 0.4)).toBeLessThan(0.03);
    expect(Math.abs(counts.SHIP_FROM_STORE! / headers.length - 0.35)).toBeLessThan(0.03);
    expect(Math.abs(counts.BOPIS! / headers.length - 0.25)).toBeLessThan(0.03);
  });

  test('customer cancellations and coupons follow their configured shares', () => {
    const cancelled = headers.filter((header) => header.CancelReason === 'CUSTOMER').length;
    expect(Math.abs(cancelled / headers.length - 0.05)).toBeLessThan(0.012);
    const withCoupon = headers.filter((header) => header.PromoCode === onlineCoupon.code).length;
    expect(Math.abs(withCoupon / headers.length - 0.2)).toBeLessThan(0.025);
    expect(headers.every((header) => header.PromoCode === null || header.PromoCode === onlineCoupon.code)).toBe(true);
  });

  test('orders follow the calendar: each placed day about ordersPerStoreDay x catchment x the store\'s demand day total, Black Friday far above an ordinary Friday', () => {
    const customers = requireDim(fixture.run.dims, 'dim_customers');
    const poolSizes = new Map<number, number>();
    for (const storeId of int32Column(customers, 'HomeStoreID')) poolSizes.set(storeId, (poolSizes.get(storeId) ?? 0) + 1);
    const meanPool = customers.length / storeIds.length;
    const placed = groupBy(headers, (header) => String(dayOf(header.EventTS as number)));
    const problems = new Problems();
    let observedTotal = 0;
    let expectedTotal = 0;
    // Orders placed on the last day are picked after the run: not part of it.
    for (let day = fixture.run.firstDay; day < fixture.run.lastDay; day++) {
      let expected = 0;
      storeIds.forEach((storeId, store) => {
        let dayTotal = 0;
        for (let hourOfDay = 0; hourOfDay < 24; hourOfDay++) dayTotal += fixture.engine.demand.multiplier({ storeIndex: store, dayNumber: day, hour: hourOfDay });
        expected += (40 * (poolSizes.get(storeId) ?? 0) * dayTotal) / meanPool;
      });
      const observed = placed.get(String(day))?.length ?? 0;
      problems.check(Math.abs(observed - expected) < 4 * Math.sqrt(expected), () => `day ${day}: ${observed} orders, expected ${expected.toFixed(1)}`);
      observedTotal += observed;
      expectedTotal += expected;
    }
    expect(problems.found).toEqual([]);
    expect(Math.abs(observedTotal / expectedTotal - 1)).toBeLessThan(0.03);
    expect(placed.get(String(fixture.run.lastDay))).toBeUndefined();
    const blackFriday = placed.get(String(dayNumberOf('2024-11-29')))!.length;
    const plainFriday = placed.get(String(dayNumberOf('2024-11-22')))!.length;
    expect(blackFriday / plainFriday).toBeGreaterThan(1.8);
  });

  test('orders are placed around the clock, mostly in the evening', () => {
    const byHour = new Array<number>(24).fill(0);
    for (const header of headers) byHour[Math.floor(((header.EventTS as number) % millisecondsPerDay) / hour)]!++;
    const evening = byHour[19]! + byHour[20]! + byHour[21]!;
    const night = byHour[2]! + byHour[3]! + byHour[4]!;
    const weights = onlineHourOfDayWeights;
    expect(evening / night).toBeGreaterThan((0.6 * (weights[19]! + weights[20]! + weights[21]!)) / (weights[2]! + weights[3]! + weights[4]!));
    expect(byHour.every((count) => count > 0)).toBe(true);
  });

  test('ids and references: order ids name the store and the placed day; customers, products and stores exist; no product before its launch', () => {
    const products = requireDim(fixture.run.dims, 'dim_products');
    const launch = new Map(Array.from(int32Column(products, 'ID'), (productId, row) => [productId, int32Column(products, 'LaunchDate')[row]!]));
    const customerIds = new Set(int32Column(requireDim(fixture.run.dims, 'dim_customers'), 'ID'));
    const headerOf = new Map(headers.map((header) => [header.OrderId as string, header]));
    const problems = new Problems();
    for (const header of headers) {
      const date = new Date(header.EventTS as number).toISOString().slice(0, 10).replaceAll('-', '');
      problems.check(new RegExp(`^(OS\\d{5}|OD\\d{3})-${date}-\\d{5}$`).test(header.OrderId as string), () => `${header.OrderId}: placed ${date}`);
      problems.check(customerIds.has(header.CustomerID as number), () => `${header.OrderId}: customer ${header.CustomerID}`);
      problems.check(storeIds.includes(header.TaxStoreID as number), () => `${header.OrderId}: store ${header.TaxStoreID}`);
    }
    for (const line of lines) {
      const header = headerOf.get(line.OrderId as string);
      problems.check(header !== undefined, () => `${line.OrderId}: line without a header`);
      const launchDay = launch.get(line.ProductID as number);
      problems.check(launchDay !== undefined && header !== undefined && launchDay <= dayOf(header.EventTS as number), () => `${line.OrderId}: product ${line.ProductID} launched ${launchDay}`);
    }
    expect(problems.found).toEqual([]);
    expect(new Set(lines.map((line) => line.ProductID)).size).toBeGreaterThan(100);
  });
});

describe('closures and empty shelves', () => {
  test('Christmas: stores pick or hand over nothing on the 25th; their orders of the 24th and 25th are picked on the 26th', async () => {
    const fixture = await runFixture({
      seed: 5,
      start: '2024-12-22',
      end: '2024-12-28',
      volumes: { geographies: 12, stores: 6, distributionCenters: 2, customers: 1500, products: 120 },
      traffic: { baseDailyCustomers: 60 },
      onlineOrders: { ordersPerStoreDay: 30 },
    });
    const headers = rowsOf(fixture.batches, factOnlineOrderHeaders);
    const lines = rowsOf(fixture.batches, factOnlineOrderLines);
    const christmas = dayNumberOf('2024-12-25');
    const placedDay = new Map(headers.map((header) => [header.OrderId, dayOf(header.EventTS as number)]));
    const pickDays = new Map<number, Set<number>>();
    const problems = new Problems();
    for (const line of lines) {
      if (line.PickedTS === null || line.NodeType !== 'STORE') continue;
      const placed = placedDay.get(line.OrderId)!;
      const picked = dayOf(line.PickedTS as number);
      pickDays.set(placed, (pickDays.get(placed) ?? new Set()).add(picked));
      problems.check(dayOf(line.DeliveredTS as number) !== christmas || line.FulfillmentMode !== 'BOPIS', () => `${line.OrderId}: collected on Christmas`);
    }
    expect(problems.found).toEqual([]);
    expect([...pickDays.get(christmas - 1)!]).toEqual([christmas + 1]);
    // Christmas Day itself has a demand day total of 0 when stores close: few or no orders are placed on it.
    expect([...(pickDays.get(christmas) ?? [christmas + 1])]).toEqual([christmas + 1]);
    expect([...pickDays.get(christmas - 2)!]).toEqual([christmas - 1]);
    expect(pickDays.has(christmas + 1)).toBe(true);
    const inventory = rowsOf(fixture.batches, factStoreInventoryTxn).filter((row) => row.TxnType === 'ONLINE_ORDER');
    expect(inventory.length).toBeGreaterThan(0);
    expect(inventory.filter((row) => dayOf(row.EventTS as number) === christmas)).toEqual([]);
    // Nothing placed before the run or on its last day.
    expect(Math.min(...placedDay.values())).toBe(dayNumberOf('2024-12-22'));
    expect(Math.max(...placedDay.values())).toBe(dayNumberOf('2024-12-27'));
  });

  test('stores and DCs with empty shelves cancel every line: no stock is invented, nothing is paid', async () => {
    const fixture = await runFixture({
      seed: 9,
      start: '2024-11-04',
      end: '2024-11-07',
      volumes: { geographies: 12, stores: 5, distributionCenters: 2, customers: 1000, products: 100 },
      traffic: { baseDailyCustomers: 40 },
      inventory: { initialDaysOfSupply: 0 },
      // Empty DCs too, and no supplier goods before the run ends: nothing is delivered anywhere.
      logistics: { dcInitialDaysOfSupply: 0, supplierLeadTimeDays: 10 },
      onlineOrders: { ordersPerStoreDay: 30, cancelRate: 0 },
    });
    const headers = rowsOf(fixture.batches, factOnlineOrderHeaders);
    expect(headers.length).toBeGreaterThan(100);
    expect(new Set(headers.map((header) => `${header.Status} ${header.CancelReason} ${header.Total}`))).toEqual(new Set(['CANCELLED OUT_OF_STOCK 0']));
    expect(rowsOf(fixture.batches, factOnlineOrderLines).every((line) => line.FulfillmentStatus === 'CANCELLED')).toBe(true);
    expect(rowsOf(fixture.batches, factStoreInventoryTxn).filter((row) => row.TxnType === 'ONLINE_ORDER')).toEqual([]);
    expect(rowsOf(fixture.batches, factDcInventoryTxn).filter((row) => row.TxnType === 'ONLINE_ORDER')).toEqual([]);
    expect(new Set(rowsOf(fixture.batches, factOnlineOrderLines).map((line) => line.NodeType))).toEqual(new Set(['STORE', 'DC']));
    expect(orderPayments(fixture.batches)).toEqual([]);
  });
});

describe('determinism', () => {
  const small: RetailConfigInput = {
    seed: 3,
    start: '2024-11-29',
    end: '2024-12-02',
    volumes: { geographies: 12, stores: 9, distributionCenters: 2, customers: 900, products: 120 },
    traffic: { baseDailyCustomers: 60 },
    onlineOrders: { ordersPerStoreDay: 12 },
  };
  const orderRows = (batches: readonly ColumnBatch[]) => [
    ...[factOnlineOrderHeaders, factOnlineOrderLines, factDcInventoryTxn].map((table) => rowsOf(batches, table).map((row) => JSON.stringify(row))),
    orderPayments(batches).map((row) => JSON.stringify(row)),
  ];

  test('the same seed gives the same rows; partitions 1 and 5 the same rows as multisets; another seed other rows', async () => {
    const first = orderRows((await runFixture(small, { partitions: 1 })).batches);
    const again = orderRows((await runFixture(small, { partitions: 1 })).batches);
    const repartitioned = orderRows((await runFixture(small, { partitions: 5 })).batches);
    const reseeded = orderRows((await runFixture({ ...small, seed: 4 }, { partitions: 1 })).batches);
    for (const [index, rows] of first.entries()) {
      expect(rows.length).toBeGreaterThan(0);
      expect(again[index]).toEqual(rows);
      expect([...repartitioned[index]!].sort()).toEqual([...rows].sort());
      expect(reseeded[index]).not.toEqual(rows);
    }
  });

  test('keeps the generator contract among the packages it requires, and so does logistics beside it', async () => {
    expect(await checkGeneratorContract({ subject: 'online-orders', generators: onlineOrdersRegistryPackages() })).toEqual([]);
    expect(await checkGeneratorContract({ subject: 'logistics', generators: onlineOrdersRegistryPackages() })).toEqual([]);
  });

  test('requires logistics: without it the registry names what is missing', async () => {
    const { logistics: _omitted, ...withoutLogistics } = onlineOrdersRegistryPackages();
    expect(logistics.id).toBe('logistics');
    expect(() => createGeneratorRegistry(withoutLogistics)).toThrow(/logistics/);
  });
});

describe('configuration and options', () => {
  test('the onlineOrders section has documented defaults and refuses values out of range, naming the field', () => {
    expect(parseConfig({}).onlineOrders).toEqual({
      ordersPerStoreDay: 30,
      meanLines: 2.5,
      fulfillmentMix: { shipFromDc: 0.4, shipFromStore: 0.35, bopis: 0.25 },
      cancelRate: 0.03,
      couponShare: 0.1,
    });
    expect(() => parseConfig({ onlineOrders: { cancelRate: 1.5 } })).toThrow(ConfigValidationError);
    expect(() => parseConfig({ onlineOrders: { cancelRate: 1.5 } })).toThrow(/onlineOrders\.cancelRate/);
    expect(() => parseConfig({ onlineOrders: { fulfillmentMix: { bopis: -1 } } })).toThrow(/onlineOrders\.fulfillmentMix\.bopis/);
    expect(() => parseConfig({ onlineOrders: { meanLines: 0.5 } })).toThrow(/onlineOrders\.meanLines/);
    expect(() => parseConfig({ onlineOrders: { ordersPerDay: 3 } })).toThrow(/ordersPerDay/);
  });

  test('the mix decides the modes: BOPIS only gives BOPIS orders from stores; SHIP_FROM_DC only gives DC orders and no store pick', async () => {
    const base: RetailConfigInput = {
      seed: 8,
      start: '2024-11-05',
      end: '2024-11-07',
      volumes: { geographies: 12, stores: 4, distributionCenters: 2, customers: 600, products: 80 },
      traffic: { baseDailyCustomers: 30 },
    };
    const bopis = await runFixture({ ...base, onlineOrders: { fulfillmentMix: { shipFromDc: 0, shipFromStore: 0, bopis: 1 } } });
    const bopisLines = rowsOf(bopis.batches, factOnlineOrderLines);
    expect(bopisLines.length).toBeGreaterThan(50);
    expect(new Set(bopisLines.map((line) => line.FulfillmentMode))).toEqual(new Set(['BOPIS']));
    expect(new Set(bopisLines.map((line) => line.NodeType))).toEqual(new Set(['STORE']));
    expect(rowsOf(bopis.batches, factDcInventoryTxn).filter((row) => row.TxnType === 'ONLINE_ORDER')).toEqual([]);
    const dcOnly = await runFixture({ ...base, onlineOrders: { fulfillmentMix: { shipFromDc: 1, shipFromStore: 0, bopis: 0 } } });
    const dcOnlyLines = rowsOf(dcOnly.batches, factOnlineOrderLines);
    expect(dcOnlyLines.length).toBeGreaterThan(50);
    expect(new Set(dcOnlyLines.map((line) => `${line.FulfillmentMode} ${line.NodeType}`))).toEqual(new Set(['SHIP_FROM_DC DC']));
    expect(rowsOf(dcOnly.batches, factStoreInventoryTxn).filter((row) => row.TxnType === 'ONLINE_ORDER')).toEqual([]);
  });

  test('a bad option is refused with a typed error naming it', () => {
    expect(() => createOnlineOrdersGenerator({ hourOfDayWeights: [1, 2, 3] })).toThrow(InvalidArgumentError);
    expect(() => createOnlineOrdersGenerator({ hourOfDayWeights: new Array<number>(24).fill(0) })).toThrow(
      /^createOnlineOrdersGenerator options\.hourOfDayWeights: got "\[0(, 0){23}\]"; expected 24 finite weights >= 0 with a positive sum$/,
    );
    expect(() => createOnlineOrdersGenerator({ hourOfDayWeights: new Array<number>(24).fill(1) })).not.toThrow();
  });

  test('declares its tables, fact_payments shared with receipts', () => {
    expect(onlineOrdersTables.map((table) => table.name)).toEqual(['fact_online_order_headers', 'fact_online_order_lines', 'fact_payments']);
  });
});
