import { checkGeneratorContract, dayNumberOf, int32Column, isWeekend, millisecondsPerDay, requireDim, stringValues, type ColumnBatch } from '@retail-datagen/generator-core';
import { isOpenDuring } from '@retail-datagen/generator-receipts';
import {
  ConfigValidationError,
  InvalidArgumentError,
  factBlePings,
  factCustomerZoneChanges,
  factFootTraffic,
  factReceipts,
  parseConfig,
  type RetailConfigInput,
} from '@retail-datagen/models';
import { beforeAll, describe, expect, test } from 'vitest';
import { conversionRateOf } from './conversion-rate.js';
import { createSensorsGenerator, sensorsTables } from './sensors-generator.js';
import { beaconIdOf, sensorIdOf, zoneLayoutOf, type SensorZone } from './store-zones.js';
import { visitTiming } from './visit-pings.js';
import { rowsOf, type Row } from './test-support/collect-rows.js';
import { runFixture, sensorsRegistryPackages, type Fixture } from './test-support/run-fixture.js';

const hour = 3_600_000;
const second = 1000;
const meanVisitMinutes = 12;
const longestVisit = visitTiming.longestVisitFactor * meanVisitMinutes * 60 * second;

// Two weeks of November with four weekend days each, no closures. Stores
// start with two months of stock: empty shelves (which turn shoppers away
// without a receipt) would blur the conversion the counters are checked for.
const config: RetailConfigInput = {
  seed: 7,
  start: '2024-11-04',
  end: '2024-11-17',
  volumes: { geographies: 12, stores: 8, distributionCenters: 2, customers: 1500, products: 150 },
  traffic: { baseDailyCustomers: 150, anonymousShare: 0.3 },
  inventory: { initialDaysOfSupply: 60 },
  sensors: { conversionRate: 0.5, weekendConversionFactor: 0.8, peakConversionLift: 0.4, identifiedBleShare: 0.7, pingsPerVisit: 5 },
};

/**
 * Collects failed checks so loops over many rows make one assertion at the
 * end; keeps the first few.
 */
class Problems {
  readonly found: string[] = [];
  check(condition: boolean, describe: () => string): void {
    if (!condition && this.found.length < 10) this.found.push(describe());
  }
}

const dayOf = (timestamp: number) => Math.floor(timestamp / millisecondsPerDay);
const hourKey = (storeId: number, timestamp: number) => `${storeId}|${Math.floor(timestamp / hour)}`;

