import { describe, expect, it } from 'vitest';
import { isOpenAroundTheClock } from './store-profiles.js';
import { batchOf, float64, generateMaster, int32, strings } from './test-support/generate-master.js';

describe('dim_stores', () => {
  it('numbers stores S000001.. and DCs DC001..', async () => {
    const tables = await generateMaster({ seed: 1, volumes: { stores: 120, distributionCenters: 12, geographies: 60 } });
    strings(batchOf(tables, 'dim_stores'), 'StoreNumber').forEach((number, row) => expect(number).toBe(`S${String(row + 1).padStart(6, '0')}`));
    strings(batchOf(tables, 'dim_distribution_centers'), 'DCNumber').forEach((number, row) => expect(number).toBe(`DC${String(row + 1).padStart(3, '0')}`));
  });

  it.each([1, 2, 3, 4, 5, 6, 7, 8])('has flagships, kiosks and a store open around the clock with the default volumes (seed %i)', async (seed) => {
    const stores = batchOf(await generateMaster({ seed }), 'dim_stores');
    const classes = strings(stores, 'VolumeClass');
    expect(classes).toContain('FLAGSHIP');
    expect(classes).toContain('KIOSK');
    expect(classes.filter((volumeClass) => volumeClass === 'FLAGSHIP').length).toBeLessThan(classes.filter((volumeClass) => volumeClass === 'MEDIUM').length);
    const open = int32(stores, 'OpenHour');
    const close = int32(stores, 'CloseHour');
    expect(Array.from(open).some((hour, row) => isOpenAroundTheClock(hour, close[row]!))).toBe(true);
  });

  it('ties traffic, format and hours to the volume class', async () => {
    const stores = batchOf(await generateMaster({ seed: 9, volumes: { stores: 2_000, geographies: 300 } }), 'dim_stores');
    const classes = strings(stores, 'VolumeClass');
    const formats = strings(stores, 'StoreFormat');
    const traffic = float64(stores, 'DailyTrafficMultiplier');
    const open = int32(stores, 'OpenHour');
    const close = int32(stores, 'CloseHour');
    const trafficRange: Record<string, [number, number]> = { FLAGSHIP: [2.5, 3], HIGH: [1.3, 1.75], MEDIUM: [0.85, 1.15], LOW: [0.6, 0.8], KIOSK: [0.25, 0.35] };
    classes.forEach((volumeClass, row) => {
      const [minimum, maximum] = trafficRange[volumeClass!]!;
      expect(traffic[row]).toBeGreaterThanOrEqual(minimum);
      expect(traffic[row]).toBeLessThanOrEqual(maximum);
      if (volumeClass === 'FLAGSHIP') expect(['HYPERMARKET', 'SUPERSTORE']).toContain(formats[row]);
      if (volumeClass === 'KIOSK') expect(['EXPRESS', 'NEIGHBORHOOD']).toContain(formats[row]);
      expect(open[row]).toBeGreaterThanOrEqual(0);
      expect(open[row]).toBeLessThan(close[row]!);
      expect(close[row]).toBeLessThanOrEqual(24);
      if (formats[row] === 'STANDARD' || formats[row] === 'NEIGHBORHOOD') expect(isOpenAroundTheClock(open[row]!, close[row]!)).toBe(false);
    });
    const kioskShare = classes.filter((volumeClass) => volumeClass === 'KIOSK').length / classes.length;
    expect(kioskShare).toBeGreaterThan(0.03);
    expect(kioskShare).toBeLessThan(0.1);
  });

  it('charges the state sales tax plus a local add-on, and none in states without one', async () => {
    const tables = await generateMaster({ seed: 4, volumes: { stores: 3_000, geographies: 220 } });
    const stores = batchOf(tables, 'dim_stores');
    const states = strings(batchOf(tables, 'dim_geographies'), 'State');
    const taxRate = float64(stores, 'TaxRate');
    int32(stores, 'GeographyID').forEach((geographyId, row) => {
      const state = states[geographyId - 1]!;
      if (['OR', 'DE', 'MT', 'NH'].includes(state)) expect(taxRate[row]).toBe(0);
      else expect(taxRate[row]).toSatisfy((rate: number) => rate >= 0.029 && rate <= 0.11);
      if (state === 'CA') expect(taxRate[row]).toBeGreaterThanOrEqual(0.0725);
    });
    // Stores of one geography share its rate.
    const rateOfGeography = new Map<number, number>();
    int32(stores, 'GeographyID').forEach((geographyId, row) => {
      expect(rateOfGeography.get(geographyId) ?? taxRate[row]).toBe(taxRate[row]);
      rateOfGeography.set(geographyId, taxRate[row]!);
    });
  });

  it('opened every store before the history starts, and gives every region a store when there are enough', async () => {
    const tables = await generateMaster({ seed: 2, start: '2024-11-15', volumes: { stores: 40, distributionCenters: 8, geographies: 100 } });
    const stores = batchOf(tables, 'dim_stores');
    const start = Date.UTC(2024, 10, 15) / 86_400_000;
    for (const opened of int32(stores, 'OpenedDate')) expect(opened).toBeLessThan(start);
    const regions = strings(batchOf(tables, 'dim_geographies'), 'Region');
    const regionsWithStores = new Set(Array.from(int32(stores, 'GeographyID'), (geographyId) => regions[geographyId - 1]));
    expect(regionsWithStores.size).toBe(8);
  });
});
