import { describe, expect, it } from 'vitest';
import { batchOf, generateMaster, int32, strings, uint8 } from './test-support/generate-master.js';

describe('dim_trucks', () => {
  it('gives each DC its trucks, then pool trucks with a NULL dc_id', async () => {
    const trucks = batchOf(await generateMaster({ seed: 1, volumes: { distributionCenters: 3, trucksPerDc: 6, poolTrucks: 4 } }), 'dim_trucks');
    expect(Array.from(int32(trucks, 'DCID').subarray(0, 18))).toEqual([1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 3, 3, 3, 3, 3, 3]);
    expect(Array.from(trucks.validity['DCID']!)).toEqual([...new Array(18).fill(1), 0, 0, 0, 0]);
  });

  it('has unique, realistic plates, a refrigerated share with less capacity, and a refrigerated truck at every DC', async () => {
    const trucks = batchOf(await generateMaster({ seed: 2, volumes: { distributionCenters: 50, trucksPerDc: 40, poolTrucks: 500 } }), 'dim_trucks');
    const plates = strings(trucks, 'LicensePlate');
    for (const plate of plates) expect(plate).toMatch(/^[1-9][A-HJ-NPR-Z]{3}\d{3}$/);
    expect(new Set(plates).size).toBe(plates.length);
    const refrigeration = uint8(trucks, 'Refrigeration');
    const capacity = int32(trucks, 'CapacityUnits');
    const share = refrigeration.reduce((total, value) => total + value, 0) / trucks.length;
    expect(share).toBeGreaterThan(0.25);
    expect(share).toBeLessThan(0.35);
    refrigeration.forEach((refrigerated, row) => {
      if (refrigerated) expect(capacity[row]).toSatisfy((units: number) => units >= 1_200 && units <= 2_400);
      else expect(capacity[row]).toSatisfy((units: number) => units >= 2_000 && units <= 3_000);
    });
    const dcId = int32(trucks, 'DCID');
    for (let dc = 1; dc <= 50; dc++) expect(refrigeration.some((value, row) => value === 1 && dcId[row] === dc && trucks.validity['DCID']![row] === 1)).toBe(true);
  });
});
