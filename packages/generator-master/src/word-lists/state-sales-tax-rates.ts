/** A state's sales tax: the state rate and the most a city or county typically adds. */
export interface StateSalesTax {
  /** State rate as a fraction, e.g. 0.0725. */
  readonly stateRate: number;
  /** Largest typical local add-on as a fraction; 0 where local sales taxes are not levied. */
  readonly maximumLocalRate: number;
}

type TaxRow = readonly [state: string, stateRate: number, maximumLocalRate: number];

// Approximate 2024 rates; plausible, not authoritative.
const rows: readonly TaxRow[] = [
  ['AL', 0.04, 0.05],
  ['AR', 0.065, 0.035],
  ['AZ', 0.056, 0.03],
  ['CA', 0.0725, 0.0275],
  ['CO', 0.029, 0.05],
  ['CT', 0.0635, 0],
  ['DC', 0.06, 0],
  ['DE', 0, 0],
  ['FL', 0.06, 0.015],
  ['GA', 0.04, 0.04],
  ['IA', 0.06, 0.01],
  ['ID', 0.06, 0.005],
  ['IL', 0.0625, 0.0375],
  ['IN', 0.07, 0],
  ['KS', 0.065, 0.0325],
  ['KY', 0.06, 0],
  ['LA', 0.0445, 0.055],
  ['MA', 0.0625, 0],
  ['MD', 0.06, 0],
  ['ME', 0.055, 0],
  ['MI', 0.06, 0],
  ['MN', 0.06875, 0.02],
  ['MO', 0.04225, 0.05],
  ['MS', 0.07, 0.01],
  ['MT', 0, 0],
  ['NC', 0.0475, 0.0275],
  ['ND', 0.05, 0.0275],
  ['NE', 0.055, 0.02],
  ['NH', 0, 0],
  ['NJ', 0.06625, 0],
  ['NM', 0.04875, 0.0375],
  ['NV', 0.0685, 0.0153],
  ['NY', 0.04, 0.04875],
  ['OH', 0.0575, 0.0225],
  ['OK', 0.045, 0.045],
  ['OR', 0, 0],
  ['PA', 0.06, 0.02],
  ['RI', 0.07, 0],
  ['SC', 0.06, 0.03],
  ['SD', 0.042, 0.02],
  ['TN', 0.07, 0.0275],
  ['TX', 0.0625, 0.02],
  ['UT', 0.061, 0.0235],
  ['VA', 0.053, 0.007],
  ['VT', 0.06, 0.01],
  ['WA', 0.065, 0.04],
  ['WI', 0.05, 0.0075],
  ['WV', 0.06, 0.01],
  ['WY', 0.04, 0.02],
];

/**
 * Sales tax of every state the city list uses (and DC). Delaware, Montana,
 * New Hampshire and Oregon levy none.
 *
 * @example
 * ```ts
 * stateSalesTaxes.get('CA'); // { stateRate: 0.0725, maximumLocalRate: 0.0275 }
 * ```
 */
export const stateSalesTaxes: ReadonlyMap<string, StateSalesTax> = new Map(
  rows.map(([state, stateRate, maximumLocalRate]) => [state, { stateRate, maximumLocalRate }]),
);

/** Used for a state missing from the table. */
export const fallbackSalesTax: StateSalesTax = { stateRate: 0.06, maximumLocalRate: 0.02 };
