import { createColumnBatch, stringAt, utf8ColumnOf, type ColumnBatch, type ColumnData, type DictionaryColumn, type StringColumn, type Utf8Column } from '@retail-datagen/generator-core';
import type { FieldDefinition } from '@retail-datagen/models';

/** Arrow's Utf8 offsets are 32-bit: one column of one batch holds at most 2 GiB of text. */
const maxUtf8Bytes = 2 ** 31 - 1;

/** Rows `start..end` of one input batch, waiting to become (part of) an output batch. */
interface Piece {
  readonly batch: ColumnBatch;
  readonly start: number;
  readonly end: number;
}

/**
 * Cuts a day's batches into batches of `targetRows` rows per table: the rows
 * written, and their order within each table, are exactly those of the input;
 * only where the batch boundaries fall changes.
 *
 * - Tables come out in the order of their first batch in `batches`; every
 *   table's batches together, in input order.
 * - Every output batch holds exactly `targetRows` rows except the last of its
 *   table, which holds the rest. Empty input batches are dropped, so a table
 *   with no rows gives no batch.
 * - Splitting copies nothing: typed arrays, dictionary codes, UTF-8 offsets and
 *   validity masks are `subarray` views of the input (plain string arrays are
 *   sliced); a dictionary column keeps its dictionary and a UTF-8 column its
 *   byte buffer (so a split UTF-8 column's `offsets[0]` may be above 0).
 * - Merging copies into new arrays. String columns merge as UTF-8 bytes when
 *   any piece is a {@link Utf8Column} (the other pieces are encoded); else they
 *   stay dictionary-encoded when every piece is (one dictionary, merged when
 *   they differ); else they are decoded into a plain `(string | null)[]`.
 *   A validity mask (the batch's, or a UTF-8 column's own) present in only some
 *   pieces marks the rows of the others as present (1).
 * - An input batch that is exactly one output batch is returned as it is.
 *
 * @param targetRows rows per output batch, a whole number >= 1.
 * @throws RangeError when `targetRows` is not a whole number >= 1 or merged
 *   UTF-8 text would pass 2 GiB; Error when two batches of one table hold a
 *   column in different array types.
 *
 * @example
 * ```ts
 * const day = engine.assembleDay(dayNumber, chainStart, results, chainEnd).batches;
 * for (const batch of rebatch(day, sizer.rows())) await sink.write(batch);
 * // e.g. receipts 30,000 + 4,000 + 100 rows with targetRows 16,384 -> 16,384 + 16,384 + 1,332
 * ```
 */
export function rebatch(batches: readonly ColumnBatch[], targetRows: number, options: RebatchOptions = {}): ColumnBatch[] {
  if (!Number.isSafeInteger(targetRows) || targetRows < 1) throw new RangeError(`rebatch: targetRows must be a whole number >= 1, got ${targetRows}`);
  if (options.merge === false) return splitOnly(batches, targetRows);
  const byTable = new Map<string, ColumnBatch[]>();
  for (const batch of batches) {
    const group = byTable.get(batch.table.name);
    if (group === undefined) byTable.set(batch.table.name, [batch]);
    else group.push(batch);
  }
  const output: ColumnBatch[] = [];
  for (const group of byTable.values()) {
    let pieces: Piece[] = [];
    let pendingRows = 0;
    for (const batch of group) {
      let start = 0;
      while (start < batch.length) {
        const end = Math.min(batch.length, start + targetRows - pendingRows);
        pieces.push({ batch, start, end });
        pendingRows += end - start;
        start = end;
        if (pendingRows === targetRows) {
          output.push(assemble(pieces, pendingRows));
          pieces = [];
          pendingRows = 0;
        }
      }
    }
    if (pendingRows > 0) output.push(assemble(pieces, pendingRows));
  }
  return output;
}

/**
 * Options of {@link rebatch}.
 *
 * @example
 * ```ts
 * rebatch(day, 16_384, { merge: false }); // only cut batches above 16,384 rows
 * ```
 */
export interface RebatchOptions {
  /**
   * Merge consecutive small batches of a table (default true). False only
   * splits batches above the size, in place, copying nothing: for a sink
   * that packs rows itself (DuckDB's data chunks), where merging would only
   * copy.
   */
  readonly merge?: boolean;
}

/** Every batch in input order, those above `targetRows` cut into views of at most that many rows; empty ones dropped. */
function splitOnly(batches: readonly ColumnBatch[], targetRows: number): ColumnBatch[] {
  const output: ColumnBatch[] = [];
  for (const batch of batches) {
    if (batch.length <= targetRows) {
      if (batch.length > 0) output.push(batch);
      continue;
    }
    for (let start = 0; start < batch.length; start += targetRows) output.push(slice({ batch, start, end: Math.min(batch.length, start + targetRows) }));
  }
  return output;
}

