import { dayNumberOf, float64Column, int32Column, isoDateOf, millisecondsPerDay, requireDim, stringValues } from '@retail-datagen/generator-core';
import {
  factPayments,
  factPromotions,
  factReceiptLines,
  factReceipts,
  factStockouts,
  factStoreInventoryTxn,
  factStoreOps,
  type TableDefinition,
} from '@retail-datagen/models';
import { beforeAll, describe, expect, test } from 'vitest';
import { createReceiptsGenerator } from './receipts-generator.js';
import { segmentOfCustomer } from './shopper-choice.js';
import { shopperSegments, storeFormatBasketScale, taxabilityFactor, tenderTypes, tripConfigKeys, tripTypes } from './receipt-shapes.js';
import { isOpenAroundTheClock, isOpenDuring } from './store-hours.js';
import { rowsOf, type Row } from './test-support/collect-rows.js';
import { runFixture, type Fixture } from './test-support/run-fixture.js';

const hour = 3_600_000;

const config = {
  seed: 11,
  start: '2024-12-20',
  end: '2024-12-31',
  volumes: { stores: 10, customers: 3000, products: 400, geographies: 20, distributionCenters: 2 },
  traffic: { baseDailyCustomers: 200 },
  payments: { declineRate: 0.1 },
  promotions: { lineShare: 0.3 },
  returns: { rate: 0.05 },
};

function groupBy(rows: readonly Row[], key: string): Map<string, Row[]> {
  const groups = new Map<string, Row[]>();
  for (const row of rows) {
    const value = String(row[key]);
    const group = groups.get(value);
    if (group) group.push(row);
    else groups.set(value, [row]);
  }
  return groups;
}

/**
 * Collects failed checks so loops over hundreds of thousands of rows make one
 * assertion at the end (vitest's expect is slow per call); keeps the first few.
 */
class Problems {
  readonly found: string[] = [];
  check(condition: boolean, describe: () => string): void {
    if (!condition && this.found.length < 10) this.found.push(describe());
  }
}

const sum = (rows: readonly Row[] | undefined, field: string) => (rows ?? []).reduce((total, row) => total + (row[field] as number), 0);

