import { createColumnBatch, type ColumnBatch, type Random } from '@retail-datagen/generator-core';
import { dimGeographies } from '@retail-datagen/models';
import { encodeDictionary } from './dictionary-encoding.js';
import { cosineOfLatitude } from './geometry/geographic-distance.js';
import { nameRegions } from './geometry/region-names.js';
import { partitionPoints } from './geometry/spatial-partition.js';
import { padNumber } from './identifiers/number-formats.js';
import { roundTo } from './rounding.js';
import type { UsCity } from './word-lists/us-cities.js';

/** Geographies as generated, with what later tables need from them. */
export interface GeneratedGeographies {
  readonly batch: ColumnBatch;
  readonly count: number;
  readonly latitude: Float64Array;
  readonly longitude: Float64Array;
  /** Relative population (thousands), to spread stores and customers. */
  readonly population: Float64Array;
  /** USPS state code per geography. */
  readonly state: readonly string[];
  /** Region index (0-based) per geography. */
  readonly regionOf: Int32Array;
  readonly regionNames: readonly string[];
  /** Geography indices (0-based) of each region. */
  readonly geographiesOfRegion: readonly (readonly number[])[];
}

/** Neighbourhood suffixes for cities reused once the city list runs out, with their offset in degrees. */
const neighbourhoods: readonly (readonly [suffix: string, north: number, east: number])[] = [
  ['North', 0.1, 0],
  ['South', -0.1, 0],
  ['East', 0, 0.12],
  ['West', 0, -0.12],
  ['Northeast', 0.07, 0.09],
  ['Northwest', 0.07, -0.09],
  ['Southeast', -0.07, 0.09],
  ['Southwest', -0.07, -0.09],
  ['Heights', 0.05, -0.04],
  ['Park', -0.04, 0.06],
  ['Village', 0.09, 0.05],
  ['Springs', -0.09, -0.06],
];

/** About this many geographies share a district. */
const geographiesPerDistrict = 5;

/**
 * Builds `volumes.geographies` geographies from real cities, largest first;
 * beyond the city list, cities are reused as neighbourhoods ("Houston North")
 * and then numbered areas ("Houston Area 3"). Geographies are split into one
 * compact region per DC and each region into districts of about five cities.
 *
 * @example
 * ```ts
 * const geographies = generateGeographies(60, 3, usCities, context.random('geographies'));
 * geographies.regionNames; // ['West', 'Central', 'East']
 * ```
 */
export function generateGeographies(count: number, regionCount: number, cities: readonly UsCity[], random: Random): GeneratedGeographies {
  if (regionCount > count) throw new RangeError(`cannot make ${regionCount} regions from ${count} geographies`);
  const cityCount = cities.length;
  // One zip offset per city, so variants of a city get distinct zip codes.
  const zipOffsets = Int32Array.from({ length: cityCount }, () => random.int(0, 98));

  const latitude = new Float64Array(count);
  const longitude = new Float64Array(count);
  const population = new Float64Array(count);
  const cityNames: string[] = new Array(count);
  const state: string[] = new Array(count);
  const zipCodes: string[] = new Array(count);
  for (let index = 0; index < count; index++) {
    const round = Math.floor(index / cityCount);
    const cityIndex = index % cityCount;
    const city = cities[cityIndex] as UsCity;
    let north = 0;
    let east = 0;
    let name = city.city;
    let weight = city.population;
    if (round > 0 && round <= neighbourhoods.length) {
      const [suffix, offsetNorth, offsetEast] = neighbourhoods[round - 1] as readonly [string, number, number];
      name = `${city.city} ${suffix}`;
      north = offsetNorth + random.float(-0.02, 0.02);
      east = offsetEast + random.float(-0.02, 0.02);
      weight = city.population * 0.3;
    } else if (round > neighbourhoods.length) {
      name = `${city.city} Area ${round - neighbourhoods.length}`;
      north = random.float(-0.35, 0.35);
      east = random.float(-0.4, 0.4);
      weight = city.population * 0.12;
    }
    latitude[index] = roundTo(city.latitude + north, 4);
    longitude[index] = roundTo(city.longitude + east, 4);
    population[index] = weight;
    cityNames[index] = name;
    state[index] = city.state;
    zipCodes[index] = city.zipPrefix + padNumber((((zipOffsets[cityIndex] as number) + round * 37) % 99) + 1, 2);
  }

  // A flat map is enough to group cities; scale longitude to roughly equal kilometers.
  const eastScale = cosineOfLatitude(38);
  const xs = Float64Array.from(longitude, (value) => value * eastScale);
  const all = Array.from({ length: count }, (_, index) => index);
  const regions = sortWestToEast(partitionPoints(all, xs, latitude, regionCount), longitude);
  const regionNames = nameRegions(regions.map((members) => ({ latitude: mean(members, latitude), longitude: mean(members, longitude) })));

  const regionOf = new Int32Array(count);
  const districtOf = new Int32Array(count);
  const districtNames: string[] = [];
  regions.forEach((members, region) => {
    const districtCount = Math.min(members.length, Math.max(1, Math.round(members.length / geographiesPerDistrict)));
    const districts = sortWestToEast(partitionPoints(members, xs, latitude, districtCount), longitude);
    districts.forEach((districtMembers, district) => {
      const code = districtNames.length;
      districtNames.push(`${regionNames[region] as string} District ${district + 1}`);
      for (const index of districtMembers) {
        regionOf[index] = region;
        districtOf[index] = code;
      }
    });
  });

  const batch = createColumnBatch(dimGeographies, count, {
    ID: Int32Array.from({ length: count }, (_, index) => index + 1),
    City: cityNames,
    State: encodeDictionary(state),
    ZipCode: zipCodes,
    District: { kind: 'dictionary', dictionary: districtNames, codes: districtOf },
    Region: { kind: 'dictionary', dictionary: [...regionNames], codes: regionOf.slice() },
    Latitude: latitude.slice(),
    Longitude: longitude.slice(),
  });
  return { batch, count, latitude, longitude, population, state, regionOf, regionNames, geographiesOfRegion: regions };
}

function mean(indices: readonly number[], values: Float64Array): number {
  let total = 0;
  for (const index of indices) total += values[index] as number;
  return total / indices.length;
}

function sortWestToEast(groups: number[][], longitude: Float64Array): number[][] {
  return groups
    .map((members) => ({ members, center: mean(members, longitude) }))
    .sort((left, right) => left.center - right.center || (left.members[0] as number) - (right.members[0] as number))
    .map((group) => group.members);
}

