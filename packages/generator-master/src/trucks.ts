import { createColumnBatch, type ColumnBatch, type Random } from '@retail-datagen/generator-core';
import { dimTrucks } from '@retail-datagen/models';
import { createKeyedPermutation } from './identifiers/keyed-permutation.js';

/** Plate letters: I, O and Q are left out, as many states do, to avoid confusion with 1 and 0. */
const plateLetters = 'ABCDEFGHJKLMNPRSTUVWXYZ';
const letterCount = plateLetters.length;
/** Plates look like "7KQD382": a digit 1-9, three letters, three digits. */
const plateCount = 9 * letterCount ** 3 * 1_000;

/**
 * `trucksPerDc` trucks for each DC (grouped by DC), then `poolTrucks` shared
 * trucks with a NULL dc_id. About `refrigeratedShare` of each DC's fleet (at
 * least one truck when the fleet has two or more) and of the pool is
 * refrigerated; refrigerated trucks carry less. Plates are unique by
 * construction (a keyed permutation of the row number).
 *
 * @example
 * ```ts
 * const trucks = generateTrucks(3, 6, 4, 0.3, context.random('trucks'));
 * trucks.length; // 22: 18 DC trucks, then 4 pool trucks with dc_id NULL
 * ```
 */
export function generateTrucks(dcCount: number, trucksPerDc: number, poolTrucks: number, refrigeratedShare: number, random: Random): ColumnBatch {
  const count = dcCount * trucksPerDc + poolTrucks;
  const plateOf = createKeyedPermutation(random, plateCount);
  const dcId = new Int32Array(count);
  const dcValidity = new Uint8Array(count);
  const refrigeration = new Uint8Array(count);
  const capacityUnits = new Int32Array(count);
  const plates: string[] = new Array(count);

  const markRefrigerated = (first: number, size: number) => {
    let refrigerated = Math.round(size * refrigeratedShare);
    if (size >= 2 && refrigeratedShare > 0) refrigerated = Math.max(1, refrigerated);
    // Choose which trucks of the group are refrigerated (a partial shuffle of positions).
    const positions = Array.from({ length: size }, (_, index) => first + index);
    for (let picked = 0; picked < refrigerated; picked++) {
      const other = random.int(picked, size - 1);
      const swap = positions[picked] as number;
      positions[picked] = positions[other] as number;
      positions[other] = swap;
      refrigeration[positions[picked] as number] = 1;
    }
  };
  for (let dc = 0; dc < dcCount; dc++) {
    const first = dc * trucksPerDc;
    dcId.fill(dc + 1, first, first + trucksPerDc);
    dcValidity.fill(1, first, first + trucksPerDc);
    markRefrigerated(first, trucksPerDc);
  }
  markRefrigerated(dcCount * trucksPerDc, poolTrucks);

  for (let truck = 0; truck < count; truck++) {
    capacityUnits[truck] = refrigeration[truck] === 1 ? random.int(12, 24) * 100 : random.int(20, 30) * 100;
    plates[truck] = licensePlate(plateOf(truck));
  }
  return createColumnBatch(
    dimTrucks,
    count,
    {
      ID: Int32Array.from({ length: count }, (_, index) => index + 1),
      LicensePlate: plates,
      Refrigeration: refrigeration,
      DCID: dcId,
      CapacityUnits: capacityUnits,
    },
    { DCID: dcValidity },
  );
}

/** Decodes a number below {@link plateCount} into a plate like "7KQD382". */
function licensePlate(value: number): string {
  const digits = value % 1_000;
  let rest = Math.floor(value / 1_000);
  let letters = '';
  for (let position = 0; position < 3; position++) {
    letters = plateLetters.charAt(rest % letterCount) + letters;
    rest = Math.floor(rest / letterCount);
  }
  return `${rest + 1}${letters}${String(digits).padStart(3, '0')}`;
}
