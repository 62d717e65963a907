/**
 * Store volume classes, busiest first; `dim_stores.volume_class` holds one of them.
 *
 * @example
 * ```ts
 * volumeClasses[masterData.stores.volumeClass[row]!]; // 'FLAGSHIP'
 * ```
 */
export const volumeClasses = ['FLAGSHIP', 'HIGH', 'MEDIUM', 'LOW', 'KIOSK'] as const;

/** One of {@link volumeClasses}. */
export type VolumeClass = (typeof volumeClasses)[number];

/**
 * Store formats, largest first; `dim_stores.store_format` holds one of them.
 *
 * @example
 * ```ts
 * storeFormats[masterData.stores.format[row]!]; // 'EXPRESS'
 * ```
 */
export const storeFormats = ['HYPERMARKET', 'SUPERSTORE', 'STANDARD', 'NEIGHBORHOOD', 'EXPRESS'] as const;

/** One of {@link storeFormats}. */
export type StoreFormat = (typeof storeFormats)[number];

/** Opening hours: open from `openHour` until `closeHour` (exclusive); 0-24 is around the clock. */
export interface OpeningHours {
  readonly openHour: number;
  readonly closeHour: number;
}

/** A store profile: how a volume class spreads over formats and how busy it is. */
interface VolumeClassProfile {
  /** Share of stores in the class (by rank of a size score). */
  readonly share: number;
  /** Daily traffic multiplier range. */
  readonly traffic: readonly [minimum: number, maximum: number];
  /** Weight of each format, in {@link storeFormats} order. */
  readonly formatWeights: readonly number[];
}

export const volumeClassProfiles: Readonly<Record<VolumeClass, VolumeClassProfile>> = {
  FLAGSHIP: { share: 0.04, traffic: [2.5, 3.0], formatWeights: [0.8, 0.2, 0, 0, 0] },
  HIGH: { share: 0.2, traffic: [1.35, 1.7], formatWeights: [0.25, 0.5, 0.25, 0, 0] },
  MEDIUM: { share: 0.46, traffic: [0.85, 1.15], formatWeights: [0, 0.15, 0.55, 0.3, 0] },
  LOW: { share: 0.24, traffic: [0.6, 0.8], formatWeights: [0, 0, 0.2, 0.55, 0.25] },
  KIOSK: { share: 0.06, traffic: [0.25, 0.35], formatWeights: [0, 0, 0, 0.15, 0.85] },
};

/** Opening-hour options of each format, with weights; 0-24 is around the clock. */
export const formatHours: Readonly<Record<StoreFormat, readonly (readonly [OpeningHours, number])[]>> = {
  HYPERMARKET: [
    [{ openHour: 7, closeHour: 23 }, 0.7],
    [{ openHour: 6, closeHour: 23 }, 0.2],
    [{ openHour: 0, closeHour: 24 }, 0.1],
  ],
  SUPERSTORE: [
    [{ openHour: 6, closeHour: 24 }, 0.65],
    [{ openHour: 0, closeHour: 24 }, 0.35],
  ],
  STANDARD: [
    [{ openHour: 8, closeHour: 22 }, 0.6],
    [{ openHour: 7, closeHour: 22 }, 0.25],
    [{ openHour: 8, closeHour: 21 }, 0.15],
  ],
  NEIGHBORHOOD: [
    [{ openHour: 7, closeHour: 21 }, 0.7],
    [{ openHour: 7, closeHour: 22 }, 0.3],
  ],
  EXPRESS: [
    [{ openHour: 6, closeHour: 24 }, 0.6],
    [{ openHour: 0, closeHour: 24 }, 0.4],
  ],
};

/**
 * True when the hours are around the clock (open 0, close 24).
 *
 * @example
 * ```ts
 * isOpenAroundTheClock(0, 24); // true
 * isOpenAroundTheClock(6, 24); // false
 * ```
 */
export function isOpenAroundTheClock(openHour: number, closeHour: number): boolean {
  return openHour === 0 && closeHour === 24;
}
