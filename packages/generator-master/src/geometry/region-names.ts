import { regionAnchorsFor } from '../word-lists/region-anchors.js';
import { geographicDistance } from './geographic-distance.js';

/** A point on the map. */
export interface Coordinates {
  readonly latitude: number;
  readonly longitude: number;
}

/**
 * Gives each region a readable, unique name from where it lies: the closest
 * (region, name) pairs are matched first, so "Pacific" goes to the region on
 * the Pacific coast. Regions left over when the names run out are numbered
 * ("Region 23").
 *
 * @example
 * ```ts
 * nameRegions([{ latitude: 36, longitude: -118 }, { latitude: 40, longitude: -76 }]); // ['West', 'East']
 * ```
 */
export function nameRegions(centroids: readonly Coordinates[]): string[] {
  const anchors = regionAnchorsFor(centroids.length);
  const pairs: { region: number; anchor: number; distance: number }[] = [];
  centroids.forEach((centroid, region) => {
    anchors.forEach((anchor, anchorIndex) => {
      pairs.push({
        region,
        anchor: anchorIndex,
        distance: geographicDistance(centroid.latitude, centroid.longitude, anchor.latitude, anchor.longitude),
      });
    });
  });
  pairs.sort((left, right) => left.distance - right.distance || left.region - right.region || left.anchor - right.anchor);
  const names: (string | undefined)[] = new Array(centroids.length).fill(undefined);
  const usedAnchors = new Set<number>();
  for (const pair of pairs) {
    if (names[pair.region] !== undefined || usedAnchors.has(pair.anchor)) continue;
    names[pair.region] = (anchors[pair.anchor] as { name: string }).name;
    usedAnchors.add(pair.anchor);
  }
  return names.map((name, region) => name ?? `Region ${region + 1}`);
}
