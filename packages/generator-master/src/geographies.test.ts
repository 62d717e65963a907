import { describe, expect, it } from 'vitest';
import { batchOf, float64, generateMaster, int32, strings } from './test-support/generate-master.js';
import { usCities } from './word-lists/us-cities.js';

describe('dim_geographies', () => {
  it('starts with the largest real cities, with 5-digit zip codes inside the contiguous US', async () => {
    const geographies = batchOf(await generateMaster({ seed: 1 }), 'dim_geographies');
    expect(strings(geographies, 'City').slice(0, 3)).toEqual(['New York', 'Los Angeles', 'Chicago']);
    expect(strings(geographies, 'State').slice(0, 3)).toEqual(['NY', 'CA', 'IL']);
    for (const zip of strings(geographies, 'ZipCode')) expect(zip).toMatch(/^\d{5}$/);
    for (const latitude of float64(geographies, 'Latitude')) expect(latitude).toSatisfy((value: number) => value > 24 && value < 50);
    for (const longitude of float64(geographies, 'Longitude')) expect(longitude).toSatisfy((value: number) => value > -125 && value < -66);
  });

  it('reuses cities as neighbourhoods and numbered areas beyond the city list', async () => {
    const count = usCities.length * 15;
    const geographies = batchOf(await generateMaster({ seed: 1, volumes: { geographies: count, customers: 100 } }), 'dim_geographies');
    const cities = strings(geographies, 'City');
    const states = strings(geographies, 'State');
    expect(new Set(cities.map((city, row) => `${city}, ${states[row]}`)).size).toBe(count);
    expect(cities[usCities.length]).toBe('New York North');
    expect(cities).toContain('Houston Southwest');
    expect(cities[count - 1]).toMatch(/ Area \d+$/);
  });

  it('names a few regions broadly and numbers them only beyond the name list', async () => {
    const three = batchOf(await generateMaster({ seed: 1 }), 'dim_distribution_centers');
    expect(strings(three, 'Region')).toEqual(['West', 'Central', 'East']);
    const many = batchOf(await generateMaster({ seed: 1, volumes: { geographies: 200, distributionCenters: 24, stores: 30, customers: 100 } }), 'dim_distribution_centers');
    const names = strings(many, 'Region');
    expect(new Set(names).size).toBe(24);
    expect(names).toContain('Pacific Northwest');
    expect(names.filter((name) => /^Region \d+$/.test(name ?? ''))).toHaveLength(4);
  });

  it('keeps regions geographically compact: the West region holds Los Angeles, the East region New York', async () => {
    const geographies = batchOf(await generateMaster({ seed: 1 }), 'dim_geographies');
    const cities = strings(geographies, 'City');
    const regions = strings(geographies, 'Region');
    expect(regions[cities.indexOf('Los Angeles')]).toBe('West');
    expect(regions[cities.indexOf('New York')]).toBe('East');
  });

  it('nests districts inside regions', async () => {
    const geographies = batchOf(await generateMaster({ seed: 1, volumes: { geographies: 300, distributionCenters: 6, customers: 100 } }), 'dim_geographies');
    const regions = strings(geographies, 'Region');
    const districts = strings(geographies, 'District');
    const regionOfDistrict = new Map<string | null, string | null>();
    districts.forEach((district, row) => {
      expect(district).toMatch(new RegExp(`^${regions[row]} District \\d+$`));
      expect(regionOfDistrict.get(district) ?? regions[row]).toBe(regions[row]);
      regionOfDistrict.set(district, regions[row] ?? null);
    });
    expect(regionOfDistrict.size).toBeGreaterThan(6);
    expect(int32(geographies, 'ID')).toHaveLength(300);
  });
});
