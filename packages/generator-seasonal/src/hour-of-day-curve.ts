/**
 * Relative shopper arrivals by hour of day (index 0 = 00:00-00:59) at a store
 * open around the clock: almost nobody before 05:00, a morning climb, a lunch
 * bump at 12:00, a dip mid-afternoon, the peak from 16:00 to 18:00 (after
 * work), then a tail to midnight. Only the shape matters: a store's shares are
 * these weights over its open hours, normalized to sum to 1.
 */
export const hourOfDayWeights: readonly number[] = Object.freeze([
  0.15, 0.08, 0.05, 0.04, 0.05, 0.12, // 00-05
  0.3, 0.55, 0.8, 1.0, 1.2, 1.45, // 06-11
  1.65, 1.5, 1.35, 1.45, 1.75, 1.95, // 12-17
  1.85, 1.5, 1.1, 0.75, 0.45, 0.25, // 18-23
]);

/**
 * True when a store with these opening hours is open during `hour`. A store is
 * open from `openHour` up to but excluding `closeHour`; 0-24 (or any equal pair)
 * means around the clock, and a `closeHour` at or before `openHour` wraps past
 * midnight (e.g. 6-2 is open 06:00 to 01:59).
 *
 * @example
 * ```ts
 * isOpenDuring(7, 23, 22); // true
 * isOpenDuring(7, 23, 23); // false
 * isOpenDuring(0, 24, 3); // true
 * ```
 */
export function isOpenDuring(openHour: number, closeHour: number, hour: number): boolean {
  const span = closeHour > openHour ? closeHour - openHour : closeHour + 24 - openHour;
  return (hour - openHour + 24) % 24 < span;
}

/**
 * The share of a day's shoppers arriving in each hour (24 entries) at a store
 * with the given opening hours: {@link hourOfDayWeights} restricted to the open
 * hours and normalized so the open hours sum to 1; closed hours are 0. So a
 * store's expected shoppers in an hour are its expected shoppers of the day
 * times the hour's share.
 *
 * @example
 * ```ts
 * const shares = hourOfDayCurve(7, 23);
 * shares[6]; // 0 (not open yet)
 * shares[17]; // ~0.096, the peak hour
 * shares.reduce((sum, share) => sum + share, 0); // 1
 * ```
 */
export function hourOfDayCurve(openHour: number, closeHour: number, weights: readonly number[] = hourOfDayWeights): Float64Array {
  if (weights.length !== 24) throw new RangeError(`hour-of-day weights need 24 entries, got ${weights.length}`);
  const shares = new Float64Array(24);
  let total = 0;
  for (let hour = 0; hour < 24; hour++) {
    if (!isOpenDuring(openHour, closeHour, hour)) continue;
    const weight = weights[hour] as number;
    if (!(weight >= 0) || !Number.isFinite(weight)) throw new RangeError(`hour-of-day weight of hour ${hour} must be a finite number >= 0, got ${weight}`);
    shares[hour] = weight;
    total += weight;
  }
  if (total <= 0) throw new RangeError(`a store open ${openHour}-${closeHour} has no hour with a positive weight`);
  for (let hour = 0; hour < 24; hour++) shares[hour] = (shares[hour] as number) / total;
  return shares;
}
