import { describe, expect, it } from 'vitest';
import { addressPoolSize } from './customers.js';
import { geographicDistance } from './geometry/geographic-distance.js';
import { batchOf, float64, generateMaster, int32, strings } from './test-support/generate-master.js';
import { firstNames } from './word-lists/first-names.js';
import { lastNames } from './word-lists/last-names.js';

describe('dim_customers', () => {
  it('has unique loyalty cards, BLE ids and ad ids in their formats', async () => {
    const customers = batchOf(await generateMaster({ seed: 3, volumes: { customers: 70_000 } }), 'dim_customers');
    const cards = strings(customers, 'LoyaltyCard');
    const bleIds = strings(customers, 'BLEId');
    const adIds = strings(customers, 'AdId');
    for (const [values, pattern] of [
      [cards, /^LC\d{10}$/],
      [bleIds, /^BLE-[0-9a-f]{12}$/],
      [adIds, /^AD-[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/],
    ] as const) {
      expect(new Set(values).size).toBe(values.length);
      expect(values.filter((value) => !pattern.test(value ?? ''))).toEqual([]);
    }
    expect(strings(customers, 'Phone').filter((phone) => !/^\(555\) [2-9]\d{2}-\d{4}$/.test(phone ?? ''))).toEqual([]);
  });

  it('draws names from the lists and addresses as street lines', async () => {
    const customers = batchOf(await generateMaster({ seed: 3, volumes: { customers: 5_000 } }), 'dim_customers');
    for (const name of strings(customers, 'FirstName')) expect(firstNames).toContain(name);
    for (const name of strings(customers, 'LastName')) expect(lastNames).toContain(name);
    const addresses = strings(customers, 'Address');
    for (const address of addresses) expect(address).toMatch(/^\d{1,4} [A-Za-z ]+ [A-Z][a-z]+(, Apt \d{1,2}[A-D]?)?$/);
    expect(new Set(addresses).size).toBe(addresses.length);
  });

  it('lets customers share addresses (households) only beyond the address pool', async () => {
    const customers = batchOf(await generateMaster({ seed: 3, volumes: { customers: addressPoolSize + 10_000 } }), 'dim_customers');
    const distinct = new Set(strings(customers, 'Address')).size;
    expect(distinct).toBeLessThanOrEqual(addressPoolSize);
    expect(distinct).toBeGreaterThan(addressPoolSize * 0.6);
  });

  it.each([
    { seed: 1, volumes: { customers: 20_000 } },
    { seed: 2, volumes: { geographies: 400, stores: 35, distributionCenters: 5, customers: 20_000 } },
    { seed: 3, volumes: { geographies: 3_000, stores: 900, distributionCenters: 20, customers: 20_000 } },
  ])('gives each customer a home store in the nearest geography that has a store (seed $seed)', async (input) => {
    const tables = await generateMaster(input);
    const geographies = batchOf(tables, 'dim_geographies');
    const stores = batchOf(tables, 'dim_stores');
    const customers = batchOf(tables, 'dim_customers');
    const latitude = float64(geographies, 'Latitude');
    const longitude = float64(geographies, 'Longitude');
    const storeGeography = int32(stores, 'GeographyID');
    const storeGeographies = [...new Set(storeGeography)];
    const nearestDistance = new Map<number, number>();
    const distanceToStore = (geographyId: number) => {
      let best = nearestDistance.get(geographyId);
      if (best === undefined) {
        best = Infinity;
        for (const other of storeGeographies) {
          best = Math.min(best, geographicDistance(latitude[geographyId - 1]!, longitude[geographyId - 1]!, latitude[other - 1]!, longitude[other - 1]!));
        }
        nearestDistance.set(geographyId, best);
      }
      return best;
    };
    const homeStore = int32(customers, 'HomeStoreID');
    let inOwnGeography = 0;
    int32(customers, 'GeographyID').forEach((geographyId, row) => {
      const homeGeography = storeGeography[homeStore[row]! - 1]!;
      if (homeGeography === geographyId) inOwnGeography++;
      const distance = geographicDistance(latitude[geographyId - 1]!, longitude[geographyId - 1]!, latitude[homeGeography - 1]!, longitude[homeGeography - 1]!);
      expect(distance).toBeLessThanOrEqual(distanceToStore(geographyId) + 1e-9);
    });
    expect(inOwnGeography).toBeGreaterThan(0);
  });
});
