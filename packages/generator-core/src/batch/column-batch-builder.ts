import type { TableDefinition } from '@retail-datagen/models';
import { createColumnBatch, type ColumnBatch, type ColumnData } from './column-batch.js';

type NumericArray = Int32Array | Float64Array | Uint8Array;

/**
 * Appends rows column by column into growable typed arrays, then hands out a
 * {@link ColumnBatch}. No object per row: callers push each field's value.
 * String fields are dictionary-encoded as they are pushed.
 *
 * @example
 * ```ts
 * const builder = new ColumnBatchBuilder(factStoreOps);
 * builder.pushNumber('EventTS', Date.UTC(2024, 0, 1, 8));
 * builder.pushNumber('StoreID', 17);
 * builder.pushString('OperationType', 'OPEN');
 * builder.endRow();
 * const batch = builder.finish();
 * ```
 */
export class ColumnBatchBuilder {
  readonly table: TableDefinition;
  private capacity: number;
  private rows = 0;
  private readonly numeric = new Map<string, NumericArray>();
  /** Each string field's column being built: one lookup per push. */
  private readonly strings = new Map<string, StringColumnState>();
  private readonly validity = new Map<string, Uint8Array>();

  constructor(table: TableDefinition, initialCapacity = 1024) {
    this.table = table;
    this.capacity = Math.max(16, initialCapacity);
    for (const field of table.fields) {
      if (field.type === 'string') {
        this.strings.set(field.name, { codes: new Int32Array(this.capacity), dictionary: emptyDictionary(), plain: undefined });
      } else {
        this.numeric.set(field.name, allocate(field.type, this.capacity));
      }
      if (field.nullable) this.validity.set(field.name, new Uint8Array(this.capacity).fill(1));
    }
  }

  /** Rows completed so far. */
  get length(): number {
    return this.rows;
  }

  /** Sets a numeric, boolean (0/1), date (days) or timestamp (ms) field of the current row. */
  pushNumber(field: string, value: number): void {
    const column = this.numeric.get(field);
    if (!column) throw new Error(`${this.table.name} has no numeric field ${field}`);
    column[this.rows] = value;
  }

  /** Sets a string field of the current row; NULL when `value` is null. */
  pushString(field: string, value: string | null): void {
    const state = this.strings.get(field);
    if (state === undefined) throw new Error(`${this.table.name} has no string field ${field}`);
    if (state.plain !== undefined) {
      state.plain[this.rows] = value;
      return;
    }
    const { codes, dictionary } = state;
    if (value === null) {
      codes[this.rows] = -1;
      return;
    }
    // Most pushes repeat the field's previous value (a type, a status, a zone): no hash lookup then.
    if (value === dictionary.last) {
      codes[this.rows] = dictionary.lastCode;
      return;
    }
    let code = dictionary.index.get(value);
    if (code === undefined) {
      code = dictionary.values.length;
      dictionary.values.push(value);
      dictionary.index.set(value, code);
      if (code >= plainAfterDistinct && code * 2 > this.rows) {
        codes[this.rows] = code;
        this.makePlain(state);
        return;
      }
    }
    dictionary.last = value;
    dictionary.lastCode = code;
    codes[this.rows] = code;
  }

  /** A column of mostly distinct values (ids) stops paying for a dictionary: it becomes a plain array. */
  private makePlain(state: StringColumnState): void {
    const { codes, dictionary } = state;
    const plain: (string | null)[] = new Array<string | null>(this.rows + 1);
    for (let row = 0; row <= this.rows; row++) {
      const code = codes[row] as number;
      plain[row] = code < 0 ? null : (dictionary.values[code] as string);
    }
    state.plain = plain;
  }

  /** Marks a nullable non-string field of the current row as NULL. */
  pushNull(field: string): void {
    const mask = this.validity.get(field);
    if (!mask) throw new Error(`${this.table.name}: field ${field} is not nullable`);
    mask[this.rows] = 0;
    const state = this.strings.get(field);
    if (state?.plain !== undefined) state.plain[this.rows] = null;
    else if (state !== undefined) state.codes[this.rows] = -1;
  }

  /** Completes the current row. */
  endRow(): void {
    this.rows++;
    if (this.rows === this.capacity) this.grow();
  }

  /** The rows so far as a batch; the builder starts empty again. */
  finish(): ColumnBatch {
    const length = this.rows;
    const columns: Record<string, ColumnData> = {};
    const validity: Record<string, Uint8Array> = {};
    for (const [name, column] of this.numeric) columns[name] = column.slice(0, length);
    for (const [name, { codes, dictionary, plain }] of this.strings) {
      if (plain === undefined) columns[name] = { kind: 'dictionary', dictionary: dictionary.values, codes: codes.slice(0, length) };
      else columns[name] = plain.length === length ? plain : plain.slice(0, length);
    }
    for (const [name, mask] of this.validity) {
      if (!this.strings.has(name)) validity[name] = mask.slice(0, length);
    }
    this.reset();
    return createColumnBatch(this.table, length, columns, validity);
  }

  private reset(): void {
    this.rows = 0;
    // The finished batch keeps the old dictionaries and arrays; start new ones (a plain field stays plain).
    for (const state of this.strings.values()) {
      if (state.plain === undefined) state.dictionary = emptyDictionary();
      else state.plain = [];
    }
    for (const mask of this.validity.values()) mask.fill(1);
  }

  private grow(): void {
    const capacity = this.capacity * 2;
    for (const [name, column] of this.numeric) {
      const grown = new (column.constructor as new (size: number) => NumericArray)(capacity);
      grown.set(column);
      this.numeric.set(name, grown);
    }
    for (const state of this.strings.values()) {
      if (state.plain !== undefined) continue;
      const grown = new Int32Array(capacity);
      grown.set(state.codes);
      state.codes = grown;
    }
    for (const [name, mask] of this.validity) {
      const grown = new Uint8Array(capacity).fill(1);
      grown.set(mask);
      this.validity.set(name, grown);
    }
    this.capacity = capacity;
  }
}

/** A string field while it is built: dictionary codes, or a plain array once its values turn out mostly distinct. */
interface StringColumnState {
  codes: Int32Array;
  dictionary: Dictionary;
  plain: (string | null)[] | undefined;
}

/** A string column's dictionary while it is built, with the last value pushed. */
interface Dictionary {
  values: string[];
  index: Map<string, number>;
  last: string | undefined;
  lastCode: number;
}

function emptyDictionary(): Dictionary {
  return { values: [], index: new Map(), last: undefined, lastCode: -1 };
}

/** Distinct values a string column reaches before it may turn plain (when most of its rows are distinct). */
const plainAfterDistinct = 256;

function allocate(type: string, capacity: number): NumericArray {
  switch (type) {
    case 'int32':
    case 'date':
      return new Int32Array(capacity);
    case 'boolean':
      return new Uint8Array(capacity);
    default:
      return new Float64Array(capacity);
  }
}
