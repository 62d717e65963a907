/** Mean Earth radius in kilometers (IUGG). */
export const earthRadiusKilometers = 6_371.0088;

const radiansPerDegree = Math.PI / 180;

/**
 * Great-circle distance in kilometers between two points given in degrees
 * (the haversine formula): the distance trucks travel between a DC and a store.
 *
 * @example
 * ```ts
 * greatCircleDistance(40.7128, -74.006, 39.9526, -75.1652); // about 130 (New York - Philadelphia)
 * ```
 */
export function greatCircleDistance(latitudeA: number, longitudeA: number, latitudeB: number, longitudeB: number): number {
  const north = (latitudeB - latitudeA) * radiansPerDegree;
  const east = (longitudeB - longitudeA) * radiansPerDegree;
  const half =
    Math.sin(north / 2) ** 2 + Math.cos(latitudeA * radiansPerDegree) * Math.cos(latitudeB * radiansPerDegree) * Math.sin(east / 2) ** 2;
  return 2 * earthRadiusKilometers * Math.asin(Math.min(1, Math.sqrt(half)));
}