function assemble(pieces: readonly Piece[], length: number): ColumnBatch {
  const first = pieces[0] as Piece;
  if (pieces.length === 1) {
    if (first.start === 0 && first.end === first.batch.length) return first.batch;
    return slice(first);
  }
  const table = first.batch.table;
  const columns: Record<string, ColumnData> = {};
  const validity: Record<string, Uint8Array> = {};
  for (const field of table.fields) {
    columns[field.name] = mergeColumn(field, pieces, length);
    const mask = mergeValidity(field.name, pieces, length);
    if (mask !== undefined) validity[field.name] = mask;
  }
  return createColumnBatch(table, length, columns, validity);
}

function slice(piece: Piece): ColumnBatch {
  const { batch, start, end } = piece;
  const columns: Record<string, ColumnData> = {};
  const validity: Record<string, Uint8Array> = {};
  for (const field of batch.table.fields) {
    const column = columnOf(piece, field);
    columns[field.name] = isTypedArray(column) ? column.subarray(start, end) : sliceStrings(column, start, end);
    const mask = batch.validity[field.name];
    if (mask !== undefined) validity[field.name] = mask.subarray(start, end);
  }
  return createColumnBatch(batch.table, end - start, columns, validity);
}

function sliceStrings(column: StringColumn, start: number, end: number): StringColumn {
  if (isPlain(column)) return column.slice(start, end);
  if (isDictionary(column)) return { kind: 'dictionary', dictionary: column.dictionary, codes: column.codes.subarray(start, end) };
  // Offsets index `bytes` absolutely, so a view of rows start..end keeps the whole byte buffer and
  // starts at offsets[start] (possibly above 0), as a sliced Arrow Utf8 vector does.
  const offsets = column.offsets.subarray(start, end + 1);
  return column.validity === undefined
    ? { kind: 'utf8', offsets, bytes: column.bytes }
    : { kind: 'utf8', offsets, bytes: column.bytes, validity: column.validity.subarray(start, end) };
}

function mergeColumn(field: FieldDefinition, pieces: readonly Piece[], length: number): ColumnData {
  const first = columnOf(pieces[0] as Piece, field);
  if (isTypedArray(first)) {
    const merged = new (first.constructor as Int32ArrayConstructor | Float64ArrayConstructor | Uint8ArrayConstructor)(length);
    let offset = 0;
    for (const piece of pieces) {
      const column = columnOf(piece, field);
      if (!isTypedArray(column) || column.constructor !== first.constructor) {
        throw new Error(`rebatch: ${piece.batch.table.name}.${field.name} is held as ${describeColumn(first)} in one batch and ${describeColumn(column)} in another`);
      }
      merged.set(column.subarray(piece.start, piece.end), offset);
      offset += piece.end - piece.start;
    }
    return merged;
  }
  const strings = pieces.map((piece) => {
    const column = columnOf(piece, field);
    if (isTypedArray(column)) throw new Error(`rebatch: ${piece.batch.table.name}.${field.name} is held as ${describeColumn(first)} in one batch and ${describeColumn(column)} in another`);
    return column;
  });
  if (strings.some(isUtf8)) return mergeUtf8(pieces, strings, length);
  const shared = sharedDictionary(strings);
  if (shared !== undefined) {
    const codes = new Int32Array(length);
    let offset = 0;
    pieces.forEach((piece, index) => {
      codes.set((strings[index] as DictionaryColumn).codes.subarray(piece.start, piece.end), offset);
      offset += piece.end - piece.start;
    });
    return { kind: 'dictionary', dictionary: shared, codes };
  }
  if (strings.every(isDictionary)) return mergeDictionaries(pieces, strings as readonly DictionaryColumn[], length);
  const values: (string | null)[] = [];
  pieces.forEach((piece, index) => {
    for (const value of plainValues(strings[index] as StringColumn, piece.start, piece.end)) values.push(value);
  });
  return values;
}

/**
 * Merges string pieces of which at least one is UTF-8 bytes into one
 * {@link Utf8Column}: UTF-8 pieces by copying their bytes, the others
 * (plain or dictionary) by encoding their values. Keeping the bytes spares the
 * sinks from turning them back into JS strings.
 */
