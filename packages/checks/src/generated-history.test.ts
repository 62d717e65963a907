import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore, type DuckDBStore } from '@retail-datagen/duckdb';
import { createGeneratorRegistry, dayNumberOf, isoDateOf } from '@retail-datagen/generator-core';
import { inventory } from '@retail-datagen/generator-inventory';
import { logistics } from '@retail-datagen/generator-logistics';
import { master } from '@retail-datagen/generator-master';
import { receipts, shopperSegments, storeFormatBasketScale, tenderTypes, tripConfigKeys, tripTypes } from '@retail-datagen/generator-receipts';
import { dayFactors, hourOfDayCurve, seasonal, seasonFactor, weekdayFactors, weekendShape } from '@retail-datagen/generator-seasonal';
import { parseConfig, type RetailConfig } from '@retail-datagen/models';
import { generateFacts, generateMaster } from '@retail-datagen/runner';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { checkDatabase } from './check-database.js';
import { invariantsFor } from './invariants-for.js';

/**
 * One generated history, checked the way a user would check theirs: 38 days
 * from before Thanksgiving to after Christmas, eight stores of five formats,
 * written to a real DuckDB file by the runner, then read back with SQL only.
 */
const generators = { master, seasonal, inventory, receipts, logistics };
const config: RetailConfig = parseConfig({
  seed: 11,
  start: '2024-11-20',
  end: '2024-12-27',
  volumes: { geographies: 20, stores: 8, distributionCenters: 2, customers: 4_000, products: 300 },
  traffic: { baseDailyCustomers: 300 },
});
const catalog = createGeneratorRegistry(generators).catalog;

let directory: string;
let database: string;
let store: DuckDBStore;

const rows = (sql: string) => store.query(sql);
const numberOf = (value: unknown) => Number(value);

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'retail-datagen-checks-'));
  database = join(directory, 'history.duckdb');
  await generateMaster({ database, config, generators });
  await generateFacts({ database, config, generators });
  store = await openStore(database, { readOnly: true });
});

afterAll(async () => {
  store?.close();
  await rm(directory, { recursive: true, force: true });
});

describe('the generated database', () => {
  test('covers Black Friday and Christmas with stores of several formats', async () => {
    const [days] = await rows("SELECT min(CAST(event_ts AS DATE)) AS first, max(CAST(event_ts AS DATE)) AS last FROM fact_receipts");
    expect((days?.first as Date).toISOString().slice(0, 10)).toBe('2024-11-20');
    expect((days?.last as Date).toISOString().slice(0, 10)).toBe('2024-12-27');
    const formats = await rows('SELECT DISTINCT store_format FROM dim_stores');
    expect(formats.length).toBeGreaterThanOrEqual(4);
  });

  test('keeps every invariant', async () => {
    const invariants = invariantsFor(catalog, config);
    const results = await checkDatabase(store, invariants);
    expect(results.filter((result) => result.status === 'failed')).toEqual([]);
    // Only the rules of packages this run does not include (sensors, marketing...) are skipped.
    const outside = invariants.filter((invariant) => invariant.tables.some((table) => !catalog.has(table))).map((invariant) => invariant.id);
    expect(results.filter((result) => result.status === 'skipped').map((result) => result.id)).toEqual(outside);
    expect(results.map((result) => result.id)).toEqual(
      expect.arrayContaining([
        'fact_receipt_lines.receipt_id_ext.references',
        'fact_receipts.return_for_receipt_id_ext.references',
        'fact_payments.receipt_id_ext.references',
        'fact_receipts.store_id.references',
        'fact_receipts.primary-key',
        'receipt-total',
        'inventory-balance-chain',
        'closed-on-christmas',
      ]),
    );
  });
});

