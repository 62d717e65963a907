const earthRadiusKilometers = 6371.0088;
const radiansPerDegree = Math.PI / 180;

/** Great-circle distance in kilometres between two points given in degrees. */
function distanceKilometers(latitudeA: number, longitudeA: number, latitudeB: number, longitudeB: number): number {
  const deltaLatitude = (latitudeB - latitudeA) * radiansPerDegree;
  const deltaLongitude = (longitudeB - longitudeA) * radiansPerDegree;
  const haversine =
    Math.sin(deltaLatitude / 2) ** 2 + Math.cos(latitudeA * radiansPerDegree) * Math.cos(latitudeB * radiansPerDegree) * Math.sin(deltaLongitude / 2) ** 2;
  return 2 * earthRadiusKilometers * Math.asin(Math.min(1, Math.sqrt(haversine)));
}

/**
 * The `count` nearest other stores of every store, nearest first (ties by
 * store index), as a flat array: the neighbours of store `s` are
 * `result[s * count .. s * count + count - 1]`, `-1` where the chain has too
 * few stores. Stores are scanned outward in latitude order and the scan stops
 * once the latitude gap alone exceeds the current `count`-th best distance,
 * so large chains do not cost n^2 distance computations.
 *
 * @example
 * ```ts
 * const nearby = nearestStores(Float64Array.of(40, 40.1, 34), Float64Array.of(-74, -74, -118), 1);
 * Array.from(nearby); // [1, 0, 1]
 * ```
 */
export function nearestStores(latitude: Float64Array, longitude: Float64Array, count: number): Int32Array {
  const storeCount = latitude.length;
  const result = new Int32Array(storeCount * count).fill(-1);
  if (count === 0) return result;
  const order = Int32Array.from({ length: storeCount }, (_, index) => index).sort(
    (left, right) => (latitude[left] as number) - (latitude[right] as number) || left - right,
  );
  const bestStore = new Int32Array(count);
  const bestDistance = new Float64Array(count);
  const kilometersPerDegreeLatitude = earthRadiusKilometers * radiansPerDegree;

  for (let position = 0; position < storeCount; position++) {
    const store = order[position] as number;
    const storeLatitude = latitude[store] as number;
    const storeLongitude = longitude[store] as number;
    let found = 0;
    const consider = (other: number) => {
      const distance = distanceKilometers(storeLatitude, storeLongitude, latitude[other] as number, longitude[other] as number);
      // Insertion into the sorted best list (distance, then store index).
      let slot = found < count ? found : count;
      while (slot > 0) {
        const previousDistance = bestDistance[slot - 1] as number;
        if (previousDistance < distance || (previousDistance === distance && (bestStore[slot - 1] as number) < other)) break;
        slot--;
      }
      if (slot >= count) return;
      for (let move = Math.min(found, count - 1); move > slot; move--) {
        bestStore[move] = bestStore[move - 1] as number;
        bestDistance[move] = bestDistance[move - 1] as number;
      }
      bestStore[slot] = other;
      bestDistance[slot] = distance;
      if (found < count) found++;
    };
    let below = position - 1;
    let above = position + 1;
    while (below >= 0 || above < storeCount) {
      const limit = found < count ? Number.POSITIVE_INFINITY : (bestDistance[count - 1] as number);
      const belowGap = below >= 0 ? (storeLatitude - (latitude[order[below] as number] as number)) * kilometersPerDegreeLatitude : Number.POSITIVE_INFINITY;
      const aboveGap = above < storeCount ? ((latitude[order[above] as number] as number) - storeLatitude) * kilometersPerDegreeLatitude : Number.POSITIVE_INFINITY;
      if (Math.min(belowGap, aboveGap) > limit) break;
      if (belowGap <= aboveGap) consider(order[below--] as number);
      else consider(order[above++] as number);
    }
    for (let slot = 0; slot < found; slot++) result[store * count + slot] = bestStore[slot] as number;
  }
  return result;
}