function countBy<T>(items: readonly T[], key: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
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

/** The zone changes the pings imply: consecutive pings of one BLE id in one store on one day, in different zones. */
function zoneChangesOf(pings: readonly Row[]): string[] {
  const changes: string[] = [];
  for (const sequence of groupBy(pings, (ping) => `${ping.StoreID}|${ping.CustomerBLEId}|${dayOf(ping.EventTS as number)}`).values()) {
    sequence.sort((left, right) => (left.EventTS as number) - (right.EventTS as number));
    for (let index = 1; index < sequence.length; index++) {
      const previous = sequence[index - 1]!;
      const ping = sequence[index]!;
      if (previous.Zone !== ping.Zone) changes.push(JSON.stringify([ping.EventTS, ping.StoreID, ping.CustomerBLEId, ping.CustomerID, previous.Zone, ping.Zone]));
    }
  }
  return changes.sort();
}

const sensorRows = (batches: readonly ColumnBatch[]) => sensorsTables.map((table) => rowsOf(batches, table).map((row) => JSON.stringify(row)));

describe('sensors over two November weeks (8 stores, real seasonal, inventory and receipts)', () => {
  let fixture: Fixture;
  let receipts: Row[];
  let traffic: Row[];
  let pings: Row[];
  let changes: Row[];
  let storeIds: Int32Array;

  beforeAll(async () => {
    fixture = await runFixture(config, { sensors: { meanVisitMinutes } });
    receipts = rowsOf(fixture.batches, factReceipts);
    traffic = rowsOf(fixture.batches, factFootTraffic);
    pings = rowsOf(fixture.batches, factBlePings);
    changes = rowsOf(fixture.batches, factCustomerZoneChanges);
    storeIds = int32Column(requireDim(fixture.run.dims, 'dim_stores'), 'ID');
  });

  const storeIndexOf = (storeId: number) => storeIds.indexOf(storeId);

  test('writes every table, at moderate volume', () => {
    expect(receipts.length).toBeGreaterThan(10_000);
    expect(traffic.length).toBeGreaterThan(1000);
    // About pingsPerVisit pings per receipt, fewer where a visit is cut short.
    expect(pings.length / receipts.length).toBeGreaterThan(4);
    expect(pings.length / receipts.length).toBeLessThan(5.2);
    expect(changes.length).toBeGreaterThan(receipts.length);
  });

  test('one row per zone sensor of the store format in every open store-hour, none when closed', () => {
    const stores = requireDim(fixture.run.dims, 'dim_stores');
    const openHour = int32Column(stores, 'OpenHour');
    const closeHour = int32Column(stores, 'CloseHour');
    const formats = stringValues(stores, 'StoreFormat');
    const byStoreHour = groupBy(traffic, (row) => hourKey(row.StoreID as number, row.EventTS as number));
    const problems = new Problems();
    let openStoreHours = 0;
    for (let store = 0; store < storeIds.length; store++) {
      const layout = zoneLayoutOf(formats[store] ?? null);
      for (let day = fixture.run.firstDay; day <= fixture.run.lastDay; day++) {
        for (let hourOfDay = 0; hourOfDay < 24; hourOfDay++) {
          const rows = byStoreHour.get(hourKey(storeIds[store]!, day * millisecondsPerDay + hourOfDay * hour)) ?? [];
          const open = !fixture.engine.demand.isClosed(store, day) && isOpenDuring(openHour[store]!, closeHour[store]!, hourOfDay);
          if (open) openStoreHours++;
          const expected = open ? layout.map((zone) => [sensorIdOf(storeIds[store]!, zone), zone]) : [];
          const actual = rows.map((row) => [row.SensorId, row.Zone]);
          problems.check(JSON.stringify(actual) === JSON.stringify(expected), () => `store ${storeIds[store]} day ${day} hour ${hourOfDay}: sensors ${JSON.stringify(actual)}`);
          for (const row of rows) problems.check(row.EventTS === day * millisecondsPerDay + hourOfDay * hour, () => `${row.SensorId}: not at the start of the hour`);
        }
      }
    }
    expect(problems.found).toEqual([]);
    expect(openStoreHours).toBeGreaterThan(1000);
    // Different formats have different layouts.
    expect(new Set(formats).size).toBeGreaterThan(1);
  });

  test('per store-hour: ENTRANCE count >= receipts, CHECKOUT = receipts, each department <= ENTRANCE', () => {
    const receiptsPerHour = countBy(receipts, (receipt) => hourKey(receipt.StoreID as number, receipt.EventTS as number));
    const problems = new Problems();
    let hoursWithBrowsers = 0;
    for (const [key, rows] of groupBy(traffic, (row) => hourKey(row.StoreID as number, row.EventTS as number))) {
      const receiptCount = receiptsPerHour.get(key) ?? 0;
      const entrance = rows.find((row) => row.Zone === 'ENTRANCE')!.Count as number;
      if (entrance > receiptCount) hoursWithBrowsers++;
      for (const row of rows) {
        const count = row.Count as number;
        problems.check(Number.isInteger(count) && count >= 0, () => `${key} ${row.Zone}: count ${count}`);
        problems.check(count === 0 ? row.DwellSeconds === 0 : (row.DwellSeconds as number) > 0, () => `${key} ${row.Zone}: dwell ${row.DwellSeconds} for count ${count}`);
        if (row.Zone === 'ENTRANCE') problems.check(count >= receiptCount, () => `${key}: entrance ${count} < ${receiptCount} receipts`);
        else if (row.Zone === 'CHECKOUT') problems.check(count === receiptCount, () => `${key}: checkout ${count} != ${receiptCount} receipts`);
        else problems.check(count <= entrance, () => `${key} ${row.Zone}: ${count} > entrance ${entrance}`);
      }
    }
    // Every receipt falls in a store-hour the counters cover.
    const covered = new Set(traffic.map((row) => hourKey(row.StoreID as number, row.EventTS as number)));
    for (const key of receiptsPerHour.keys()) problems.check(covered.has(key), () => `${key}: receipts but no foot traffic`);
    expect(problems.found).toEqual([]);
    expect(hoursWithBrowsers).toBeGreaterThan(1000);
  });

  describe('conversion (receipts / ENTRANCE count)', () => {
    interface StoreHour {
      receipts: number;
      entrance: number;
      /** The model's conversion rate for the store-hour. */
      rate: number;
      busyness: number;
      weekend: boolean;
    }
    let storeHours: StoreHour[];

    beforeAll(() => {
      const receiptsPerHour = countBy(receipts, (receipt) => hourKey(receipt.StoreID as number, receipt.EventTS as number));
      const peakOf = new Map<string, number>();
      const demandOf = (row: Row) => {
        const timestamp = row.EventTS as number;
        return fixture.engine.demand.multiplier({ storeIndex: storeIndexOf(row.StoreID as number), dayNumber: dayOf(timestamp), hour: (timestamp % millisecondsPerDay) / hour });
      };
      const entrances = traffic.filter((row) => row.Zone === 'ENTRANCE');
      for (const row of entrances) {
        const key = `${row.StoreID}|${dayOf(row.EventTS as number)}`;
        peakOf.set(key, Math.max(peakOf.get(key) ?? 0, demandOf(row)));
      }
      const settings = fixture.run.config.sensors;
      storeHours = entrances.map((row) => {
        const day = dayOf(row.EventTS as number);
        const busyness = demandOf(row) / peakOf.get(`${row.StoreID}|${day}`)!;
        return {
          receipts: receiptsPerHour.get(hourKey(row.StoreID as number, row.EventTS as number)) ?? 0,
          entrance: row.Count as number,
          rate: conversionRateOf(settings, day, busyness),
          busyness,
          weekend: isWeekend(day),
        };
      });
    });

    /** Observed conversion of a group of store-hours, and what the model expects of it (entrance-weighted rate). */
    const conversion = (group: readonly StoreHour[]) => {
      const entrance = group.reduce((sum, storeHour) => sum + storeHour.entrance, 0);
      return {
        observed: group.reduce((sum, storeHour) => sum + storeHour.receipts, 0) / entrance,
        expected: group.reduce((sum, storeHour) => sum + storeHour.rate * storeHour.entrance, 0) / entrance,
      };
    };

    test('follows the configured base rate', () => {
      const all = conversion(storeHours);
      // Receipts come from a little fewer than the shoppers (empty-handed shoppers and returns without a sale to return).
      expect(all.observed / all.expected).toBeGreaterThan(0.9);
      expect(all.observed / all.expected).toBeLessThan(1.02);
    });

    test('is lower on weekends, by the configured factor', () => {
      const weekend = conversion(storeHours.filter((storeHour) => storeHour.weekend));
      const weekday = conversion(storeHours.filter((storeHour) => !storeHour.weekend));
      expect(weekend.observed).toBeLessThan(weekday.observed);
      const ratio = weekend.observed / weekday.observed;
      // weekendConversionFactor 0.8, up to the groups' different busyness mixes.
      expect(Math.abs(ratio - weekend.expected / weekday.expected)).toBeLessThan(0.04);
      expect(Math.abs(ratio - 0.8)).toBeLessThan(0.06);
    });

    test('is higher at the busiest hours of a store-day than at quiet ones', () => {
      const peak = conversion(storeHours.filter((storeHour) => storeHour.busyness >= 0.8));
      const quiet = conversion(storeHours.filter((storeHour) => storeHour.busyness <= 0.5));
      const ratio = peak.observed / quiet.observed;
      expect(ratio).toBeGreaterThan(1.1);
      expect(Math.abs(ratio - peak.expected / quiet.expected)).toBeLessThan(0.06);
    });
  });

  test('a share of known customers\' visits is identified, as configured; everything else is anonymous', () => {
    const knownReceipts = receipts.filter((receipt) => receipt.CustomerID !== null).length;
    const identifiedVisits = pings.filter((ping) => ping.CustomerID !== null && ping.Zone === 'CHECKOUT').length;
    // identifiedBleShare 0.7; a visit within a minute of the same customer's previous one pings nothing.
    expect(Math.abs(identifiedVisits / knownReceipts - 0.7)).toBeLessThan(0.03);
    const anonymousVisits = new Set(pings.filter((ping) => ping.CustomerID === null).map((ping) => ping.CustomerBLEId)).size;
    expect(anonymousVisits + identifiedVisits).toBeLessThanOrEqual(receipts.length);
    expect(anonymousVisits + identifiedVisits).toBeGreaterThan(receipts.length * 0.99);
  });

  test('identified pings carry the customer\'s BLE id and lie within the visit window of one of their receipts at that store', () => {
    const customers = requireDim(fixture.run.dims, 'dim_customers');
    const customerIds = int32Column(customers, 'ID');
    const bleIds = stringValues(customers, 'BLEId');
    const bleOf = new Map(Array.from(customerIds, (customerId, row) => [customerId, bleIds[row]!]));
    const receiptTimes = new Map<string, number[]>();
    for (const receipt of receipts) {
      if (receipt.CustomerID === null) continue;
      const key = `${receipt.StoreID}|${receipt.CustomerID}`;
      const times = receiptTimes.get(key) ?? [];
      times.push(receipt.EventTS as number);
      receiptTimes.set(key, times);
    }
    const problems = new Problems();
    let identified = 0;
    for (const ping of pings) {
      if (ping.CustomerID === null) continue;
      identified++;
      const timestamp = ping.EventTS as number;
      problems.check(ping.CustomerBLEId === bleOf.get(ping.CustomerID as number), () => `ping of customer ${ping.CustomerID} carries ${ping.CustomerBLEId}`);
      const times = receiptTimes.get(`${ping.StoreID}|${ping.CustomerID}`) ?? [];
      const inWindow = times.some((receiptTime) => timestamp >= receiptTime - longestVisit && timestamp <= receiptTime + visitTiming.afterReceiptSeconds * second);
      problems.check(inWindow, () => `customer ${ping.CustomerID} pings store ${ping.StoreID} at ${new Date(timestamp).toISOString()}, outside every visit`);
      if (ping.Zone === 'CHECKOUT') {
        const nearPurchase = times.some((receiptTime) => timestamp >= receiptTime - visitTiming.checkoutLeadSeconds * second && timestamp <= receiptTime + visitTiming.afterReceiptSeconds * second);
        problems.check(nearPurchase, () => `customer ${ping.CustomerID}: checkout ping at ${new Date(timestamp).toISOString()} far from a purchase`);
      }
    }
    expect(problems.found).toEqual([]);
    expect(identified).toBeGreaterThan(10_000);
  });

  test('an anonymous id is one visit: one store, ENTRANCE first, CHECKOUT last next to a receipt there', () => {
    const receiptTimes = groupBy(receipts, (receipt) => String(receipt.StoreID));
    const sortedTimes = new Map([...receiptTimes].map(([store, rows]) => [store, rows.map((row) => row.EventTS as number).sort((left, right) => left - right)]));
    const problems = new Problems();
    const customerBleIds = new Set(stringValues(requireDim(fixture.run.dims, 'dim_customers'), 'BLEId'));
    for (const [bleId, visit] of groupBy(pings.filter((ping) => ping.CustomerID === null), (ping) => ping.CustomerBLEId as string)) {
      visit.sort((left, right) => (left.EventTS as number) - (right.EventTS as number));
      const first = visit[0]!;
      const last = visit[visit.length - 1]!;
      problems.check(/^ANON-[0-9a-f]{16}$/.test(bleId) && !customerBleIds.has(bleId), () => `${bleId}: not an anonymous id`);
      problems.check(new Set(visit.map((ping) => ping.StoreID)).size === 1, () => `${bleId}: pings in several stores`);
      problems.check(last.Zone === 'CHECKOUT' && (visit.length === 1 || first.Zone === 'ENTRANCE'), () => `${bleId}: zones ${visit.map((ping) => ping.Zone).join(' ')}`);
      problems.check(visit.slice(1, -1).every((ping) => ping.Zone !== 'ENTRANCE' && ping.Zone !== 'CHECKOUT'), () => `${bleId}: entrance or checkout mid-visit`);
      const lastTime = last.EventTS as number;
      problems.check((lastTime - (first.EventTS as number)) <= longestVisit + visitTiming.afterReceiptSeconds * second, () => `${bleId}: visit too long`);
      const times = sortedTimes.get(String(last.StoreID)) ?? [];
      const nearPurchase = times.some((receiptTime) => lastTime >= receiptTime - visitTiming.checkoutLeadSeconds * second && lastTime <= receiptTime + visitTiming.afterReceiptSeconds * second);
      problems.check(nearPurchase, () => `${bleId}: checkout ping far from any receipt`);
    }
    expect(problems.found).toEqual([]);
  });

  test('pings come from the beacon of their zone, in a zone of the store, with a plausible RSSI, while the store is open', () => {
    const stores = requireDim(fixture.run.dims, 'dim_stores');
    const formats = stringValues(stores, 'StoreFormat');
    const openHour = int32Column(stores, 'OpenHour');
    const closeHour = int32Column(stores, 'CloseHour');
    const problems = new Problems();
    for (const ping of pings) {
      const store = storeIndexOf(ping.StoreID as number);
      const zone = ping.Zone as SensorZone;
      problems.check(store >= 0 && zoneLayoutOf(formats[store] ?? null).includes(zone), () => `store ${ping.StoreID} has no zone ${zone}`);
      problems.check(ping.BeaconId === beaconIdOf(ping.StoreID as number, zone), () => `${ping.BeaconId} is not the beacon of ${zone}`);
      const rssi = ping.RSSI as number;
      problems.check(Number.isInteger(rssi) && rssi >= -98 && rssi <= -30, () => `rssi ${rssi}`);
      const timestamp = ping.EventTS as number;
      problems.check(timestamp % second === 0 && dayOf(timestamp) >= fixture.run.firstDay && dayOf(timestamp) <= fixture.run.lastDay, () => `ping at ${timestamp}`);
      const hourOfDay = Math.floor((timestamp % millisecondsPerDay) / hour);
      problems.check(isOpenDuring(openHour[store]!, closeHour[store]!, hourOfDay), () => `store ${ping.StoreID} is closed at ${new Date(timestamp).toISOString()}, when ${ping.CustomerBLEId} pings`);
    }
    expect(problems.found).toEqual([]);
  });

  test('zone changes are exactly those the ping sequences imply', () => {
    const written = changes.map((change) => JSON.stringify([change.EventTS, change.StoreID, change.CustomerBLEId, change.CustomerID, change.FromZone, change.ToZone])).sort();
    expect(written.length).toBeGreaterThan(0);
    expect(written).toEqual(zoneChangesOf(pings));
  });

  test('every store and customer id exists in the dimensions', () => {
    const knownStores = new Set(storeIds);
    const knownCustomers = new Set(int32Column(requireDim(fixture.run.dims, 'dim_customers'), 'ID'));
    const problems = new Problems();
    for (const row of [...traffic, ...pings, ...changes]) {
      problems.check(knownStores.has(row.StoreID as number), () => `store ${row.StoreID} is not in dim_stores`);
      if ('CustomerID' in row && row.CustomerID !== null) problems.check(knownCustomers.has(row.CustomerID as number), () => `customer ${row.CustomerID} is not in dim_customers`);
    }
    expect(problems.found).toEqual([]);
  });
});

describe('determinism', () => {
  const small: RetailConfigInput = {
    seed: 3,
    start: '2024-11-29',
    end: '2024-12-02',
    volumes: { geographies: 12, stores: 9, distributionCenters: 2, customers: 800, products: 120 },
    traffic: { baseDailyCustomers: 60 },
  };

  test('the same seed gives the same rows; partitions 1 and 5 the same rows as multisets; another seed other rows', async () => {
    const first = sensorRows((await runFixture(small, { partitions: 1 })).batches);
    const again = sensorRows((await runFixture(small, { partitions: 1 })).batches);
    const repartitioned = sensorRows((await runFixture(small, { partitions: 5 })).batches);
    const reseeded = sensorRows((await runFixture({ ...small, seed: 4 }, { partitions: 1 })).batches);
    for (const [index, rows] of first.entries()) {
      expect(rows.length, sensorsTables[index]!.name).toBeGreaterThan(0);
      expect(again[index]).toEqual(rows);
      expect([...repartitioned[index]!].sort()).toEqual([...rows].sort());
      expect(reseeded[index]).not.toEqual(rows);
    }
  });

  test('keeps the generator contract among the packages it requires', async () => {
    expect(await checkGeneratorContract({ subject: 'sensors', generators: sensorsRegistryPackages() })).toEqual([]);
  });
});

describe('configuration and options', () => {
  test('the sensors section has documented defaults and refuses values out of range, naming the field', () => {
    expect(parseConfig({}).sensors).toEqual({ conversionRate: 0.45, weekendConversionFactor: 0.85, peakConversionLift: 0.3, identifiedBleShare: 0.6, pingsPerVisit: 4 });
    expect(() => parseConfig({ sensors: { identifiedBleShare: 1.5 } })).toThrow(ConfigValidationError);
    expect(() => parseConfig({ sensors: { identifiedBleShare: 1.5 } })).toThrow(/sensors\.identifiedBleShare/);
    expect(() => parseConfig({ sensors: { conversionRate: 0 } })).toThrow(/sensors\.conversionRate/);
    expect(() => parseConfig({ sensors: { pingsPerVisit: 0.5 } })).toThrow(/sensors\.pingsPerVisit/);
    expect(() => parseConfig({ sensors: { beacons: 3 } })).toThrow(/beacons/);
  });

  test('a bad option is refused with a typed error naming it', () => {
    expect(() => createSensorsGenerator({ meanVisitMinutes: 0 })).toThrow(InvalidArgumentError);
    expect(() => createSensorsGenerator({ meanVisitMinutes: Number.NaN })).toThrow('createSensorsGenerator options.meanVisitMinutes: got NaN; expected a number from 2 to 120');
  });

  test('conversion rate: base on a weekday middling hour, lower on weekends, higher at the peak, within [0.01, 1]', () => {
    const settings = parseConfig({}).sensors;
    const wednesday = dayNumberOf('2024-11-27');
    const saturday = dayNumberOf('2024-11-30');
    expect(conversionRateOf(settings, wednesday, 0.5)).toBeCloseTo(0.45, 12);
    expect(conversionRateOf(settings, wednesday, 1)).toBeCloseTo(0.45 * 1.15, 12);
    expect(conversionRateOf(settings, wednesday, 0)).toBeCloseTo(0.45 * 0.85, 12);
    expect(conversionRateOf(settings, saturday, 0.5)).toBeCloseTo(0.45 * 0.85, 12);
    expect(conversionRateOf({ ...settings, conversionRate: 1 }, wednesday, 1)).toBe(1);
    expect(conversionRateOf({ ...settings, conversionRate: 0.01, weekendConversionFactor: 0.1 }, saturday, 0)).toBe(0.01);
  });
});
