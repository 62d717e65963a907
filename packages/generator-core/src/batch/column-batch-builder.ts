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
  private readonly codes = new Map<string, Int32Array>();
  private readonly dictionaries = new Map<string, Dictionary>();
  private readonly validity = new Map<string, Uint8Array>();
  /** String fields whose values are mostly distinct (ids): held as plain arrays, not dictionaries. */
  private readonly plain = new Map<string, (string | null)[]>();

  constructor(table: TableDefinition, initialCapacity = 1024) {
    this.table = table;
    this.capacity = Math.max(16, initialCapacity);
    for (const field of table.fields) {
      if (field.type === 'string') {
        this.codes.set(field.name, new Int32Array(this.capacity));
        this.dictionaries.set(field.name, emptyDictionary());
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
    const plain = this.plain.get(field);
    if (plain) {
      plain[this.rows] = value;
      return;
    }
    const codes = this.codes.get(field);
    const dictionary = this.dictionaries.get(field);
    if (!codes || !dictionary) throw new Error(`${this.table.name} has no string field ${field}`);
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
        this.makePlain(field, codes, dictionary.values);
        return;
      }
    }
    dictionary.last = value;
    dictionary.lastCode = code;
    codes[this.rows] = code;
  }

  /** A column of mostly distinct values (ids) stops paying for a dictionary: it becomes a plain array. */
  private makePlain(field: string, codes: Int32Array, values: readonly string[]): void {
    const plain: (string | null)[] = new Array<string | null>(this.rows + 1);
    for (let row = 0; row <= this.rows; row++) {
      const code = codes[row] as number;
      plain[row] = code < 0 ? null : (values[code] as string);
    }
    this.plain.set(field, plain);
    this.codes.delete(field);
    this.dictionaries.delete(field);
  }

  /** Marks a nullable non-string field of the current row as NULL. */
  pushNull(field: string): void {
    const mask = this.validity.get(field);
    if (!mask) throw new Error(`${this.table.name}: field ${field} is not nullable`);
    mask[this.rows] = 0;
    if (this.codes.has(field)) (this.codes.get(field) as Int32Array)[this.rows] = -1;
    if (this.plain.has(field)) (this.plain.get(field) as (string | null)[])[this.rows] = null;
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
    for (const [name, codes] of this.codes) {
      const dictionary = this.dictionaries.get(name) as { values: string[] };
      columns[name] = { kind: 'dictionary', dictionary: dictionary.values, codes: codes.slice(0, length) };
    }
    for (const [name, values] of this.plain) {
      columns[name] = values.length === length ? values : values.slice(0, length);
    }
    for (const [name, mask] of this.validity) {
      if (!this.codes.has(name) && !this.plain.has(name)) validity[name] = mask.slice(0, length);
    }
    this.reset();
    return createColumnBatch(this.table, length, columns, validity);
  }

  private reset(): void {
    this.rows = 0;
    // The finished batch keeps the old dictionaries; start new ones.
    for (const name of this.dictionaries.keys()) this.dictionaries.set(name, emptyDictionary());
    for (const name of this.plain.keys()) this.plain.set(name, []);
    for (const mask of this.validity.values()) mask.fill(1);
  }

  private grow(): void {
    const capacity = this.capacity * 2;
    for (const [name, column] of this.numeric) {
      const grown = new (column.constructor as new (size: number) => NumericArray)(capacity);
      grown.set(column);
      this.numeric.set(name, grown);
    }
    for (const [name, codes] of this.codes) {
      const grown = new Int32Array(capacity);
      grown.set(codes);
      this.codes.set(name, grown);
    }
    for (const [name, mask] of this.validity) {
      const grown = new Uint8Array(capacity).fill(1);
      grown.set(mask);
      this.validity.set(name, grown);
    }
    this.capacity = capacity;
  }
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
