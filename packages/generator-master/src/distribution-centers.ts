import { createColumnBatch, type ColumnBatch, type Random } from '@retail-datagen/generator-core';
import { dimDistributionCenters } from '@retail-datagen/models';
import type { GeneratedGeographies } from './geographies.js';
import { geographicDistance } from './geometry/geographic-distance.js';
import { padNumber } from './identifiers/number-formats.js';
import { streetAddress } from './street-address.js';
import { industrialStreetNames, industrialStreetTypes } from './word-lists/street-names.js';

/** Distribution centers as generated: DC `index + 1` serves region `index`. */
export interface GeneratedDistributionCenters {
  readonly batch: ColumnBatch;
  readonly count: number;
  /** Geography index (0-based) per DC. */
  readonly geographyOf: Int32Array;
}

/**
 * One DC per region, in region order, placed in the region's city nearest to
 * its population-weighted center (where a real chain would put it), on an
 * industrial street.
 *
 * @example
 * ```ts
 * const dcs = generateDistributionCenters(geographies, context.random('distribution-centers'));
 * dcs.count === geographies.regionNames.length; // true
 * ```
 */
export function generateDistributionCenters(geographies: GeneratedGeographies, random: Random): GeneratedDistributionCenters {
  const count = geographies.regionNames.length;
  const geographyOf = new Int32Array(count);
  const addresses: string[] = new Array(count);
  const dcNumbers: string[] = new Array(count);
  for (let region = 0; region < count; region++) {
    const members = geographies.geographiesOfRegion[region] as readonly number[];
    let weight = 0;
    let latitude = 0;
    let longitude = 0;
    for (const geography of members) {
      const population = geographies.population[geography] as number;
      weight += population;
      latitude += population * (geographies.latitude[geography] as number);
      longitude += population * (geographies.longitude[geography] as number);
    }
    latitude /= weight;
    longitude /= weight;
    let best = members[0] as number;
    let bestDistance = Infinity;
    for (const geography of members) {
      const distance = geographicDistance(latitude, longitude, geographies.latitude[geography] as number, geographies.longitude[geography] as number);
      if (distance < bestDistance) {
        bestDistance = distance;
        best = geography;
      }
    }
    geographyOf[region] = best;
    addresses[region] = streetAddress(random, industrialStreetNames, industrialStreetTypes, 1_000, 9_999);
    dcNumbers[region] = `DC${padNumber(region + 1, 3)}`;
  }
  const batch = createColumnBatch(dimDistributionCenters, count, {
    ID: Int32Array.from({ length: count }, (_, index) => index + 1),
    DCNumber: dcNumbers,
    Address: addresses,
    GeographyID: Int32Array.from(geographyOf, (geography) => geography + 1),
    Region: { kind: 'dictionary', dictionary: [...geographies.regionNames], codes: Int32Array.from({ length: count }, (_, index) => index) },
  });
  return { batch, count, geographyOf };
}
