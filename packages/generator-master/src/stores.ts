import { createColumnBatch, createWeightedSampler, type ColumnBatch, type Random } from '@retail-datagen/generator-core';
import { dimStores } from '@retail-datagen/models';
import type { GeneratedGeographies } from './geographies.js';
import { padNumber } from './identifiers/number-formats.js';
import { roundTo } from './rounding.js';
import { formatHours, isOpenAroundTheClock, storeFormats, volumeClasses, volumeClassProfiles, type OpeningHours, type StoreFormat, type VolumeClass } from './store-profiles.js';
import { streetAddress } from './street-address.js';
import { fallbackSalesTax, stateSalesTaxes } from './word-lists/state-sales-tax-rates.js';
import { arterialStreetTypes, streetNames } from './word-lists/street-names.js';

/** Stores as generated, with what later tables need from them. */
export interface GeneratedStores {
  readonly batch: ColumnBatch;
  readonly count: number;
  /** Geography index (0-based) per store. */
  readonly geographyOf: Int32Array;
  readonly trafficMultiplier: Float64Array;
}

const daysPerYear = 365;
const superstore = storeFormats.indexOf('SUPERSTORE');
const express = storeFormats.indexOf('EXPRESS');

/**
 * Builds `count` stores spread over the geographies (larger cities get more,
 * every region gets one when there are enough stores), ranks them by a size
 * score into volume classes (a few flagships, a few kiosks), and derives
 * format, opening hours and traffic from the class. Tax rates are per
 * geography: the state rate plus a local add-on.
 *
 * @example
 * ```ts
 * const stores = generateStores(24, dayNumberOf('2024-11-15'), geographies, context.random('stores'), context.random('stores', 'tax-rates'));
 * stores.batch.length; // 24
 * ```
 */
export function generateStores(count: number, startDay: number, geographies: GeneratedGeographies, random: Random, taxRandom: Random): GeneratedStores {
  const taxRateOf = taxRatesOfGeographies(geographies, taxRandom);
  const geographyOf = assignGeographies(count, geographies, random);
  const classOf = rankVolumeClasses(geographyOf, geographies.population, random);

  const formatOf = new Int32Array(count);
  const openHour = new Int32Array(count);
  const closeHour = new Int32Array(count);
  const trafficMultiplier = new Float64Array(count);
  const taxRate = new Float64Array(count);
  const openedDate = new Int32Array(count);
  const addresses: string[] = new Array(count);
  const storeNumbers: string[] = new Array(count);
  for (let store = 0; store < count; store++) {
    const profile = volumeClassProfiles[volumeClasses[classOf[store] as number] as VolumeClass];
    const format = random.weightedIndex(profile.formatWeights);
    const hoursOptions = formatHours[storeFormats[format] as StoreFormat];
    const hours = (hoursOptions[random.weightedIndex(hoursOptions.map(([, weight]) => weight))] as readonly [OpeningHours, number])[0];
    formatOf[store] = format;
    openHour[store] = hours.openHour;
    closeHour[store] = hours.closeHour;
    trafficMultiplier[store] = roundTo(random.float(profile.traffic[0], profile.traffic[1]), 2);
    taxRate[store] = taxRateOf[geographyOf[store] as number] as number;
    openedDate[store] = startDay - random.int(180, 25 * daysPerYear);
    addresses[store] = streetAddress(random, streetNames, arterialStreetTypes, 100, 19_999);
    storeNumbers[store] = `S${padNumber(store + 1, 6)}`;
  }
  ensureOneStoreOpenAroundTheClock(formatOf, openHour, closeHour, trafficMultiplier);

  const batch = createColumnBatch(dimStores, count, {
    ID: Int32Array.from({ length: count }, (_, index) => index + 1),
    StoreNumber: storeNumbers,
    Address: addresses,
    GeographyID: Int32Array.from(geographyOf, (geography) => geography + 1),
    TaxRate: taxRate,
    VolumeClass: { kind: 'dictionary', dictionary: [...volumeClasses], codes: Int32Array.from(classOf) },
    StoreFormat: { kind: 'dictionary', dictionary: [...storeFormats], codes: formatOf },
    OpenHour: openHour,
    CloseHour: closeHour,
    DailyTrafficMultiplier: trafficMultiplier,
    OpenedDate: openedDate,
  });
  return { batch, count, geographyOf, trafficMultiplier };
}

