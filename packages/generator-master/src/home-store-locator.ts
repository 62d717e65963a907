import type { Random } from '@retail-datagen/generator-core';
import type { GeneratedGeographies } from './geographies.js';
import { createNearestPointIndex } from './geometry/nearest-point-index.js';
import type { GeneratedStores } from './stores.js';

/**
 * Returns a function that picks a home store (0-based index) for a customer of
 * a geography: a store of that geography, or when it has none, a store of the
 * nearest geography that has one; among several, busier stores (higher
 * traffic multiplier) are more likely. Set-up is O(geographies + stores), one
 * pick is O(log stores), so a million customers cost little.
 *
 * @example
 * ```ts
 * const homeStoreOf = createHomeStoreLocator(geographies, stores);
 * homeStoreOf(0, random); // e.g. 17: a store in (or nearest to) geography 0
 * ```
 */
export function createHomeStoreLocator(geographies: GeneratedGeographies, stores: GeneratedStores): (geography: number, random: Random) => number {
  const geographyCount = geographies.count;
  // Stores grouped by geography (counting sort), with running traffic totals per group.
  const groupStart = new Int32Array(geographyCount + 1);
  for (let store = 0; store < stores.count; store++) {
    const slot = (stores.geographyOf[store] as number) + 1;
    groupStart[slot] = (groupStart[slot] as number) + 1;
  }
  for (let geography = 0; geography < geographyCount; geography++) {
    groupStart[geography + 1] = (groupStart[geography + 1] as number) + (groupStart[geography] as number);
  }
  const fill = groupStart.slice(0, geographyCount);
  const storeAt = new Int32Array(stores.count);
  for (let store = 0; store < stores.count; store++) {
    const geography = stores.geographyOf[store] as number;
    storeAt[fill[geography] as number] = store;
    fill[geography] = (fill[geography] as number) + 1;
  }
  const runningWeight = new Float64Array(stores.count);
  for (let geography = 0; geography < geographyCount; geography++) {
    let total = 0;
    for (let slot = groupStart[geography] as number; slot < (groupStart[geography + 1] as number); slot++) {
      total += stores.trafficMultiplier[storeAt[slot] as number] as number;
      runningWeight[slot] = total;
    }
  }

  // Each geography's store geography: itself, or the nearest one that has stores.
  const withStores: number[] = [];
  let maximumLatitude = 0;
  for (let geography = 0; geography < geographyCount; geography++) {
    if ((groupStart[geography + 1] as number) > (groupStart[geography] as number)) withStores.push(geography);
    maximumLatitude = Math.max(maximumLatitude, Math.abs(geographies.latitude[geography] as number));
  }
  const index = createNearestPointIndex(
    withStores.map((geography) => geographies.latitude[geography] as number),
    withStores.map((geography) => geographies.longitude[geography] as number),
    maximumLatitude,
  );
  const storeGeographyOf = new Int32Array(geographyCount);
  for (let geography = 0; geography < geographyCount; geography++) {
    storeGeographyOf[geography] =
      (groupStart[geography + 1] as number) > (groupStart[geography] as number)
        ? geography
        : (withStores[index.nearest(geographies.latitude[geography] as number, geographies.longitude[geography] as number)] as number);
  }

  return (geography, random) => {
    const storeGeography = storeGeographyOf[geography] as number;
    let low = groupStart[storeGeography] as number;
    let high = (groupStart[storeGeography + 1] as number) - 1;
    if (low === high) return storeAt[low] as number;
    const target = random.next() * (runningWeight[high] as number);
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((runningWeight[middle] as number) > target) high = middle;
      else low = middle + 1;
    }
    return storeAt[low] as number;
  };
}
