/** A readable region name and the point it describes. */
export interface RegionAnchor {
  readonly name: string;
  readonly latitude: number;
  readonly longitude: number;
}

type AnchorRow = readonly [name: string, latitude: number, longitude: number];

const toAnchors = (rows: readonly AnchorRow[]): readonly RegionAnchor[] =>
  rows.map(([name, latitude, longitude]) => ({ name, latitude, longitude }));

/**
 * Region names by how finely the country is split: a chain with few DCs gets
 * broad names, one with many gets specific ones. Regions beyond the finest
 * list are numbered ("Region 17").
 *
 * @example
 * ```ts
 * regionAnchorsFor(3).map((anchor) => anchor.name); // ['West', 'Central', 'East']
 * ```
 */
export function regionAnchorsFor(regionCount: number): readonly RegionAnchor[] {
  if (regionCount <= 1) return nationalAnchors;
  if (regionCount <= 3) return broadAnchors;
  if (regionCount <= 7) return mediumAnchors;
  return fineAnchors;
}

const nationalAnchors = toAnchors([['National', 39, -96]]);

const broadAnchors = toAnchors([
  ['West', 37, -117],
  ['Central', 37, -94],
  ['East', 38, -78],
]);

const mediumAnchors = toAnchors([
  ['Pacific', 39, -121],
  ['Mountain', 38, -109],
  ['Central', 40, -95],
  ['South Central', 31, -96],
  ['Great Lakes', 42.5, -86],
  ['Southeast', 31, -83],
  ['Northeast', 41.5, -74],
]);

const fineAnchors = toAnchors([
  ['Pacific Northwest', 46.5, -122],
  ['Northern California', 38, -121.5],
  ['Southern California', 33.8, -117.8],
  ['Desert Southwest', 33, -111],
  ['Mountain', 40.5, -107],
  ['Great Plains', 40, -98],
  ['Texas', 31, -97],
  ['Upper Midwest', 44.5, -93],
  ['Gulf Coast', 30.5, -90.5],
  ['Great Lakes', 42, -86],
  ['Ohio Valley', 38.8, -84.5],
  ['Southeast', 33.5, -84.5],
  ['Florida', 27.5, -81.5],
  ['Carolinas', 35.5, -80],
  ['Mid-Atlantic', 39.5, -76.5],
  ['Northeast', 42.5, -72.5],
  ['Tennessee Valley', 35.5, -87],
  ['Ozarks', 36.5, -93],
  ['Rio Grande', 32, -106],
  ['Mid-South', 33.5, -91],
]);
