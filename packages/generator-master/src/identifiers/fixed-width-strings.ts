/** Rows decoded per block, so a block's text stays far below V8's string length limit. */
const rowsPerBlock = 262_144;
const decoder = new TextDecoder();

/** ASCII codes of '0'-'9' then 'a'-'f'. */
export const hexCharacterCodes: Uint8Array = Uint8Array.from('0123456789abcdef', (character) => character.charCodeAt(0));

/**
 * Builds `count` ASCII strings of the same width as `template`: every row
 * starts as a copy of the template, then `write` fills the variable characters
 * of rows `firstRow .. firstRow + rowCount - 1` of a block of bytes (row `r` at
 * offset `(r - firstRow) * template.length`), and each block is decoded once
 * and cut into strings. Far cheaper than joining strings row by row, which
 * costs one allocation per `+`.
 *
 * @example
 * ```ts
 * const codes = buildFixedWidthStrings(3, 'A?', (bytes, firstRow, rowCount) => {
 *   for (let row = 0; row < rowCount; row++) bytes[row * 2 + 1] = 48 + firstRow + row;
 * }); // ['A0', 'A1', 'A2']
 * ```
 */
export function buildFixedWidthStrings(
  count: number,
  template: string,
  write: (bytes: Uint8Array, firstRow: number, rowCount: number) => void,
): string[] {
  const width = template.length;
  const strings: string[] = new Array(count);
  const blockRows = Math.min(count, rowsPerBlock);
  const bytes = new Uint8Array(blockRows * width);
  // The template's constant characters are written once; blocks only overwrite the variable ones.
  for (let index = 0; index < width; index++) bytes[index] = template.charCodeAt(index);
  for (let filled = width; filled < bytes.length; filled *= 2) bytes.copyWithin(filled, 0, Math.min(filled, bytes.length - filled));
  for (let firstRow = 0; firstRow < count; firstRow += rowsPerBlock) {
    const rowCount = Math.min(rowsPerBlock, count - firstRow);
    write(bytes, firstRow, rowCount);
    const text = decoder.decode(bytes.subarray(0, rowCount * width));
    for (let row = 0, offset = 0; row < rowCount; row++, offset += width) strings[firstRow + row] = text.substring(offset, offset + width);
  }
  return strings;
}

/** '00'..'99' as byte pairs. */
const decimalPairs = Uint8Array.from({ length: 200 }, (_, index) => 48 + (index % 2 === 0 ? Math.floor(index / 20) : Math.floor(index / 2) % 10));

/**
 * Writes `value` (a whole number from 0 to 2^31 - 1) as `digits` decimal
 * digits at `offset`, zero-padded.
 *
 * @example
 * ```ts
 * writeDecimal(bytes, 0, 42, 4); // bytes start with '0042'
 * ```
 */
export function writeDecimal(bytes: Uint8Array, offset: number, value: number, digits: number): void {
  let rest = value | 0;
  let position = offset + digits - 2;
  for (; position >= offset; position -= 2) {
    const quotient = (rest / 100) | 0;
    const pair = (rest - quotient * 100) * 2;
    bytes[position] = decimalPairs[pair] as number;
    bytes[position + 1] = decimalPairs[pair + 1] as number;
    rest = quotient;
  }
  if (position === offset - 1) bytes[offset] = 48 + (rest % 10);
}

/**
 * Writes the low `digits * 4` bits (at most 32) of `value` as lower-case hex digits at `offset`.
 *
 * @example
 * ```ts
 * writeHexadecimal(bytes, 0, 0xbeef, 4); // bytes start with 'beef'
 * ```
 */
export function writeHexadecimal(bytes: Uint8Array, offset: number, value: number, digits: number): void {
  let rest = value;
  for (let position = offset + digits - 1; position >= offset; position--) {
    bytes[position] = hexCharacterCodes[rest & 15] as number;
    rest >>>= 4;
  }
}