describe('receipts over twelve December days (10 stores, closed on Christmas)', () => {
  let fixture: Fixture;
  let receipts: Row[];
  let lines: Row[];
  let payments: Row[];
  let promotions: Row[];
  let linesByReceipt: Map<string, Row[]>;
  let paymentsByReceipt: Map<string, Row[]>;
  let receiptById: Map<string, Row>;
  let sales: Row[];
  let returns: Row[];

  beforeAll(async () => {
    fixture = await runFixture({ config, closedDates: ['2024-12-25'] });
    receipts = rowsOf(fixture.batches, factReceipts);
    lines = rowsOf(fixture.batches, factReceiptLines);
    payments = rowsOf(fixture.batches, factPayments);
    promotions = rowsOf(fixture.batches, factPromotions);
    linesByReceipt = groupBy(lines, 'ReceiptId');
    paymentsByReceipt = groupBy(payments, 'ReceiptId');
    receiptById = new Map(receipts.map((receipt) => [receipt.ReceiptId as string, receipt]));
    sales = receipts.filter((receipt) => receipt.ReceiptType === 'SALE');
    returns = receipts.filter((receipt) => receipt.ReceiptType === 'RETURN');
  });

  const dims = () => fixture.run.dims;
  const storeIndexOf = (storeId: number) => int32Column(requireDim(dims(), 'dim_stores'), 'ID').indexOf(storeId);
  const productIndexOf = (() => {
    let index: Map<number, number> | undefined;
    return (productId: number) => {
      index ??= new Map(Array.from(int32Column(requireDim(dims(), 'dim_products'), 'ID'), (id, row) => [id, row]));
      return index.get(productId)!;
    };
  })();

  test('produces sales, returns, promotions, declines and a closed Christmas', () => {
    expect(sales.length).toBeGreaterThan(10_000);
    expect(returns.length).toBeGreaterThan(200);
    expect(promotions.length).toBeGreaterThan(1000);
    expect(payments.some((payment) => payment.Status === 'DECLINED')).toBe(true);
    const christmas = dayNumberOf('2024-12-25');
    expect(receipts.filter((receipt) => Math.floor((receipt.EventTS as number) / millisecondsPerDay) === christmas)).toHaveLength(0);
  });

  test('money identities hold to the cent on every line and header, sales and returns', () => {
    const products = requireDim(dims(), 'dim_products');
    const taxability = stringValues(products, 'Taxability');
    const taxRate = float64Column(requireDim(dims(), 'dim_stores'), 'TaxRate');
    const promotionsByReceipt = groupBy(promotions, 'ReceiptId');
    const problems = new Problems();
    for (const receipt of receipts) {
      const id = receipt.ReceiptId as string;
      const receiptLines = linesByReceipt.get(id) ?? [];
      problems.check(receiptLines.length > 0, () => `${id} has no lines`);
      const isReturn = receipt.ReceiptType === 'RETURN';
      const rate = taxRate[storeIndexOf(receipt.StoreID as number)]!;
      let expectedTax = 0;
      for (const line of receiptLines) {
        const quantity = line.Quantity as number;
        const extendedPrice = line.ExtPrice as number;
        const discount = line.Discount as number;
        problems.check(extendedPrice === quantity * (line.UnitPrice as number), () => `${id} line ${line.LineNum}: ext != qty x unit`);
        problems.check(Number.isInteger(extendedPrice) && Number.isInteger(discount), () => `${id} line ${line.LineNum}: not whole cents`);
        problems.check(isReturn ? quantity < 0 && discount <= 0 : quantity > 0 && discount >= 0, () => `${id} line ${line.LineNum}: wrong signs`);
        problems.check(Math.abs(discount) <= Math.abs(extendedPrice), () => `${id} line ${line.LineNum}: discount above ext`);
        problems.check(line.PromoCode === null ? discount === 0 : isReturn || discount > 0, () => `${id} line ${line.LineNum}: promo code and discount disagree`);
        const factor = taxabilityFactor[taxability[productIndexOf(line.ProductID as number)]!]!;
        expectedTax += Math.round((extendedPrice - discount) * rate * factor);
      }
      problems.check(receipt.Subtotal === sum(receiptLines, 'ExtPrice'), () => `${id}: subtotal != sum ext`);
      problems.check(receipt.Discount === sum(receiptLines, 'Discount'), () => `${id}: discount != sum line discounts`);
      problems.check(receipt.Discount === sum(promotionsByReceipt.get(id), 'Discount'), () => `${id}: discount != sum promotion rows`);
      // Sale taxes are recomputed from the rule; return taxes are refunded parts of the sale's line taxes.
      problems.check(isReturn ? (receipt.Tax as number) <= 0 : receipt.Tax === expectedTax, () => `${id}: tax ${receipt.Tax} (rule gives ${expectedTax})`);
      problems.check(receipt.Total === (receipt.Subtotal as number) - (receipt.Discount as number) + (receipt.Tax as number), () => `${id}: total != subtotal - discount + tax`);
    }
    expect(problems.found).toEqual([]);
  });

  test('each promotion row sums the discounts of its lines, one row per receipt and code', () => {
    const keys = new Set<string>();
    const problems = new Problems();
    for (const promotion of promotions) {
      const key = `${promotion.ReceiptId}|${promotion.PromoCode}`;
      problems.check(!keys.has(key), () => `${key}: two rows`);
      keys.add(key);
      const ofCode = (linesByReceipt.get(promotion.ReceiptId as string) ?? []).filter((line) => line.PromoCode === promotion.PromoCode);
      problems.check(ofCode.length > 0 && promotion.Discount === sum(ofCode, 'Discount'), () => `${key}: discount ${promotion.Discount} != its lines`);
      problems.check(['PERCENT_OFF', 'AMOUNT_OFF', 'BOGO'].includes(promotion.DiscountType as string), () => `${key}: type ${promotion.DiscountType}`);
      problems.check(promotion.EventTS === receiptById.get(promotion.ReceiptId as string)?.EventTS, () => `${key}: time differs from the receipt`);
    }
    for (const line of lines) {
      if (line.PromoCode !== null) problems.check(keys.has(`${line.ReceiptId}|${line.PromoCode}`), () => `${line.ReceiptId}: no row for ${line.PromoCode}`);
    }
    expect(problems.found).toEqual([]);
  });

  test('approved payments sum to the total; declines come seconds earlier in the same hour', () => {
    const paymentIds = new Set(payments.map((payment) => payment.PaymentID));
    expect(paymentIds.size).toBe(payments.length);
    const problems = new Problems();
    const reasons = ['INSUFFICIENT_FUNDS', 'CARD_EXPIRED', 'DO_NOT_HONOR', 'NETWORK_ERROR'];
    for (const receipt of receipts) {
      const id = receipt.ReceiptId as string;
      const timestamp = receipt.EventTS as number;
      const attempts = paymentsByReceipt.get(id) ?? [];
      const approved = attempts.filter((payment) => payment.Status === 'APPROVED');
      problems.check(approved.length === 1 && sum(approved, 'Amount') === receipt.Total, () => `${id}: approved payments do not sum to the total`);
      problems.check(approved[0]?.TenderType === receipt.TenderType && approved[0]?.EventTS === timestamp, () => `${id}: approved tender or time differs`);
      problems.check(attempts.length <= 3 && (attempts.length < 3 || approved[0]?.TenderType === 'CASH'), () => `${id}: ${attempts.length} attempts`);
      const hourStart = Math.floor(timestamp / hour) * hour;
      for (const attempt of attempts) {
        problems.check(attempt.OrderId === null, () => `${attempt.PaymentID}: order id set`);
        if (attempt.Status === 'APPROVED') {
          problems.check(attempt.DeclineReason === null, () => `${attempt.PaymentID}: approved with a reason`);
          continue;
        }
        const before = timestamp - (attempt.EventTS as number);
        problems.check(attempt.Status === 'DECLINED' && attempt.TenderType !== 'CASH' && reasons.includes(attempt.DeclineReason as string), () => `${attempt.PaymentID}: bad decline`);
        problems.check(before > 0 && before <= 60_000 && (attempt.EventTS as number) >= hourStart, () => `${attempt.PaymentID}: declined ${before} ms before`);
      }
    }
    expect(problems.found).toEqual([]);
  });

  test('returns reference earlier sales of the same store and never exceed what was sold', () => {
    const returnedByLine = new Map<string, number>();
    const refundedDiscountByLine = new Map<string, number>();
    const problems = new Problems();
    for (const returnReceipt of returns) {
      const id = returnReceipt.ReceiptId as string;
      const original = receiptById.get(returnReceipt.ReturnForReceiptId as string);
      if (!original) {
        problems.check(false, () => `${id}: references a receipt that does not exist`);
        continue;
      }
      problems.check(
        original.ReceiptType === 'SALE' &&
          original.StoreID === returnReceipt.StoreID &&
          original.CustomerID === returnReceipt.CustomerID &&
          original.TripType === returnReceipt.TripType &&
          original.TenderType === returnReceipt.TenderType,
        () => `${id}: does not match its sale ${original.ReceiptId}`,
      );
      problems.check((returnReceipt.EventTS as number) > (original.EventTS as number), () => `${id}: not after its sale`);
      problems.check((returnReceipt.Total as number) < 0, () => `${id}: total ${returnReceipt.Total}`);
      const soldLines = new Map((linesByReceipt.get(original.ReceiptId as string) ?? []).map((line) => [line.ProductID as number, line]));
      for (const line of linesByReceipt.get(id) ?? []) {
        const sold = soldLines.get(line.ProductID as number);
        if (!sold) {
          problems.check(false, () => `${id}: returns product ${line.ProductID}, not on the sale`);
          continue;
        }
        problems.check(line.UnitPrice === sold.UnitPrice && line.PromoCode === sold.PromoCode, () => `${id}: price or promotion differs from the sale`);
        const key = `${original.ReceiptId}|${line.ProductID}`;
        const returned = (returnedByLine.get(key) ?? 0) - (line.Quantity as number);
        returnedByLine.set(key, returned);
        refundedDiscountByLine.set(key, (refundedDiscountByLine.get(key) ?? 0) - (line.Discount as number));
        problems.check(returned <= (sold.Quantity as number), () => `${key}: ${returned} returned of ${sold.Quantity} sold`);
      }
      const refund = paymentsByReceipt.get(id) ?? [];
      problems.check(
        refund.length === 1 && refund[0]!.Status === 'APPROVED' && refund[0]!.Amount === returnReceipt.Total && refund[0]!.TenderType === returnReceipt.TenderType,
        () => `${id}: refund differs from the total`,
      );
    }
    // A fully returned line refunds exactly the sale line's discount.
    let fullyReturned = 0;
    for (const [key, returned] of returnedByLine) {
      const [originalId, productId] = key.split('|');
      const sold = (linesByReceipt.get(originalId!) ?? []).find((line) => line.ProductID === Number(productId))!;
      if (returned !== sold.Quantity) continue;
      fullyReturned++;
      problems.check(refundedDiscountByLine.get(key) === sold.Discount, () => `${key}: refunded discount ${refundedDiscountByLine.get(key)} of ${sold.Discount}`);
    }
    expect(problems.found).toEqual([]);
    expect(fullyReturned).toBeGreaterThan(0);
  });

  test('sales take units from the ledger and returns put them back, under the receipt id', () => {
    const transactions = rowsOf(fixture.batches, factStoreInventoryTxn);
    const bySource = groupBy(transactions, 'Source');
    const problems = new Problems();
    for (const receipt of receipts) {
      const id = receipt.ReceiptId as string;
      const postings = bySource.get(id) ?? [];
      const type = receipt.ReceiptType === 'SALE' ? 'SALE' : 'RETURN';
      problems.check(postings.length > 0 && postings.every((posting) => posting.TxnType === type), () => `${id}: postings of another type`);
      // A sale posts -quantity, a return +quantity (its line quantities are negative).
      problems.check(sum(postings, 'Quantity') === 0 - sum(linesByReceipt.get(id), 'Quantity'), () => `${id}: ledger quantity differs from the lines`);
    }
    expect(problems.found).toEqual([]);
  });

  test('returns are visibly more frequent from December 26', () => {
    const afterChristmas = dayNumberOf('2024-12-26');
    const dayOf = (receipt: Row) => Math.floor((receipt.EventTS as number) / millisecondsPerDay);
    const rate = (from: number, to: number) =>
      returns.filter((receipt) => dayOf(receipt) >= from && dayOf(receipt) <= to).length / sales.filter((receipt) => dayOf(receipt) >= from && dayOf(receipt) <= to).length;
    // The first day's returns find few earlier sales, so compare from the second day on.
    const before = rate(dayNumberOf('2024-12-21'), dayNumberOf('2024-12-24'));
    const after = rate(afterChristmas, dayNumberOf('2024-12-31'));
    expect(before).toBeGreaterThan(0.03);
    expect(before).toBeLessThan(0.06);
    expect(after / before).toBeGreaterThan(2.3);
    expect(after / before).toBeLessThan(3.6);
  });

  test('no receipt outside its store\'s open hours; OPEN/CLOSE events for stores not open around the clock', () => {
    const stores = requireDim(dims(), 'dim_stores');
    const openHour = int32Column(stores, 'OpenHour');
    const closeHour = int32Column(stores, 'CloseHour');
    for (const receipt of receipts) {
      const store = storeIndexOf(receipt.StoreID as number);
      const hourOfDay = Math.floor(((receipt.EventTS as number) % millisecondsPerDay) / hour);
      expect(isOpenDuring(openHour[store]!, closeHour[store]!, hourOfDay)).toBe(true);
    }
    const operations = rowsOf(fixture.batches, factStoreOps);
    const storeIds = int32Column(stores, 'ID');
    const christmas = dayNumberOf('2024-12-25');
    let limitedHourStores = 0;
    let aroundTheClockStores = 0;
    for (let store = 0; store < stores.length; store++) {
      const ofStore = operations.filter((operation) => operation.StoreID === storeIds[store]);
      if (isOpenAroundTheClock(openHour[store]!, closeHour[store]!)) {
        aroundTheClockStores++;
        expect(ofStore).toHaveLength(0);
        continue;
      }
      limitedHourStores++;
      const expected: Row[] = [];
      for (let day = fixture.run.firstDay; day <= fixture.run.lastDay; day++) {
        if (day === christmas) continue;
        expected.push({ EventTS: day * millisecondsPerDay + openHour[store]! * hour, StoreID: storeIds[store]!, OperationType: 'OPEN' });
        expected.push({ EventTS: day * millisecondsPerDay + closeHour[store]! * hour, StoreID: storeIds[store]!, OperationType: 'CLOSE' });
      }
      expect(ofStore).toEqual(expected);
    }
    expect(limitedHourStores).toBeGreaterThan(0);
    expect(aroundTheClockStores).toBeGreaterThan(0);
  });

  test('no product is sold before its launch date', () => {
    const launch = int32Column(requireDim(dims(), 'dim_products'), 'LaunchDate');
    const launchedDuringRun = Array.from(launch).filter((day) => day > fixture.run.firstDay && day <= fixture.run.lastDay);
    expect(launchedDuringRun.length).toBeGreaterThan(0);
    const problems = new Problems();
    for (const line of lines) {
      const day = Math.floor((line.EventTS as number) / millisecondsPerDay);
      problems.check(launch[productIndexOf(line.ProductID as number)]! <= day, () => `${line.ReceiptId}: product ${line.ProductID} sold before launch`);
    }
    expect(problems.found).toEqual([]);
  });

  test('receipt ids are unique, name the store and date, and number each store-day from 1 without gaps', () => {
    expect(receiptById.size).toBe(receipts.length);
    const sequences = new Map<string, number[]>();
    const problems = new Problems();
    for (const receipt of receipts) {
      const match = /^R(\d{5})-(\d{8})-(\d{5})$/.exec(receipt.ReceiptId as string);
      const date = isoDateOf(Math.floor((receipt.EventTS as number) / millisecondsPerDay)).replaceAll('-', '');
      problems.check(match !== null && Number(match[1]) === receipt.StoreID && match[2] === date, () => `${receipt.ReceiptId}: store ${receipt.StoreID}, date ${date}`);
      if (!match) continue;
      const storeDay = `${match[1]}-${match[2]}`;
      const numbers = sequences.get(storeDay) ?? [];
      numbers.push(Number(match[3]));
      sequences.set(storeDay, numbers);
    }
    for (const [storeDay, numbers] of sequences) {
      numbers.sort((left, right) => left - right);
      problems.check(numbers.every((number, index) => number === index + 1), () => `${storeDay}: sequence has gaps`);
    }
    for (const line of lines) problems.check(receiptById.get(line.ReceiptId as string)?.EventTS === line.EventTS, () => `${line.ReceiptId}: line time differs`);
    for (const receipt of sales) {
      problems.check(receipt.ReturnForReceiptId === null, () => `${receipt.ReceiptId}: sale references a receipt`);
      problems.check((tripTypes as readonly unknown[]).includes(receipt.TripType), () => `${receipt.ReceiptId}: trip ${receipt.TripType}`);
    }
    expect(problems.found).toEqual([]);
  });

  test('shoppers: anonymous share, home store share, others from the nearest stores', () => {
    const share = sales.filter((receipt) => receipt.CustomerID === null).length / sales.length;
    expect(share).toBeGreaterThan(0.38);
    expect(share).toBeLessThan(0.42);

    const customers = requireDim(dims(), 'dim_customers');
    const homeStoreOf = new Map(Array.from(int32Column(customers, 'ID'), (id, row) => [id, int32Column(customers, 'HomeStoreID')[row]!]));
    const stores = requireDim(dims(), 'dim_stores');
    const geographies = requireDim(dims(), 'dim_geographies');
    const geographyIds = Array.from(int32Column(geographies, 'ID'));
    const latitude = float64Column(geographies, 'Latitude');
    const longitude = float64Column(geographies, 'Longitude');
    const storeIds = int32Column(stores, 'ID');
    const position = (store: number) => {
      const row = geographyIds.indexOf(int32Column(stores, 'GeographyID')[store]!);
      return [latitude[row]!, longitude[row]!] as const;
    };
    const distance = (left: number, right: number) => {
      const [latitudeA, longitudeA] = position(left);
      const [latitudeB, longitudeB] = position(right);
      const radians = Math.PI / 180;
      const haversine = Math.sin(((latitudeB - latitudeA) * radians) / 2) ** 2 + Math.cos(latitudeA * radians) * Math.cos(latitudeB * radians) * Math.sin(((longitudeB - longitudeA) * radians) / 2) ** 2;
      return Math.asin(Math.sqrt(haversine));
    };
    const nearest = (store: number) =>
      Array.from({ length: stores.length }, (_, other) => other)
        .filter((other) => other !== store)
        .sort((left, right) => distance(store, left) - distance(store, right) || left - right)
        .slice(0, 3)
        .map((other) => storeIds[other]!);

    const known = sales.filter((receipt) => receipt.CustomerID !== null);
    const atHome = known.filter((receipt) => homeStoreOf.get(receipt.CustomerID as number) === receipt.StoreID).length / known.length;
    expect(atHome).toBeGreaterThan(0.82);
    expect(atHome).toBeLessThan(0.88);
    const nearestOf = new Map<number, number[]>();
    for (const receipt of known) {
      const home = homeStoreOf.get(receipt.CustomerID as number)!;
      if (home === receipt.StoreID) continue;
      const store = storeIndexOf(receipt.StoreID as number);
      if (!nearestOf.has(store)) nearestOf.set(store, nearest(store));
      expect(nearestOf.get(store)).toContain(home);
    }
  });

  test('distributions: trip mix, basket size by trip type and store format, tender mix, declines', () => {
    const formats = stringValues(requireDim(dims(), 'dim_stores'), 'StoreFormat');
    const seed = fixture.run.config.seed;
    const segmentShareOf = (receipt: Row): number[] => {
      if (receipt.CustomerID === null) return shopperSegments.map((segment) => segment.share);
      const known = segmentOfCustomer(seed, receipt.CustomerID as number);
      return shopperSegments.map((_, segment) => (segment === known ? 1 : 0));
    };

    const tripMix = fixture.run.config.basket.tripMix;
    const tripTotal = tripConfigKeys.reduce((total, key) => total + tripMix[key], 0);
    tripTypes.forEach((trip, index) => {
      const observed = sales.filter((receipt) => receipt.TripType === trip).length / sales.length;
      expect(Math.abs(observed - tripMix[tripConfigKeys[index]!] / tripTotal)).toBeLessThan(0.015);
    });

    // Mean distinct items per trip: meanItems x format scale x segment scale (at least 1).
    tripTypes.forEach((trip, index) => {
      const ofTrip = sales.filter((receipt) => receipt.TripType === trip);
      const mean = fixture.run.config.basket.meanItems[tripConfigKeys[index]!];
      let expected = 0;
      let observed = 0;
      for (const receipt of ofTrip) {
        const scale = storeFormatBasketScale[formats[storeIndexOf(receipt.StoreID as number)]!]!;
        const shares = segmentShareOf(receipt);
        expected += shopperSegments.reduce((total, segment, segmentIndex) => total + shares[segmentIndex]! * Math.max(1, mean * scale * segment.basketScale), 0);
        observed += linesByReceipt.get(receipt.ReceiptId as string)!.length;
      }
      expect(observed / expected).toBeGreaterThan(0.96);
      expect(observed / expected).toBeLessThan(1.04);
    });

    // The first attempt's tender follows tenderMix x the shopper's segment nudge.
    const tenderMix = fixture.run.config.payments.tenderMix;
    const mix = [tenderMix.credit, tenderMix.debit, tenderMix.cash, tenderMix.mobile];
    const expectedTender = [0, 0, 0, 0];
    const observedTender = [0, 0, 0, 0];
    for (const receipt of sales) {
      const shares = segmentShareOf(receipt);
      shopperSegments.forEach((segment, segmentIndex) => {
        const weights = mix.map((weight, tender) => weight * segment.tenderNudge[tender]!);
        const total = weights.reduce((left, right) => left + right, 0);
        weights.forEach((weight, tender) => (expectedTender[tender]! += (shares[segmentIndex]! * weight) / total));
      });
      const first = paymentsByReceipt.get(receipt.ReceiptId as string)!.find((payment) => (payment.PaymentID as string).endsWith('-1'))!;
      observedTender[tenderTypes.indexOf(first.TenderType as (typeof tenderTypes)[number])]! += 1;
    }
    tenderTypes.forEach((_, tender) => expect(Math.abs(observedTender[tender]! / sales.length - expectedTender[tender]! / sales.length)).toBeLessThan(0.012));
    // The nudges keep the overall mix near the configured one.
    const mixTotal = mix.reduce((left, right) => left + right, 0);
    tenderTypes.forEach((_, tender) => expect(Math.abs(observedTender[tender]! / sales.length - mix[tender]! / mixTotal)).toBeLessThan(0.04));

    const cardAttempts = payments.filter((payment) => payment.TenderType !== 'CASH' && (payment.Amount as number) > 0);
    const declineShare = cardAttempts.filter((payment) => payment.Status === 'DECLINED').length / cardAttempts.length;
    expect(declineShare).toBeGreaterThan(0.09);
    expect(declineShare).toBeLessThan(0.11);
  });
});

