import { createColumnBatch, type ColumnBatch, type Random } from '@retail-datagen/generator-core';
import { dimCustomers } from '@retail-datagen/models';
import { createAliasSampler } from './alias-sampler.js';
import type { GeneratedGeographies } from './geographies.js';
import { createHomeStoreLocator } from './home-store-locator.js';
import { createKeyedPermutation } from './identifiers/keyed-permutation.js';
import { buildFixedWidthStrings, hexCharacterCodes, writeDecimal, writeHexadecimal } from './identifiers/fixed-width-strings.js';
import { mixHash } from './identifiers/mix-hash.js';
import type { GeneratedStores } from './stores.js';
import { firstNames } from './word-lists/first-names.js';
import { lastNames } from './word-lists/last-names.js';
import { residentialStreetTypes, streetNames } from './word-lists/street-names.js';

/**
 * Customers are drawn in chunks of this many rows, each from its own random
 * stream ('customers', chunk), so a chunk can be generated without the ones
 * before it. Part of the output's definition: changing it changes the data.
 */
export const customerChunkSize = 65_536;

/**
 * Up to this many customers every address is distinct; beyond it customers
 * draw from a pool of this many street lines, so a line recurs (a household in
 * the same city, or the same street line in another city). Keeps a
 * million-row table from building a million address strings.
 */
export const addressPoolSize = 131_072;

/** Streams the customer generator draws from. */
export interface CustomerRandomness {
  /** The stream of one chunk of rows. */
  chunk(chunkIndex: number): Random;
  /** Keys of the identifier permutations and hashes, and the address pool. */
  identifiers: Random;
}

const apartmentLetters = ['', '', '', 'A', 'B', 'C', 'D'];

/**
 * Known customers: names drawn with common names more likely, a geography
 * weighted by population, a home store in (or nearest to) that geography, and
 * loyalty card, BLE and ad ids that are unique by construction (keyed
 * permutations of the row number). Numbers are drawn row by row into typed
 * arrays; identifier strings are then written column by column as bytes.
 *
 * @example
 * ```ts
 * const customers = generateCustomers(20_000, geographies, stores, {
 *   chunk: (chunkIndex) => context.random('customers', chunkIndex),
 *   identifiers: context.random('customers', 'identifiers'),
 * });
 * customers.length; // 20000
 * ```
 */
