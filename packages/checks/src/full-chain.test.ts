import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore, type DuckDBStore } from '@retail-datagen/duckdb';
import { createGeneratorRegistry } from '@retail-datagen/generator-core';
import { inventory } from '@retail-datagen/generator-inventory';
import { logistics } from '@retail-datagen/generator-logistics';
import { marketing } from '@retail-datagen/generator-marketing';
import { master } from '@retail-datagen/generator-master';
import { onlineOrders } from '@retail-datagen/generator-online-orders';
import { receipts } from '@retail-datagen/generator-receipts';
import { seasonal } from '@retail-datagen/generator-seasonal';
import { sensors } from '@retail-datagen/generator-sensors';
import { parseConfig, type RetailConfig } from '@retail-datagen/models';
import { generateFacts, generateMaster } from '@retail-datagen/runner';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { checkDatabase } from './check-database.js';
import { invariantsFor } from './invariants-for.js';

/**
 * The whole chain, every built-in package, over 60 days (Black Friday to
 * mid-January) with three DCs and their regions, written to a real DuckDB
 * file by the runner and checked with SQL only.
 */
const generators = { master, seasonal, inventory, receipts, logistics, sensors, marketing, 'online-orders': onlineOrders };
const config: RetailConfig = parseConfig({
  seed: 23,
  start: '2024-11-20',
  end: '2025-01-18',
  volumes: { geographies: 24, stores: 9, distributionCenters: 3, trucksPerDc: 4, poolTrucks: 3, customers: 4_000, products: 300 },
  traffic: { baseDailyCustomers: 150 },
});
const catalog = createGeneratorRegistry(generators).catalog;

let directory: string;
let store: DuckDBStore;
const one = async (sql: string) => (await store.query(sql))[0] as Record<string, unknown>;

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'retail-datagen-chain-'));
  const database = join(directory, 'chain.duckdb');
  await generateMaster({ database, config, generators });
  await generateFacts({ database, config, generators });
  store = await openStore(database, { readOnly: true });
});

afterAll(async () => {
  store?.close();
  await rm(directory, { recursive: true, force: true });
});

describe('the whole chain over 60 days', () => {
  test('every table has rows, and stores are served by three DCs in three regions', async () => {
    const counts = await store.rowCounts(catalog.tables);
    for (const table of catalog.tables) expect(counts.get(table.name), table.name).toBeGreaterThan(0);
    const served = await one('SELECT count(DISTINCT dc_id)::INTEGER AS dcs, count(DISTINCT store_id)::INTEGER AS stores FROM fact_truck_moves');
    expect(served).toEqual({ dcs: 3, stores: 9 });
  });

  test('keeps every invariant, none skipped', async () => {
    const results = await checkDatabase(store, invariantsFor(catalog, config));
    expect(results.filter((result) => result.status !== 'passed')).toEqual([]);
    expect(results.length).toBeGreaterThan(100);
  });

  test("BLE: the share of known customers' receipts with pings under their own id is within 5 points of sensors.identifiedBleShare", async () => {
    const row = await one(`
      SELECT count(*) AS visits, count(*) FILTER (WHERE EXISTS (
        SELECT 1 FROM fact_ble_pings p WHERE p.store_id = r.store_id AND p.customer_id = r.customer_id
          AND p.event_ts BETWEEN r.event_ts - INTERVAL 3 HOUR AND r.event_ts + INTERVAL 2 MINUTE)) AS identified
      FROM fact_receipts r WHERE r.customer_id IS NOT NULL AND r.receipt_type = 'SALE'`);
    const share = Number(row.identified) / Number(row.visits);
    expect(Number(row.visits)).toBeGreaterThan(10_000);
    expect(Math.abs(share - config.sensors.identifiedBleShare)).toBeLessThan(0.05);
  });

  test('marketing: the share of impressions resolved to a known customer is within 1 point of marketing.resolvedShare', async () => {
    const row = await one('SELECT count(*) AS impressions, count(customer_id) AS resolved FROM fact_marketing');
    expect(Math.abs(Number(row.resolved) / Number(row.impressions) - config.marketing.resolvedShare)).toBeLessThan(0.01);
  });

  test("marketing: a sale campaign's categories take a larger share of units sold inside its window than in the weeks around it", async () => {
    const campaigns = await store.query(`
      WITH sales AS (
        SELECT CAST(r.event_ts AS DATE) AS day, p.category, sum(l.quantity) AS units
        FROM fact_receipt_lines l JOIN fact_receipts r USING (receipt_id_ext) JOIN dim_products p ON p.id = l.product_id
        WHERE r.receipt_type = 'SALE' GROUP BY ALL),
      daily AS (SELECT day, sum(units) AS units FROM sales GROUP BY day),
      targets AS (SELECT c.id, c.start_date, c.end_date, unnest(string_split(c.target_categories, '|')) AS category
        FROM dim_campaigns c WHERE c.campaign_type IN ('FLASH_SALE', 'SEASONAL_SALE', 'PRODUCT_LAUNCH') AND c.start_date >= DATE '2024-11-27' AND c.end_date <= DATE '2025-01-11')
      SELECT t.id,
        sum(s.units) FILTER (WHERE s.day BETWEEN t.start_date AND t.end_date) / any_value(inside.units) AS inside_share,
        sum(s.units) FILTER (WHERE s.day NOT BETWEEN t.start_date AND t.end_date AND s.day BETWEEN t.start_date - 7 AND t.end_date + 7) / any_value(around.units) AS around_share
      FROM targets t JOIN sales s ON s.category = t.category
      CROSS JOIN LATERAL (SELECT sum(units) AS units FROM daily d WHERE d.day BETWEEN t.start_date AND t.end_date) inside
      CROSS JOIN LATERAL (SELECT sum(units) AS units FROM daily d WHERE d.day NOT BETWEEN t.start_date AND t.end_date AND d.day BETWEEN t.start_date - 7 AND t.end_date + 7) around
      GROUP BY t.id`);
    expect(campaigns.length).toBeGreaterThanOrEqual(3);
    const lifted = campaigns.filter((campaign) => Number(campaign.inside_share) > Number(campaign.around_share) * 1.05);
    expect(lifted.length / campaigns.length).toBeGreaterThanOrEqual(0.75);
  });

  test('online orders: the fulfilment mode mix is within 3 points of onlineOrders.fulfillmentMix', async () => {
    const mix = config.onlineOrders.fulfillmentMix;
    const weights: Record<string, number> = { SHIP_FROM_DC: mix.shipFromDc, SHIP_FROM_STORE: mix.shipFromStore, BOPIS: mix.bopis };
    const total = Object.values(weights).reduce((sum, weight) => sum + weight, 0);
    const rows = await store.query('SELECT fulfillment_mode, count(DISTINCT order_id_ext) AS orders FROM fact_online_order_lines GROUP BY ALL');
    const orders = rows.reduce((sum, row) => sum + Number(row.orders), 0);
    expect(orders).toBeGreaterThan(2_000);
    for (const [mode, weight] of Object.entries(weights)) {
      const share = Number(rows.find((row) => row.fulfillment_mode === mode)?.orders ?? 0) / orders;
      expect(Math.abs(share - weight / total), mode).toBeLessThan(0.03);
    }
  });
});
