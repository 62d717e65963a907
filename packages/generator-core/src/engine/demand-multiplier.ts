/** What a demand contribution is asked about: one store in one hour of one day. */
export interface DemandInput {
  /** Index of the store in dim_stores order (0-based). */
  storeIndex: number;
  dayNumber: number;
  hour: number;
}

/** A factor for one product category on one day (1 = no change). */
export type CategoryDemandContribution = (dayNumber: number, category: string) => number;
/** A traffic factor for a store-hour (1 = no change). */
export type DemandContribution = (input: DemandInput) => number;

/**
 * The demand composition point: several packages contribute factors
 * (seasonal curves, marketing campaigns, store profiles) and receipts
 * multiplies them. Contributions are applied in registration order, which is
 * the registry's dependency order, so the product is deterministic.
 *
 * @example
 * ```ts
 * demand.contribute('seasonal', ({ dayNumber }) => (isWeekend(dayNumber) ? 1.3 : 1));
 * demand.contributeCategory('marketing', (dayNumber, category) => (category === 'Grilling' ? 1.5 : 1));
 * demand.multiplier({ storeIndex: 0, dayNumber, hour: 12 }); // 1.3 on a weekend
 * ```
 */
export class DemandMultiplier {
  private readonly contributions: { id: string; contribution: DemandContribution }[] = [];
  private readonly categoryContributions: { id: string; contribution: CategoryDemandContribution }[] = [];
  private readonly closures: { id: string; closed: (storeIndex: number, dayNumber: number) => boolean }[] = [];

  contribute(id: string, contribution: DemandContribution): void {
    this.contributions.push({ id, contribution });
  }

  contributeCategory(id: string, contribution: CategoryDemandContribution): void {
    this.categoryContributions.push({ id, contribution });
  }

  /** Declares days a store does not open at all (e.g. Christmas Day). */
  contributeClosure(id: string, closed: (storeIndex: number, dayNumber: number) => boolean): void {
    this.closures.push({ id, closed });
  }

  /** True when any contribution closes the store for the whole day. */
  isClosed(storeIndex: number, dayNumber: number): boolean {
    for (const { closed } of this.closures) if (closed(storeIndex, dayNumber)) return true;
    return false;
  }

  /** Product of every traffic contribution for a store-hour. */
  multiplier(input: DemandInput): number {
    let product = 1;
    for (const { contribution } of this.contributions) product *= contribution(input);
    return product;
  }

  /** Product of every category contribution for a day. */
  categoryMultiplier(dayNumber: number, category: string): number {
    let product = 1;
    for (const { contribution } of this.categoryContributions) product *= contribution(dayNumber, category);
    return product;
  }

  /** Ids of the packages that contributed, in order. */
  contributors(): string[] {
    return [...new Set([...this.contributions, ...this.categoryContributions, ...this.closures].map((entry) => entry.id))];
  }
}