export function generateCustomers(count: number, geographies: GeneratedGeographies, stores: GeneratedStores, randomness: CustomerRandomness): ColumnBatch {
  const homeStore = createHomeStoreLocator(geographies, stores);
  const geographySampler = createAliasSampler(Float64Array.from(geographies.population, (population) => population ** 0.75));
  const firstNameSampler = createAliasSampler(firstNames.map((_, rank) => 1 / (rank + 20)));
  const lastNameSampler = createAliasSampler(lastNames.map((_, rank) => 1 / (rank + 20)));
  const identifiers = randomness.identifiers;
  const loyaltyCardOf = createKeyedPermutation(identifiers, 10_000_000_000);
  const bleIdOf = createKeyedPermutation(identifiers, 2 ** 48);
  const adIdOf = createKeyedPermutation(identifiers, 2 ** 48);
  const addressPool = distinctAddresses(Math.min(count, addressPoolSize), identifiers);

  const ids = new Int32Array(count);
  const geographyId = new Int32Array(count);
  const homeStoreId = new Int32Array(count);
  const firstNameCodes = new Int32Array(count);
  const lastNameCodes = new Int32Array(count);
  const addressCodes = new Int32Array(count);
  const phoneNumbers = new Int32Array(count);
  for (let chunkStart = 0; chunkStart < count; chunkStart += customerChunkSize) {
    const random = randomness.chunk(chunkStart / customerChunkSize);
    const chunkEnd = Math.min(count, chunkStart + customerChunkSize);
    for (let row = chunkStart; row < chunkEnd; row++) {
      const geography = geographySampler.sample(random);
      ids[row] = row + 1;
      geographyId[row] = geography + 1;
      homeStoreId[row] = homeStore(geography, random) + 1;
      firstNameCodes[row] = firstNameSampler.sample(random);
      lastNameCodes[row] = lastNameSampler.sample(random);
      addressCodes[row] = count <= addressPoolSize ? row : random.int(0, addressPoolSize - 1);
      // Exchange 200-999 and line 0000-9999 of a (555) number.
      phoneNumbers[row] = 2_000_000 + random.int(0, 7_999_999);
    }
  }

  const phones = buildFixedWidthStrings(count, '(555) 000-0000', (bytes, firstRow, rowCount) => {
    for (let row = 0, offset = 0; row < rowCount; row++, offset += 14) {
      const number = phoneNumbers[firstRow + row] as number;
      writeDecimal(bytes, offset + 6, Math.floor(number / 10_000), 3);
      writeDecimal(bytes, offset + 10, number % 10_000, 4);
    }
  });
  const loyaltyCards = buildFixedWidthStrings(count, 'LC0000000000', (bytes, firstRow, rowCount) => {
    for (let row = 0, offset = 0; row < rowCount; row++, offset += 12) {
      const card = loyaltyCardOf(firstRow + row);
      writeDecimal(bytes, offset + 2, Math.floor(card / 100_000), 5);
      writeDecimal(bytes, offset + 7, card % 100_000, 5);
    }
  });
  const bleIds = buildFixedWidthStrings(count, 'BLE-000000000000', (bytes, firstRow, rowCount) => {
    for (let row = 0, offset = 0; row < rowCount; row++, offset += 16) {
      const value = bleIdOf(firstRow + row);
      writeHexadecimal(bytes, offset + 4, Math.floor(value / 16_777_216), 6);
      writeHexadecimal(bytes, offset + 10, value % 16_777_216, 6);
    }
  });
  // "AD-xxxxxxxx-xxxx-4xxx-[89ab]xxx-" from hashes of the row, then the unique 48 bits.
  const adKeys = [identifiers.nextUint32(), identifiers.nextUint32(), identifiers.nextUint32()] as const;
  const adIds = buildFixedWidthStrings(count, 'AD-00000000-0000-4000-8000-000000000000', (bytes, firstRow, rowCount) => {
    for (let row = 0, offset = 0; row < rowCount; row++, offset += 39) {
      const customer = firstRow + row;
      const first = mixHash(customer, adKeys[0]);
      const second = mixHash(customer, adKeys[1]);
      const third = mixHash(customer, adKeys[2]);
      const unique = adIdOf(customer);
      writeHexadecimal(bytes, offset + 3, first, 8);
      writeHexadecimal(bytes, offset + 12, second >>> 16, 4);
      writeHexadecimal(bytes, offset + 18, second, 3);
      bytes[offset + 22] = hexCharacterCodes[8 + (third >>> 30)] as number; // variant 8, 9, a or b
      writeHexadecimal(bytes, offset + 23, third, 3);
      writeHexadecimal(bytes, offset + 27, Math.floor(unique / 16_777_216), 6);
      writeHexadecimal(bytes, offset + 33, unique % 16_777_216, 6);
    }
  });

  return createColumnBatch(dimCustomers, count, {
    ID: ids,
    FirstName: { kind: 'dictionary', dictionary: firstNames, codes: firstNameCodes },
    LastName: { kind: 'dictionary', dictionary: lastNames, codes: lastNameCodes },
    Address: { kind: 'dictionary', dictionary: addressPool, codes: addressCodes },
    GeographyID: geographyId,
    LoyaltyCard: loyaltyCards,
    Phone: phones,
    BLEId: bleIds,
    AdId: adIds,
    HomeStoreID: homeStoreId,
  });
}

/** `count` distinct street lines (a repeat is drawn again). */
function distinctAddresses(count: number, random: Random): string[] {
  const seen = new Set<string>();
  while (seen.size < count) {
    let address = `${random.int(1, 9_999)} ${random.pick(streetNames)} ${random.pick(residentialStreetTypes)}`;
    if (random.chance(0.2)) address += `, Apt ${random.int(1, 40)}${random.pick(apartmentLetters)}`;
    seen.add(address);
  }
  return [...seen];
}
