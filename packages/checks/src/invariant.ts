/**
 * One rule a generated database must satisfy, written as SQL that selects
 * the rows breaking it: an empty result means the rule holds. The selected
 * columns identify each offending row, so a report can show examples.
 *
 * @example
 * ```ts
 * const lineExtPrice: Invariant = {
 *   id: 'line-ext-price',
 *   description: 'fact_receipt_lines: ext_price = quantity x unit_price',
 *   tables: ['fact_receipt_lines'],
 *   violations: 'SELECT receipt_id_ext, line_num FROM fact_receipt_lines WHERE ext_price <> quantity * unit_price',
 * };
 * ```
 */
export interface Invariant {
  /** Stable kebab-case id, e.g. `receipt-total`. */
  readonly id: string;
  /** The rule in one line, as a report shows it. */
  readonly description: string;
  /** Physical tables the query reads; the invariant is skipped when one is missing. */
  readonly tables: readonly string[];
  /** SQL selecting one row per violation. Built only from table definitions, never from user input. */
  readonly violations: string;
}

/** The outcome of one invariant on one database. */
export interface InvariantResult {
  readonly id: string;
  readonly description: string;
  readonly status: 'passed' | 'failed' | 'skipped';
  /** Rows breaking the rule (0 unless failed). */
  readonly violations: number;
  /** Up to `exampleLimit` offending rows, values as text. */
  readonly examples: readonly Readonly<Record<string, string | null>>[];
  /** Why it was skipped, e.g. `missing table fact_receipts`. */
  readonly reason?: string;
}
