import type { TableDefinition } from '@retail-datagen/models';
import { createColumnBatch, type ColumnBatch, type ColumnData } from './column-batch.js';

type NumericArray = Int32Array | Float64Array | Uint8Array;

/**
 * Writes one numeric, boolean (0/1), date (days) or timestamp (ms) field of
 * a builder's current row; from {@link ColumnBatchBuilder.numbers}. Get it
 * once and keep it: `set` is the cheapest way to fill a field, with no
 * lookup by name.
 */
export interface NumberColumnWriter {
  /** Sets the field of the current row. */
  set(value: number): void;
  /** Marks the field of the current row NULL (nullable fields only). */
  setNull(): void;
}

/** Writes one string field of a builder's current row; from {@link ColumnBatchBuilder.strings}. */
export interface StringColumnWriter {
  /** Sets the field of the current row; NULL when `value` is null. */
  set(value: string | null): void;
}

/** The row being written, shared by a builder and its column writers. */
interface RowCursor {
  row: number;
}

/**
 * Appends rows column by column into growable typed arrays, then hands out a
 * {@link ColumnBatch}. No object per row: callers set each field's value,
 * through a column writer ({@link numbers}, {@link strings}: no lookup per
 * value, for rows written by the million) or by field name
 * ({@link pushNumber}, {@link pushString}). String fields are
 * dictionary-encoded as they are set.
 *
 * @example
 * ```ts
 * const builder = new ColumnBatchBuilder(factStoreOps);
 * builder.pushNumber('EventTS', Date.UTC(2024, 0, 1, 8));
 * builder.pushNumber('StoreID', 17);
 * builder.pushString('OperationType', 'OPEN');
 * builder.endRow();
 *
 * const eventTs = builder.numbers('EventTS'); // once, then per row:
 * eventTs.set(Date.UTC(2024, 0, 1, 22));
 * builder.pushNumber('StoreID', 17);
 * builder.strings('OperationType').set('CLOSE');
 * builder.endRow();
 * const batch = builder.finish();
 * ```
 */
export class ColumnBatchBuilder {
  readonly table: TableDefinition;
  private capacity: number;
  private readonly cursor: RowCursor = { row: 0 };
  private readonly numberColumns = new Map<string, NumericColumn>();
  private readonly stringColumns = new Map<string, StringColumn>();
  private readonly picked = new Map<(builder: ColumnBatchBuilder) => unknown, unknown>();

  /** `initialCapacity`: rows to allocate for at first (the arrays double when full). */
  constructor(table: TableDefinition, initialCapacity = 1024) {
    this.table = table;
    this.capacity = Math.max(16, initialCapacity);
    for (const field of table.fields) {
      if (field.type === 'string') {
        this.stringColumns.set(field.name, new StringColumn(this.cursor, new Int32Array(this.capacity), field.nullable === true));
      } else {
        const validity = field.nullable ? new Uint8Array(this.capacity).fill(1) : undefined;
        this.numberColumns.set(field.name, numericColumn(field.type, this.cursor, this.capacity, validity, `${table.name}.${field.name}`));
      }
    }
  }

  /** Rows completed so far. */
  get length(): number {
    return this.cursor.row;
  }

  /**
   * The writer of a numeric, boolean, date or timestamp field; throws for
   * another field. The same writer serves every row and every batch of this
   * builder.
   */
  numbers(field: string): NumberColumnWriter {
    const column = this.numberColumns.get(field);
    if (!column) throw new Error(`${this.table.name} has no numeric field ${field}`);
    return column;
  }

  /** The writer of a string field; throws for another field. The same writer serves every row and every batch. */
  strings(field: string): StringColumnWriter {
    const column = this.stringColumns.get(field);
    if (column === undefined) throw new Error(`${this.table.name} has no string field ${field}`);
    return column;
  }

  /**
   * The column writers `pick` chooses from this builder, picked once per
   * builder and `pick` (a module-level function): how a writer of millions
   * of rows keeps its writers with the builder it was handed.
   *
   * @example
   * ```ts
   * const lineColumns = (builder: ColumnBatchBuilder) => ({ receiptId: builder.strings('ReceiptId'), quantity: builder.numbers('Quantity') });
   * const columns = builder.writers(lineColumns); // the same object for every call with this builder
   * columns.receiptId.set('R00017-20241129-00042');
   * columns.quantity.set(2);
   * builder.endRow();
   * ```
   */
  writers<T>(pick: (builder: ColumnBatchBuilder) => T): T {
    let picked = this.picked.get(pick) as T | undefined;
    if (picked === undefined) {
      picked = pick(this);
      this.picked.set(pick, picked);
    }
    return picked;
  }

  /** Sets a numeric, boolean (0/1), date (days) or timestamp (ms) field of the current row. */
  pushNumber(field: string, value: number): void {
    this.numbers(field).set(value);
  }

  /** Sets a string field of the current row; NULL when `value` is null. */
  pushString(field: string, value: string | null): void {
    this.strings(field).set(value);
  }

  /** Marks a nullable field of the current row as NULL. */
  pushNull(field: string): void {
    const numeric = this.numberColumns.get(field);
    const string = this.stringColumns.get(field);
    if (numeric?.validity !== undefined) numeric.setNull();
    else if (string?.nullable) string.setNull();
    else throw new Error(`${this.table.name}: field ${field} is not nullable`);
  }