describe('determinism, partitions, stockouts and category demand', () => {
  const small = {
    ...config,
    start: '2024-12-23',
    end: '2024-12-27',
    volumes: { stores: 6, customers: 1500, products: 250, geographies: 12, distributionCenters: 2 },
    traffic: { baseDailyCustomers: 120 },
  };
  const tables: readonly TableDefinition[] = [factReceipts, factReceiptLines, factPayments, factPromotions, factStoreOps, factStoreInventoryTxn];

  const sortedRows = (fixture: Fixture, table: TableDefinition) =>
    rowsOf(fixture.batches, table)
      .map((row) => JSON.stringify(row))
      .sort();

  test('the same configuration gives identical batches; 1 or 4 partitions give the same rows', async () => {
    const first = await runFixture({ config: small, closedDates: ['2024-12-25'], partitions: 4 });
    const second = await runFixture({ config: small, closedDates: ['2024-12-25'], partitions: 4 });
    const single = await runFixture({ config: small, closedDates: ['2024-12-25'], partitions: 1 });
    for (const table of tables) {
      const rows = rowsOf(first.batches, table);
      expect(rows.length).toBeGreaterThan(0);
      expect(rowsOf(second.batches, table)).toEqual(rows);
      expect(sortedRows(single, table)).toEqual(sortedRows(first, table));
    }
    const otherSeed = await runFixture({ config: { ...small, seed: 12 }, closedDates: ['2024-12-25'] });
    expect(sortedRows(otherSeed, factReceipts)).not.toEqual(sortedRows(first, factReceipts));
  });

  test('only units the ledger hands over are sold; a category with no demand is never sold', async () => {
    const initialStock = 3;
    const fixture = await runFixture({
      config: small,
      initialStock,
      categoryFactor: (_day, category) => (category === 'Fruit' ? 0 : 1),
    });
    const lines = rowsOf(fixture.batches, factReceiptLines);
    const receipts = rowsOf(fixture.batches, factReceipts);
    const stockouts = rowsOf(fixture.batches, factStockouts);
    expect(stockouts.length).toBeGreaterThan(0);
    const storeOf = new Map(receipts.map((receipt) => [receipt.ReceiptId as string, receipt.StoreID as number]));
    const linesByReceipt = groupBy(lines, 'ReceiptId');
    for (const receipt of receipts) expect(linesByReceipt.get(receipt.ReceiptId as string)?.length ?? 0).toBeGreaterThan(0);
    const net = new Map<string, number>();
    for (const line of lines) {
      const key = `${storeOf.get(line.ReceiptId as string)}|${line.ProductID}`;
      const sold = (net.get(key) ?? 0) + (line.Quantity as number);
      net.set(key, sold);
    }
    for (const sold of net.values()) expect(sold).toBeLessThanOrEqual(initialStock);
    expect([...net.values()].some((sold) => sold === initialStock)).toBe(true);

    const products = requireDim(fixture.run.dims, 'dim_products');
    const categories = stringValues(products, 'Category');
    const productIds = int32Column(products, 'ID');
    const fruit = new Set(Array.from(productIds).filter((_, row) => categories[row] === 'Fruit'));
    expect(fruit.size).toBeGreaterThan(0);
    expect(lines.filter((line) => fruit.has(line.ProductID as number))).toHaveLength(0);
  });

  test('rejects bad options with a message naming the option', () => {
    expect(() => createReceiptsGenerator({ nearbyStoreCount: -1 })).toThrow(/options\.nearbyStoreCount/);
    expect(() => createReceiptsGenerator({ returnWindowDays: 0 })).toThrow(/options\.returnWindowDays/);
  });
});
