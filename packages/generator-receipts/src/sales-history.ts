/**
 * A store's recent sales that later returns may reference: a bounded ring of
 * sale headers and a ring of their lines, as two flat Int32Arrays (structured
 * clone data: it crosses worker threads and goes into checkpoints).
 *
 * Header fields (stride {@link saleStride}): day number, second of day,
 * sequence within the store-day, customer id (-1 anonymous), trip type,
 * tender, absolute index of the first line, line count.
 * Line fields (stride {@link lineStride}): product index, quantity sold,
 * quantity returned so far, unit price, line discount, line tax (cents),
 * promotion index (-1 none).
 *
 * A sale whose lines were overwritten by newer ones is no longer returnable.
 */
export interface SalesHistory {
  readonly sales: Int32Array;
  readonly lines: Int32Array;
  /** Sales recorded since the run started (the ring holds the last `capacity`). */
  salesWritten: number;
  /** Lines recorded since the run started. */
  linesWritten: number;
}

export const saleStride = 8;
export const saleField = { day: 0, second: 1, sequence: 2, customer: 3, trip: 4, tender: 5, lineStart: 6, lineCount: 7 } as const;
export const lineStride = 7;
export const lineField = { product: 0, quantity: 1, returned: 2, unitPrice: 3, discount: 4, tax: 5, promotion: 6 } as const;

/**
 * An empty history holding up to `saleCapacity` sales and `lineCapacity` lines.
 *
 * @example
 * ```ts
 * const history = createSalesHistory(200, 3200);
 * saleCount(history); // 0
 * ```
 */
export function createSalesHistory(saleCapacity: number, lineCapacity: number): SalesHistory {
  return { sales: new Int32Array(saleCapacity * saleStride), lines: new Int32Array(lineCapacity * lineStride), salesWritten: 0, linesWritten: 0 };
}

export function saleCapacityOf(history: SalesHistory): number {
  return history.sales.length / saleStride;
}

export function lineCapacityOf(history: SalesHistory): number {
  return history.lines.length / lineStride;
}

/** Sales currently in the ring (some may have lost their lines). */
export function saleCount(history: SalesHistory): number {
  return Math.min(history.salesWritten, saleCapacityOf(history));
}

/**
 * Offset into `history.sales` of the `recent`-th most recent sale (0 = the
 * latest), or -1 when that sale is gone or its lines were overwritten.
 */
export function saleOffset(history: SalesHistory, recent: number): number {
  if (recent < 0 || recent >= saleCount(history)) return -1;
  const capacity = saleCapacityOf(history);
  const offset = ((history.salesWritten - 1 - recent) % capacity) * saleStride;
  const lineStart = history.sales[offset + saleField.lineStart] as number;
  if (history.linesWritten - lineStart > lineCapacityOf(history)) return -1;
  return offset;
}

/** Offset into `history.lines` of a line given its absolute index. */
export function lineOffset(history: SalesHistory, absoluteLine: number): number {
  return (absoluteLine % lineCapacityOf(history)) * lineStride;
}

/**
 * Appends a sale header; its `lineCount` lines must be appended next with
 * {@link appendLine}. Returns false (and records nothing) when the sale has
 * more lines than the whole ring holds.
 */
export function appendSale(
  history: SalesHistory,
  dayNumber: number,
  secondOfDay: number,
  sequence: number,
  customerId: number,
  trip: number,
  tender: number,
  lineCount: number,
): boolean {
  if (lineCount > lineCapacityOf(history) || saleCapacityOf(history) === 0) return false;
  const offset = (history.salesWritten % saleCapacityOf(history)) * saleStride;
  const sales = history.sales;
  sales[offset + saleField.day] = dayNumber;
  sales[offset + saleField.second] = secondOfDay;
  sales[offset + saleField.sequence] = sequence;
  sales[offset + saleField.customer] = customerId;
  sales[offset + saleField.trip] = trip;
  sales[offset + saleField.tender] = tender;
  sales[offset + saleField.lineStart] = history.linesWritten;
  sales[offset + saleField.lineCount] = lineCount;
  history.salesWritten++;
  return true;
}

/** Appends one line of the sale appended last. */
export function appendLine(
  history: SalesHistory,
  productIndex: number,
  quantity: number,
  unitPrice: number,
  discount: number,
  tax: number,
  promotion: number,
): void {
  const offset = lineOffset(history, history.linesWritten);
  const lines = history.lines;
  lines[offset + lineField.product] = productIndex;
  lines[offset + lineField.quantity] = quantity;
  lines[offset + lineField.returned] = 0;
  lines[offset + lineField.unitPrice] = unitPrice;
  lines[offset + lineField.discount] = discount;
  lines[offset + lineField.tax] = tax;
  lines[offset + lineField.promotion] = promotion;
  history.linesWritten++;
}
