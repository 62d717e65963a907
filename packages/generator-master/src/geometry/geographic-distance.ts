/** Kilometers per degree of latitude (and of longitude at the equator). */
export const kilometersPerDegree = 111.195;

const radiansPerDegree = Math.PI / 180;

/**
 * Distance in kilometers between two points, on the equirectangular
 * approximation (longitude scaled by the cosine of the mean latitude): close to
 * the great-circle distance at city-to-city scale, and cheap. The one distance
 * every "nearest" decision of this package uses.
 *
 * @example
 * ```ts
 * geographicDistance(40.7128, -74.006, 39.9526, -75.1652); // about 130 (New York - Philadelphia)
 * ```
 */
export function geographicDistance(latitudeA: number, longitudeA: number, latitudeB: number, longitudeB: number): number {
  const scale = Math.cos(((latitudeA + latitudeB) / 2) * radiansPerDegree);
  const north = (latitudeA - latitudeB) * kilometersPerDegree;
  const east = (longitudeA - longitudeB) * kilometersPerDegree * scale;
  return Math.sqrt(north * north + east * east);
}

/** Cosine of a latitude given in degrees. */
export function cosineOfLatitude(latitude: number): number {
  return Math.cos(latitude * radiansPerDegree);
}