  /** Completes the current row. */
  endRow(): void {
    this.cursor.row++;
    if (this.cursor.row === this.capacity) this.grow();
  }

  /** The rows so far as a batch; the builder starts empty again. */
  finish(): ColumnBatch {
    const length = this.cursor.row;
    const columns: Record<string, ColumnData> = {};
    const validity: Record<string, Uint8Array> = {};
    for (const [name, column] of this.numberColumns) {
      columns[name] = column.values.slice(0, length);
      if (column.validity !== undefined) validity[name] = column.validity.slice(0, length);
    }
    for (const [name, column] of this.stringColumns) columns[name] = column.take(length);
    this.reset();
    return createColumnBatch(this.table, length, columns, validity);
  }

  private reset(): void {
    this.cursor.row = 0;
    for (const column of this.numberColumns.values()) column.validity?.fill(1);
  }

  private grow(): void {
    const capacity = this.capacity * 2;
    for (const column of this.numberColumns.values()) column.grow(capacity);
    for (const column of this.stringColumns.values()) column.grow(capacity);
    this.capacity = capacity;
  }
}

/** A numeric field while it is built: its values, and a validity mask (0 = NULL) when nullable. */
class NumericColumn implements NumberColumnWriter {
  constructor(
    private readonly cursor: RowCursor,
    public values: NumericArray,
    public validity: Uint8Array | undefined,
    private readonly name: string,
  ) {}

  set(value: number): void {
    this.values[this.cursor.row] = value;
  }

  setNull(): void {
    if (this.validity === undefined) throw new Error(`${this.name} is not nullable`);
    this.validity[this.cursor.row] = 0;
  }

  grow(capacity: number): void {
    const grown = new (this.values.constructor as new (size: number) => NumericArray)(capacity);
    grown.set(this.values);
    this.values = grown;
    if (this.validity !== undefined) {
      const mask = new Uint8Array(capacity).fill(1);
      mask.set(this.validity);
      this.validity = mask;
    }
  }
}

function numericColumn(type: string, cursor: RowCursor, capacity: number, validity: Uint8Array | undefined, name: string): NumericColumn {
  switch (type) {
    case 'int32':
    case 'date':
      return new NumericColumn(cursor, new Int32Array(capacity), validity, name);
    case 'boolean':
      return new NumericColumn(cursor, new Uint8Array(capacity), validity, name);
    default:
      return new NumericColumn(cursor, new Float64Array(capacity), validity, name);
  }
}

/**
 * A string field while it is built: dictionary codes (-1 = NULL), or a plain
 * array (null = NULL) once its values turn out mostly distinct (ids).
 */
class StringColumn implements StringColumnWriter {
  private dictionary: Dictionary = emptyDictionary();
  private plain: (string | null)[] | undefined;

  constructor(
    private readonly cursor: RowCursor,
    private codes: Int32Array,
    readonly nullable: boolean,
  ) {}

  set(value: string | null): void {
    const row = this.cursor.row;
    if (this.plain !== undefined) {
      this.plain[row] = value;
      return;
    }
    if (value === null) {
      this.codes[row] = -1;
      return;
    }
    const dictionary = this.dictionary;
    // Most values repeat the field's previous one (a type, a status, a zone; a receipt id on its lines): no hash lookup then.
    if (value === dictionary.last) {
      this.codes[row] = dictionary.lastCode;
      return;
    }
    let code = dictionary.index.get(value);
    if (code === undefined) {
      code = dictionary.values.length;
      dictionary.values.push(value);
      dictionary.index.set(value, code);
      if (code >= plainAfterDistinct && code * 2 > row) {
        this.codes[row] = code;
        this.makePlain(row);
        return;
      }
    }
    dictionary.last = value;
    dictionary.lastCode = code;
    this.codes[row] = code;
  }

  setNull(): void {
    if (this.plain !== undefined) this.plain[this.cursor.row] = null;
    else this.codes[this.cursor.row] = -1;
  }

  /** A column of mostly distinct values (ids) stops paying for a dictionary: it becomes a plain array. */
  private makePlain(lastRow: number): void {
    const { codes, dictionary } = this;
    const plain: (string | null)[] = new Array<string | null>(lastRow + 1);
    for (let row = 0; row <= lastRow; row++) {
      const code = codes[row] as number;
      plain[row] = code < 0 ? null : (dictionary.values[code] as string);
    }
    this.plain = plain;
  }

  /** The first `length` rows as a column; the next batch starts a new dictionary (a plain field stays plain). */
  take(length: number): ColumnData {
    const { plain } = this;
    if (plain !== undefined) {
      this.plain = [];
      return plain.length === length ? plain : plain.slice(0, length);
    }
    const column: ColumnData = { kind: 'dictionary', dictionary: this.dictionary.values, codes: this.codes.slice(0, length) };
    this.dictionary = emptyDictionary();
    return column;
  }

  grow(capacity: number): void {
    if (this.plain !== undefined) return;
    const grown = new Int32Array(capacity);
    grown.set(this.codes);
    this.codes = grown;
  }
}

/** A string column's dictionary while it is built, with the last value set. */
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