describe('a tampered copy', () => {
  test('fails the invariant whose rule each edit broke, and shows the offending rows', async () => {
    const copy = join(directory, 'tampered.duckdb');
    await copyFile(database, copy);
    const tampered = await openStore(copy);
    try {
      const edits: Record<string, string> = {
        'line-ext-price': "UPDATE fact_receipt_lines SET ext_price = ext_price + 0.01 WHERE (receipt_id_ext, line_num) IN (SELECT (receipt_id_ext, line_num) FROM fact_receipt_lines WHERE quantity = 1 ORDER BY receipt_id_ext LIMIT 1)",
        'receipt-total': "UPDATE fact_receipts SET total_amount = total_amount + 1 WHERE receipt_id_ext = (SELECT min(receipt_id_ext) FROM fact_receipts WHERE receipt_type = 'SALE' AND receipt_id_ext LIKE 'R%-20241203-%')",
        'payments-approved-total': "DELETE FROM fact_payments WHERE payment_id = (SELECT min(payment_id) FROM fact_payments WHERE status = 'APPROVED' AND payment_id LIKE 'P%-20241204-%')",
        'payment-status': "UPDATE fact_payments SET status = 'DECLINED', decline_reason = 'DO_NOT_HONOR' WHERE payment_id = (SELECT min(payment_id) FROM fact_payments WHERE payment_method = 'CASH' AND payment_id LIKE 'P%-20241205-%')",
        'inventory-balance-chain': "UPDATE fact_store_inventory_txn SET balance = balance + 1 WHERE txn_seq = (SELECT min(txn_seq) FROM fact_store_inventory_txn WHERE txn_type = 'SALE')",
        'inventory-initial-first': "UPDATE fact_store_inventory_txn SET txn_type = 'ADJUSTMENT' WHERE txn_seq = (SELECT min(txn_seq) FROM fact_store_inventory_txn)",
        'fact_receipt_lines.product_id.references': "UPDATE fact_receipt_lines SET product_id = 999999 WHERE (receipt_id_ext, line_num) = (SELECT (receipt_id_ext, line_num) FROM fact_receipt_lines ORDER BY receipt_id_ext DESC, line_num LIMIT 1)",
        'receipt-store-hours': "UPDATE fact_receipts SET event_ts = CAST(event_ts AS DATE) + INTERVAL 3 HOUR WHERE receipt_id_ext = (SELECT min(r.receipt_id_ext) FROM fact_receipts r JOIN dim_stores s ON s.id = r.store_id WHERE s.open_hour >= 5 AND r.receipt_id_ext LIKE 'R%-20241206-%')",
        'closed-on-christmas': "UPDATE fact_receipts SET event_ts = TIMESTAMP '2024-12-25 12:00:00' WHERE receipt_id_ext = (SELECT min(receipt_id_ext) FROM fact_receipts WHERE receipt_id_ext LIKE 'R%-20241226-%')",
        'launch-date': "UPDATE dim_products SET launch_date = DATE '2024-12-31' WHERE id = (SELECT min(product_id) FROM fact_receipt_lines)",
        'return-reference': "UPDATE fact_receipts SET return_for_receipt_id_ext = (SELECT max(receipt_id_ext) FROM fact_receipts WHERE receipt_id_ext LIKE 'R%-20241227-%' AND receipt_type = 'SALE') WHERE receipt_id_ext = (SELECT min(receipt_id_ext) FROM fact_receipts WHERE receipt_type = 'RETURN')",
      };
      for (const sql of Object.values(edits)) await tampered.query(sql);
      const results = await checkDatabase(tampered, invariantsFor(catalog, config));
      const failed = results.filter((result) => result.status === 'failed').map((result) => result.id);
      for (const id of Object.keys(edits)) expect(failed, id).toContain(id);
      const example = results.find((result) => result.id === 'line-ext-price');
      expect(example?.violations).toBe(1);
      expect(Object.keys(example?.examples[0] ?? {})).toEqual(['receipt_id_ext', 'line_num', 'quantity', 'unit_price', 'ext_price']);
    } finally {
      tampered.close();
    }
  });
});