/** One sales tax rate per geography: the state rate plus a local add-on in quarter points. */
function taxRatesOfGeographies(geographies: GeneratedGeographies, random: Random): Float64Array {
  const rates = new Float64Array(geographies.count);
  for (let geography = 0; geography < geographies.count; geography++) {
    const tax = stateSalesTaxes.get(geographies.state[geography] as string) ?? fallbackSalesTax;
    const noLocalTax = random.chance(0.12);
    const share = random.float(0.25, 1);
    const local = tax.maximumLocalRate > 0 && !noLocalTax ? Math.round((tax.maximumLocalRate * share) / 0.0025) * 0.0025 : 0;
    rates[geography] = roundTo(tax.stateRate + Math.min(local, tax.maximumLocalRate), 5);
  }
  return rates;
}

/**
 * Larger cities get more stores (population^0.6, flatter than population), and
 * the first stores go one to each region's largest city so no DC is idle.
 * Store ids are shuffled afterwards so they do not follow regions.
 */
function assignGeographies(count: number, geographies: GeneratedGeographies, random: Random): Int32Array {
  const geographyOf = new Int32Array(count);
  const guaranteed = Math.min(count, geographies.geographiesOfRegion.length);
  for (let region = 0; region < guaranteed; region++) {
    let largest = -1;
    for (const geography of geographies.geographiesOfRegion[region] as readonly number[]) {
      if (largest < 0 || (geographies.population[geography] as number) > (geographies.population[largest] as number)) largest = geography;
    }
    geographyOf[region] = largest;
  }
  const sampler = createWeightedSampler(Float64Array.from(geographies.population, (population) => population ** 0.6));
  for (let store = guaranteed; store < count; store++) geographyOf[store] = sampler.sample(random);
  for (let store = count - 1; store > 0; store--) {
    const other = random.int(0, store);
    const swap = geographyOf[store] as number;
    geographyOf[store] = geographyOf[other] as number;
    geographyOf[other] = swap;
  }
  return geographyOf;
}

/** Volume class per store (index into volumeClasses): ranked by a noisy score that favours large cities. */
function rankVolumeClasses(geographyOf: Int32Array, population: Float64Array, random: Random): Uint8Array {
  const count = geographyOf.length;
  const score = Float64Array.from(geographyOf, (geography) => 0.5 * Math.log(population[geography] as number) + random.normal(0, 0.6));
  const order = Array.from({ length: count }, (_, index) => index).sort((left, right) => (score[right] as number) - (score[left] as number) || left - right);
  // With five stores or more there is always at least one flagship and one kiosk.
  const atLeastOne = count >= 5 ? 1 : 0;
  const flagships = Math.max(atLeastOne, Math.round(count * volumeClassProfiles.FLAGSHIP.share));
  const kiosks = Math.max(atLeastOne, Math.round(count * volumeClassProfiles.KIOSK.share));
  const high = Math.round(count * volumeClassProfiles.HIGH.share);
  const low = Math.round(count * volumeClassProfiles.LOW.share);
  const medium = Math.max(0, count - flagships - kiosks - high - low);
  const boundaries = [flagships, flagships + high, flagships + high + medium, flagships + high + medium + low];
  const classOf = new Uint8Array(count);
  order.forEach((store, rank) => {
    let volumeClass = 0;
    while (volumeClass < boundaries.length && rank >= (boundaries[volumeClass] as number)) volumeClass++;
    classOf[store] = volumeClass;
  });
  return classOf;
}

/**
 * A chain of two or more stores has at least one open around the clock: the
 * busiest superstore or express store, or else the quietest store, which
 * becomes an express store.
 */
function ensureOneStoreOpenAroundTheClock(formatOf: Int32Array, openHour: Int32Array, closeHour: Int32Array, trafficMultiplier: Float64Array): void {
  const count = formatOf.length;
  if (count < 2) return;
  for (let store = 0; store < count; store++) {
    if (isOpenAroundTheClock(openHour[store] as number, closeHour[store] as number)) return;
  }
  let chosen = -1;
  for (let store = 0; store < count; store++) {
    const format = formatOf[store] as number;
    if ((format === superstore || format === express) && (chosen < 0 || (trafficMultiplier[store] as number) > (trafficMultiplier[chosen] as number))) chosen = store;
  }
  if (chosen < 0) {
    chosen = 0;
    for (let store = 1; store < count; store++) if ((trafficMultiplier[store] as number) < (trafficMultiplier[chosen] as number)) chosen = store;
    formatOf[chosen] = express;
  }
  openHour[chosen] = 0;
  closeHour[chosen] = 24;
}
