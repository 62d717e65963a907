import { DemandMultiplier, createColumnBatch, dayNumberOf, int32Column, requireDim, stringValues, timestampOf, type FactRun } from '@retail-datagen/generator-core';
import { RetailDatagenError } from '@retail-datagen/models';
import { beforeAll, describe, expect, test } from 'vitest';
import { createLogisticsPlan, type LogisticsPlan } from './logistics-plan.js';
import { receivingSlot, shipmentTimeline } from './truck-lifecycle.js';
import { createRun } from './test-support/logistics-run.js';

let run: FactRun;
let plan: LogisticsPlan;

beforeAll(async () => {
  run = await createRun({
    seed: 4,
    start: '2024-12-20',
    end: '2024-12-31',
    volumes: { geographies: 20, stores: 10, distributionCenters: 3, trucksPerDc: 2, poolTrucks: 3, customers: 500, products: 30 },
    logistics: { unloadingHours: 2 },
  });
  plan = createLogisticsPlan(run);
});

describe('the logistics plan', () => {
  test('serves each store from a DC of its region and splits the fleet into own and pool trucks', () => {
    const stores = requireDim(run.dims, 'dim_stores');
    const geographies = requireDim(run.dims, 'dim_geographies');
    const centers = requireDim(run.dims, 'dim_distribution_centers');
    const regionOfGeography = new Map(Array.from(int32Column(geographies, 'ID'), (id, row) => [id, stringValues(geographies, 'Region')[row]]));
    const dcRegions = stringValues(centers, 'Region');
    for (let store = 0; store < plan.storeCount; store++) {
      expect(dcRegions[plan.dcOfStore[store] as number]).toBe(regionOfGeography.get(int32Column(stores, 'GeographyID')[store] as number));
      expect(plan.storesOfDc[plan.dcOfStore[store] as number]).toContain(store);
    }
    expect(plan.ownTrucks.map((trucks) => trucks.length)).toEqual([2, 2, 2]);
    expect(plan.poolTrucks.length).toBe(3);
    for (const truck of plan.poolTrucks) expect(plan.truckDc[truck]).toBe(-1);
    expect(Array.from(plan.truckCapacities).every((capacity) => capacity % run.config.logistics.unitsPerCapacityUnit === 0)).toBe(true);
  });

  test('stores receive from their open hour (at least 01:00) to the last hour a full truck is unloaded by closing', () => {
    const stores = requireDim(run.dims, 'dim_stores');
    const open = int32Column(stores, 'OpenHour');
    const close = int32Column(stores, 'CloseHour');
    for (let store = 0; store < plan.storeCount; store++) {
      expect(plan.firstReceivingHours[store]).toBe(Math.max(1, open[store] as number));
      expect(plan.lastReceivingHours[store]).toBe(Math.min(23, Math.max(plan.firstReceivingHours[store] as number, (close[store] as number) - 2)));
    }
  });

  test('a store in a region no DC serves is a generation failure naming the store and region', () => {
    const centers = requireDim(run.dims, 'dim_distribution_centers');
    const renamed = stringValues(centers, 'Region').map((region, row) => (row === 0 ? 'Atlantis' : region));
    const dims = new Map(run.dims);
    dims.set('dim_distribution_centers', createColumnBatch(centers.table, centers.length, { ...centers.columns, Region: renamed }, { ...centers.validity }));
    const broken = () => createLogisticsPlan({ ...run, dims });
    expect(broken).toThrow(RetailDatagenError);
    expect(broken).toThrow(/logistics: store \d+ is in region ".+", which no distribution center serves/);
  });
});

describe('receiving slots and the shipment timeline', () => {
  const store = 0;
  const closedDay = dayNumberOf('2024-12-25');
  const demand = new DemandMultiplier();
  demand.contributeClosure('test', (storeIndex, dayNumber) => storeIndex === store && dayNumber === closedDay);

  test('the first whole hour the store receives: same day inside its hours, its first hour before them, the next open day after them', () => {
    const first = plan.firstReceivingHours[store] as number;
    const last = plan.lastReceivingHours[store] as number;
    const day = dayNumberOf('2024-12-23');
    expect(receivingSlot(plan, demand, store, timestampOf(day, first, 20))).toBe(timestampOf(day, first + 1));
    expect(receivingSlot(plan, demand, store, timestampOf(day, 0, 5))).toBe(timestampOf(day, first));
    expect(receivingSlot(plan, demand, store, timestampOf(day, last, 1))).toBe(timestampOf(day + 1, first));
    // Christmas is closed: the 24th after hours goes to the 26th.
    expect(receivingSlot(plan, demand, store, timestampOf(closedDay - 1, last, 30))).toBe(timestampOf(closedDay + 1, first));
  });

  test('times rise strictly, the drive is the planned travel time, the truck is free after driving back', () => {
    const scheduled = timestampOf(dayNumberOf('2024-12-23'), 2);
    const capacity = plan.truckCapacities[0] as number;
    const timeline = shipmentTimeline(plan, demand, store, scheduled, capacity, capacity);
    const [scheduledAt, loading, departure, arrived, unloading, completed] = timeline.times as [number, number, number, number, number, number];
    expect(scheduledAt).toBe(scheduled);
    expect(loading).toBe(scheduled + 10 * 60_000);
    const travel = (plan.travelMinutesToStore[store] as number) * 60_000;
    expect(arrived - departure).toBe(travel);
    expect(departure - loading).toBeGreaterThanOrEqual(run.config.logistics.loadingHours * 3_600_000);
    expect(unloading - arrived).toBe(15 * 60_000);
    expect(unloading % 3_600_000).toBe(0);
    expect(completed - unloading).toBe(run.config.logistics.unloadingHours * 3_600_000);
    expect(timeline.truckFreeAt).toBe(completed + travel);
    expect(timeline.unloadingDay * 86_400_000 + timeline.unloadingHour * 3_600_000).toBe(unloading);
    expect(timeline.idleMinutes).toBe((departure - loading) / 60_000 - run.config.logistics.loadingHours * 60);
    // A quarter load is handled faster.
    const quarter = shipmentTimeline(plan, demand, store, scheduled, capacity / 4, capacity);
    expect((quarter.times[5] as number) - (quarter.times[4] as number)).toBe((run.config.logistics.unloadingHours / 4) * 3_600_000);
  });
});
