import { Buffer, isAscii } from 'node:buffer';

/** A string column as Arrow holds it: `values[offsets[i]..offsets[i+1])` are the UTF-8 bytes of row i. */
export interface Utf8Buffers {
  readonly offsets: Int32Array;
  readonly bytes: Uint8Array;
  /** Arrow validity bitmap (bit set = value), or undefined when no row is NULL. */
  readonly nullBitmap: Uint8Array | undefined;
  readonly nullCount: number;
}

const textEncoder = new TextEncoder();
/** Arrow's Utf8 offsets are 32-bit: one column of one batch holds at most 2 GiB of text. */
const maxUtf8Bytes = 2 ** 31 - 1;

/**
 * Encodes strings into Utf8 offsets and bytes without apache-arrow's builders
 * (which take seconds for a few million short strings). ASCII columns, the
 * usual case (ids, codes), are joined and encoded in one call; others are
 * encoded string by string into one buffer. Buffers are freshly allocated
 * (never Node's shared Buffer pool), so they can be transferred to another
 * thread.
 */
export function encodeUtf8(values: readonly (string | null)[]): Utf8Buffers {
  const length = values.length;
  const offsets = new Int32Array(length + 1);
  let nullCount = 0;
  for (let row = 0; row < length; row++) if (values[row] === null || values[row] === undefined) nullCount++;
  const nullBitmap = nullCount > 0 ? validityBitmap(values) : undefined;
  const joined = values.join('');
  const byteLength = Buffer.byteLength(joined, 'utf8');
  if (byteLength > maxUtf8Bytes) throw new RangeError(`a string column of ${length} rows holds ${byteLength} bytes of text; Arrow Utf8 holds at most ${maxUtf8Bytes} per batch`);
  const bytes = new Uint8Array(byteLength);
  if (byteLength === joined.length) {
    // Every character is ASCII: one byte each, so offsets are the string lengths.
    textEncoder.encodeInto(joined, bytes);
    let position = 0;
    for (let row = 0; row < length; row++) {
      position += values[row]?.length ?? 0;
      offsets[row + 1] = position;
    }
  } else {
    let position = 0;
    for (let row = 0; row < length; row++) {
      const value = values[row];
      if (value) position += textEncoder.encodeInto(value, bytes.subarray(position)).written;
      offsets[row + 1] = position;
    }
  }
  return { offsets, bytes, nullBitmap, nullCount };
}

function validityBitmap(values: readonly (string | null)[]): Uint8Array {
  const bitmap = new Uint8Array(bitmapBytes(values.length));
  for (let row = 0; row < values.length; row++) {
    if (values[row] !== null && values[row] !== undefined) bitmap[row >> 3]! |= 1 << (row & 7);
  }
  return bitmap;
}

/** Bytes of an Arrow validity bitmap for `length` rows, padded to 8 bytes as the IPC format prefers. */
export function bitmapBytes(length: number): number {
  return ((length + 63) >> 6) << 3;
}

/**
 * Decodes Utf8 rows `[0, length)` given their offsets (which may start above 0,
 * in a sliced column) and the byte buffer. An ASCII buffer is decoded once and
 * cut into substrings; others row by row. NULL rows (bit clear in
 * `nullBitmap`, read from bit `bitOffset`) decode to null.
 */
export function decodeUtf8(
  offsets: Int32Array,
  bytes: Uint8Array,
  length: number,
  nullBitmap?: Uint8Array,
  bitOffset = 0,
): (string | null)[] {
  const values = new Array<string | null>(length);
  const first = offsets[0] ?? 0;
  const last = offsets[length] ?? first;
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const isNull = (row: number) => nullBitmap !== undefined && (nullBitmap[(bitOffset + row) >> 3]! & (1 << ((bitOffset + row) & 7))) === 0;
  if (isAscii(buffer.subarray(first, last))) {
    const text = buffer.toString('latin1', first, last);
    for (let row = 0; row < length; row++) {
      values[row] = isNull(row) ? null : text.substring(offsets[row]! - first, offsets[row + 1]! - first);
    }
  } else {
    for (let row = 0; row < length; row++) {
      values[row] = isNull(row) ? null : buffer.toString('utf8', offsets[row]!, offsets[row + 1]!);
    }
  }
  return values;
}
