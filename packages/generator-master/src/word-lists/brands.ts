/** A group of brands that make the same kind of goods. */
export type BrandFamily =
  | 'produce'
  | 'meat'
  | 'dairy'
  | 'bakery'
  | 'deli'
  | 'frozen'
  | 'pantry'
  | 'beverages'
  | 'snacks'
  | 'household'
  | 'personalCare'
  | 'pharmacy'
  | 'baby'
  | 'pet'
  | 'electronics'
  | 'home'
  | 'outdoor'
  | 'apparel'
  | 'toys'
  | 'sports'
  | 'seasonal';

/** The chain's own label; it appears in most grocery and household families. */
export const storeBrand = 'Everyday Market';

/**
 * Invented brand names by family. The store brand sits in the families where
 * private labels are common.
 *
 * @example
 * ```ts
 * brandsByFamily.dairy.includes('Crestline'); // true
 * ```
 */
export const brandsByFamily: Readonly<Record<BrandFamily, readonly string[]>> = {
  produce: ['Green Acre', 'Orchard Lane', 'Sunfield Farms', 'Valley Harvest', storeBrand],
  meat: ['Prairie Ranch', 'Hillcrest Meats', 'Ocean Bay', 'Hearthstone Butchery', storeBrand],
  dairy: ['Crestline', 'Clover Ridge', 'Sunny Pasture', 'Alpine Valley', 'Brookhaven Creamery', storeBrand],
  bakery: ['Golden Crust', 'Hearth & Loaf', 'Morning Rise', storeBrand],
  deli: ["Carver's Deli", 'Old Market Kitchen', 'Hillcrest Meats', storeBrand],
  frozen: ['Polar Pantry', 'Frostline', 'Northern Table', 'Snowcap', storeBrand],
  pantry: ['Golden Acre', 'Heritage Kitchen', 'Rustic Table', 'Bella Cucina', 'Spice Route', storeBrand],
  beverages: ['Bluewater', 'Fizzton', 'Summit Springs', 'Copper Kettle', 'Orchard Press', storeBrand],
  snacks: ['Crunchwell', 'Snackhaven', 'Sweet Meadow', 'Trail Ridge', storeBrand],
  household: ['Brightway', 'PureHome', 'Sparkle & Co', 'Everfresh', storeBrand],
  personalCare: ['Luminelle', 'Velvet Bloom', 'Silkstone', 'Freshly Kind'],
  pharmacy: ['Wellspring', 'CarePoint', 'Remedia', storeBrand],
  baby: ['Little Sprout', 'Cuddle Bug', storeBrand],
  pet: ['Happy Tails', 'Whisker & Paw', storeBrand],
  electronics: ['Voltara', 'Nexora', 'Auralux', 'Pixelon'],
  home: ['Hearthside', 'Maple & Pine', 'Casaverde', 'Urban Nest'],
  outdoor: ['Emberline', 'Greenthumb', 'Backyard Pro', 'Smokestack Grills'],
  apparel: ['Northbound', 'Cotton Lane', 'Urban Thread', 'Trailhead Outfitters'],
  toys: ['Playfield', 'Brickstar', 'Tiny Wonders', 'Galaxy Toys'],
  sports: ['Peak Performance', 'Apex Athletics', 'Fairway Pro', 'Riverbend Outdoors'],
  seasonal: ['Holiday Hearth', 'Festive Pines', 'Hearthside'],
};

type CompanyRow = readonly [company: string, brands: readonly string[]];

const companyRows: readonly CompanyRow[] = [
  ['Northfield Foods Company', ['Crestline', 'Golden Acre', 'Heritage Kitchen', 'Polar Pantry', 'Golden Crust']],
  ['Prairie Holdings Inc.', ['Prairie Ranch', 'Hillcrest Meats', "Carver's Deli", 'Rustic Table']],
  ['Harvest Union Cooperative', ['Green Acre', 'Orchard Lane', 'Sunfield Farms', 'Valley Harvest', 'Orchard Press']],
  ['Coastal Provisions Inc.', ['Ocean Bay', 'Bella Cucina', 'Spice Route', 'Northern Table', 'Hearthstone Butchery']],
  ['Summit Beverage Group', ['Bluewater', 'Fizzton', 'Summit Springs', 'Copper Kettle']],
  ['Crunchwell Brands', ['Crunchwell', 'Snackhaven', 'Sweet Meadow', 'Trail Ridge']],
  ['Brightway Consumer Products', ['Brightway', 'PureHome', 'Sparkle & Co', 'Everfresh', 'Little Sprout']],
  ['Luminelle Group', ['Luminelle', 'Velvet Bloom', 'Silkstone', 'Freshly Kind']],
  ['Wellspring Health', ['Wellspring', 'CarePoint', 'Remedia', 'Cuddle Bug']],
  ['Voltara Electronics', ['Voltara', 'Nexora', 'Auralux', 'Pixelon']],
  ['Hearthside Home Brands', ['Hearthside', 'Maple & Pine', 'Casaverde', 'Urban Nest', 'Holiday Hearth', 'Festive Pines']],
  ['Emberline Outdoor', ['Emberline', 'Greenthumb', 'Backyard Pro', 'Smokestack Grills', 'Riverbend Outdoors']],
  ['Northbound Apparel Co.', ['Northbound', 'Cotton Lane', 'Urban Thread', 'Trailhead Outfitters']],
  ['Playfield Toy Company', ['Playfield', 'Brickstar', 'Tiny Wonders', 'Galaxy Toys']],
  ['Apex Sports Group', ['Peak Performance', 'Apex Athletics', 'Fairway Pro']],
  ['Clover Ridge Dairy Cooperative', ['Clover Ridge', 'Sunny Pasture', 'Alpine Valley', 'Brookhaven Creamery']],
  ['Hearth & Loaf Bakeries', ['Hearth & Loaf', 'Morning Rise', 'Old Market Kitchen']],
  ['Frostline Foods', ['Frostline', 'Snowcap']],
  ['Happy Tails Pet Company', ['Happy Tails', 'Whisker & Paw']],
  ['Everyday Market Stores Inc.', [storeBrand]],
];

/**
 * The company that owns each brand; every company owns one or more brands.
 *
 * @example
 * ```ts
 * companyOfBrand.get('Crestline'); // 'Northfield Foods Company'
 * ```
 */
export const companyOfBrand: ReadonlyMap<string, string> = new Map(
  companyRows.flatMap(([company, brands]) => brands.map((brand) => [brand, company] as const)),
);