function mergeUtf8(pieces: readonly Piece[], strings: readonly StringColumn[], length: number): Utf8Column {
  const segments = pieces.map((piece, index): { column: Utf8Column; start: number; end: number } => {
    const column = strings[index] as StringColumn;
    if (isUtf8(column)) return { column, start: piece.start, end: piece.end };
    return { column: utf8ColumnOf(plainValues(column, piece.start, piece.end)), start: 0, end: piece.end - piece.start };
  });
  let byteLength = 0;
  for (const { column, start, end } of segments) byteLength += (column.offsets[end] as number) - (column.offsets[start] as number);
  if (byteLength > maxUtf8Bytes) throw new RangeError(`rebatch: ${length} strings hold ${byteLength} bytes of text; a UTF-8 column holds at most ${maxUtf8Bytes}`);
  const offsets = new Int32Array(length + 1);
  const bytes = new Uint8Array(byteLength);
  const validity = segments.some(({ column }) => column.validity !== undefined) ? new Uint8Array(length) : undefined;
  let row = 0;
  let position = 0;
  for (const { column, start, end } of segments) {
    const base = column.offsets[start] as number;
    const limit = column.offsets[end] as number;
    bytes.set(column.bytes.subarray(base, limit), position);
    for (let index = start; index < end; index++) offsets[++row] = position + (column.offsets[index + 1] as number) - base;
    if (validity !== undefined) {
      if (column.validity === undefined) validity.fill(1, row - (end - start), row);
      else validity.set(column.validity.subarray(start, end), row - (end - start));
    }
    position += limit - base;
  }
  return validity === undefined ? { kind: 'utf8', offsets, bytes } : { kind: 'utf8', offsets, bytes, validity };
}

/**
 * Merges dictionary pieces with different dictionaries into one dictionary
 * column: entries are looked up once per dictionary (not per row), codes are
 * translated. Entries come in order of first appearance over the pieces'
 * dictionaries.
 */
function mergeDictionaries(pieces: readonly Piece[], columns: readonly DictionaryColumn[], length: number): DictionaryColumn {
  const dictionary: string[] = [];
  const codeOf = new Map<string, number>();
  const translations = new Map<readonly string[], Int32Array>();
  const codes = new Int32Array(length);
  let offset = 0;
  pieces.forEach((piece, index) => {
    const column = columns[index] as DictionaryColumn;
    let translation = translations.get(column.dictionary);
    if (translation === undefined) {
      translation = Int32Array.from(column.dictionary, (entry) => {
        let code = codeOf.get(entry);
        if (code === undefined) {
          code = dictionary.length;
          dictionary.push(entry);
          codeOf.set(entry, code);
        }
        return code;
      });
      translations.set(column.dictionary, translation);
    }
    for (let row = piece.start; row < piece.end; row++) {
      const code = column.codes[row] as number;
      codes[offset++] = code < 0 ? -1 : (translation[code] as number);
    }
  });
  return { kind: 'dictionary', dictionary, codes };
}

/** Rows `start..end` of a plain or dictionary string column as plain values. */
function plainValues(column: StringColumn, start: number, end: number): (string | null)[] {
  if (isPlain(column)) return Array.from({ length: end - start }, (_, index) => column[start + index] ?? null);
  return Array.from({ length: end - start }, (_, index) => stringAt(column, start + index));
}

/** The dictionary every column uses, when all are dictionary columns over the same array. */
function sharedDictionary(columns: readonly StringColumn[]): readonly string[] | undefined {
  const first = columns[0];
  if (first === undefined || !isDictionary(first)) return undefined;
  return columns.every((column) => isDictionary(column) && column.dictionary === first.dictionary) ? first.dictionary : undefined;
}

function mergeValidity(field: string, pieces: readonly Piece[], length: number): Uint8Array | undefined {
  if (!pieces.some((piece) => piece.batch.validity[field] !== undefined)) return undefined;
  const merged = new Uint8Array(length);
  let offset = 0;
  for (const piece of pieces) {
    const mask = piece.batch.validity[field];
    const rows = piece.end - piece.start;
    if (mask === undefined) merged.fill(1, offset, offset + rows);
    else merged.set(mask.subarray(piece.start, piece.end), offset);
    offset += rows;
  }
  return merged;
}

function columnOf(piece: Piece, field: FieldDefinition): ColumnData {
  const column = piece.batch.columns[field.name];
  if (column === undefined) throw new Error(`rebatch: a batch of ${piece.batch.table.name} lacks field ${field.name}`);
  return column;
}

function isTypedArray(column: ColumnData): column is Int32Array | Float64Array | Uint8Array {
  return ArrayBuffer.isView(column);
}

function isPlain(column: StringColumn): column is readonly (string | null)[] {
  return Array.isArray(column);
}

function isDictionary(column: StringColumn): column is DictionaryColumn {
  return !isPlain(column) && column.kind === 'dictionary';
}

function isUtf8(column: StringColumn): column is Utf8Column {
  return !isPlain(column) && column.kind === 'utf8';
}

function describeColumn(column: ColumnData): string {
  if (isTypedArray(column)) return column.constructor.name;
  return isPlain(column) ? 'a plain string column' : `a ${column.kind} string column`;
}
