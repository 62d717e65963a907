/**
 * A typed slot in the world that one package provides and others read, e.g.
 * the inventory ledger. Keys are compared by identity, so two packages agree
 * on a point by importing the same constant from generator-core.
 *
 * @example
 * ```ts
 * export const inventoryLedgerPoint = defineCompositionPoint<InventoryLedger>('inventory-ledger');
 * ```
 */
export interface CompositionPoint<T> {
  readonly name: string;
  /** Phantom field carrying the type; never set. */
  readonly __type?: T;
}

export function defineCompositionPoint<T>(name: string): CompositionPoint<T> {
  return Object.freeze({ name });
}

/**
 * Where provided composition points live for one run (or one unit of work).
 */
export class CompositionSlots {
  private readonly values = new Map<CompositionPoint<unknown>, { value: unknown; provider: string }>();
  private readonly parent: CompositionSlots | undefined;

  constructor(parent?: CompositionSlots) {
    this.parent = parent;
  }

  /** Slots for one unit of work: they see the run's points and may add their own. */
  child(): CompositionSlots {
    return new CompositionSlots(this);
  }

  provide<T>(point: CompositionPoint<T>, value: T, provider: string): void {
    const existing = this.values.get(point as CompositionPoint<unknown>) ?? this.parent?.entry(point);
    if (existing) throw new Error(`composition point ${point.name} is provided by both ${existing.provider} and ${provider}`);
    this.values.set(point as CompositionPoint<unknown>, { value, provider });
  }

  get<T>(point: CompositionPoint<T>, reader: string): T {
    const entry = this.entry(point);
    if (!entry) throw new Error(`generator ${reader} reads composition point ${point.name}, but no registered generator provides it`);
    return entry.value as T;
  }

  find<T>(point: CompositionPoint<T>): T | undefined {
    return this.entry(point)?.value as T | undefined;
  }

  private entry<T>(point: CompositionPoint<T>): { value: unknown; provider: string } | undefined {
    return this.values.get(point as CompositionPoint<unknown>) ?? this.parent?.entry(point);
  }
}