describe('distributions measured from the stored rows', () => {
  /** SALE receipts per day over all stores. */
  async function salesPerDay(): Promise<Map<number, number>> {
    const perDay = await rows("SELECT CAST(event_ts AS DATE) AS day, count(*) AS sales FROM fact_receipts WHERE receipt_type = 'SALE' GROUP BY ALL");
    return new Map(perDay.map((row) => [dayNumberOf((row.day as Date).toISOString().slice(0, 10)), numberOf(row.sales)]));
  }

  test('weekend lift: Saturdays and Sundays over weekdays, season removed, lands within 5% of traffic.weekendLift', async () => {
    const sales = await salesPerDay();
    let weekend = 0;
    let weekendExpected = 0;
    let weekday = 0;
    let weekdayExpected = 0;
    const weekdayShape = [0, weekdayFactors.monday, weekdayFactors.tuesday, weekdayFactors.wednesday, weekdayFactors.thursday, weekdayFactors.friday, 0];
    for (const [day, count] of sales) {
      const factors = dayFactors(day, config);
      if (factors.holiday !== 1 || factors.holidayId !== undefined) continue;
      const dow = new Date(day * 86_400_000).getUTCDay();
      if (dow === 0 || dow === 6) {
        weekend += count;
        weekendExpected += factors.season * (dow === 6 ? weekendShape.saturday : weekendShape.sunday);
      } else {
        weekday += count;
        weekdayExpected += factors.season * (weekdayShape[dow] as number);
      }
    }
    const lift = weekend / weekendExpected / (weekday / weekdayExpected);
    expect(lift).toBeGreaterThan(config.traffic.weekendLift * 0.95);
    expect(lift).toBeLessThan(config.traffic.weekendLift * 1.05);
  });

  test('Black Friday lift: Black Friday over the ordinary Fridays, season removed, lands within 8% of seasonality.blackFridayLift', async () => {
    const sales = await salesPerDay();
    const blackFriday = dayNumberOf('2024-11-29');
    const fridays = [...sales.keys()].filter((day) => day !== blackFriday && new Date(day * 86_400_000).getUTCDay() === 5 && dayFactors(day, config).holiday === 1);
    expect(fridays.map(isoDateOf)).toEqual(['2024-11-22', '2024-12-06', '2024-12-13', '2024-12-20', '2024-12-27']);
    const ordinary = fridays.reduce((sum, day) => sum + (sales.get(day) as number) / seasonFactor(day), 0) / fridays.length;
    const lift = (sales.get(blackFriday) as number) / seasonFactor(blackFriday) / ordinary;
    expect(lift).toBeGreaterThan(config.seasonality.blackFridayLift * 0.92);
    expect(lift).toBeLessThan(config.seasonality.blackFridayLift * 1.08);
  });

  test("hour-of-day shape: each store's share of receipts per hour is within 1.5 points of the seasonal curve over its open hours", async () => {
    const stores = await rows('SELECT id, open_hour, close_hour FROM dim_stores ORDER BY id');
    const perHour = await rows("SELECT store_id, hour(event_ts) AS hour, count(*) AS sales FROM fact_receipts WHERE receipt_type = 'SALE' GROUP BY ALL");
    for (const storeRow of stores) {
      const curve = hourOfDayCurve(numberOf(storeRow.open_hour), numberOf(storeRow.close_hour));
      const counts = new Float64Array(24);
      for (const row of perHour) if (row.store_id === storeRow.id) counts[numberOf(row.hour)] = numberOf(row.sales);
      const total = counts.reduce((sum, count) => sum + count, 0);
      for (let hour = 0; hour < 24; hour++) {
        const observed = (counts[hour] as number) / total;
        expect(Math.abs(observed - (curve[hour] as number)), `store ${String(storeRow.id)} hour ${hour}`).toBeLessThan(0.015);
        if (curve[hour] === 0) expect(observed).toBe(0);
      }
    }
  });

  test('trip mix and basket size by trip type and store format land within tolerance of basket.tripMix and basket.meanItems', async () => {
    const baskets = await rows(`
      SELECT r.trip_type, s.store_format, count(*) AS receipts, avg(l.lines) AS mean_lines
      FROM fact_receipts r JOIN dim_stores s ON s.id = r.store_id
      JOIN (SELECT receipt_id_ext, count(*) AS lines FROM fact_receipt_lines GROUP BY ALL) l USING (receipt_id_ext)
      WHERE r.receipt_type = 'SALE' GROUP BY ALL`);
    const weights = tripConfigKeys.map((key) => config.basket.tripMix[key]);
    const weightTotal = weights.reduce((sum, weight) => sum + weight, 0);
    const all = baskets.reduce((sum, row) => sum + numberOf(row.receipts), 0);
    tripTypes.forEach((trip, index) => {
      const share = baskets.filter((row) => row.trip_type === trip).reduce((sum, row) => sum + numberOf(row.receipts), 0) / all;
      expect(Math.abs(share - (weights[index] as number) / weightTotal), trip).toBeLessThan(0.01);
    });
    for (const row of baskets) {
      const trip = tripTypes.indexOf(row.trip_type as (typeof tripTypes)[number]);
      const expected = config.basket.meanItems[tripConfigKeys[trip] as keyof RetailConfig['basket']['meanItems']] * (storeFormatBasketScale[row.store_format as string] as number);
      const observed = numberOf(row.mean_lines);
      // A few lines are lost to empty shelves and to products drawn twice: the mean may fall up to 8% short, never exceed by more than 3%.
      expect(observed / expected, `${String(row.trip_type)} at ${String(row.store_format)}`).toBeGreaterThan(0.92);
      expect(observed / expected, `${String(row.trip_type)} at ${String(row.store_format)}`).toBeLessThan(1.03);
    }
  });

  test("tender mix of first payment attempts lands within 1.5 points of payments.tenderMix reweighted by the shopper segments; declines within 1 point of payments.declineRate", async () => {
    const mix = tenderTypes.map((tender) => config.payments.tenderMix[tender.toLowerCase() as keyof RetailConfig['payments']['tenderMix']]);
    const expected = new Float64Array(tenderTypes.length);
    for (const segment of shopperSegments) {
      const weights = mix.map((weight, tender) => weight * (segment.tenderNudge[tender] as number));
      const total = weights.reduce((sum, weight) => sum + weight, 0);
      weights.forEach((weight, tender) => (expected[tender] = (expected[tender] as number) + (segment.share * weight) / total));
    }
    const firsts = await rows(`
      SELECT p.payment_method, count(*) AS attempts FROM fact_payments p JOIN fact_receipts r USING (receipt_id_ext)
      WHERE r.receipt_type = 'SALE' AND p.payment_id LIKE '%-1' GROUP BY ALL`);
    const all = firsts.reduce((sum, row) => sum + numberOf(row.attempts), 0);
    tenderTypes.forEach((tender, index) => {
      const share = numberOf(firsts.find((row) => row.payment_method === tender)?.attempts ?? 0) / all;
      expect(Math.abs(share - (expected[index] as number)), tender).toBeLessThan(0.015);
    });
    const [declines] = await rows(`
      SELECT count(*) FILTER (WHERE status = 'DECLINED') AS declined, count(*) AS attempts
      FROM fact_payments p JOIN fact_receipts r USING (receipt_id_ext) WHERE r.receipt_type = 'SALE' AND p.payment_method <> 'CASH'`);
    expect(Math.abs(numberOf(declines?.declined) / numberOf(declines?.attempts) - config.payments.declineRate)).toBeLessThan(0.01);
  });
});
