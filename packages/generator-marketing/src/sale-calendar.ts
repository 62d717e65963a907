import { InvalidArgumentError } from '@retail-datagen/models';
import { dayNumberOfDate, lastWeekdayOfMonth, nthWeekdayOfMonth, type DayRange } from './calendar-dates.js';

/**
 * A holiday sale: the days it runs in a year and the categories it promotes.
 *
 * @example
 * ```ts
 * const springCleaning: SaleEvent = {
 *   id: 'springCleaning', name: 'Spring Cleaning',
 *   window: (year) => ({ first: dayNumberOf(`${year}-04-01`), last: dayNumberOf(`${year}-04-14`) }),
 *   categories: ['Cleaning', 'Laundry', 'Paper & Plastic'],
 * };
 * const marketing = createMarketingGenerator({ saleEvents: [...saleEvents, springCleaning] });
 * ```
 */
export interface SaleEvent {
  /** Unique camelCase id, e.g. `blackFriday`. */
  readonly id: string;
  /** Display name; the campaign is named "<name> Sale <year>". */
  readonly name: string;
  /** The sale's days in a given year (at most {@link maximumSaleDays}). */
  window(year: number): DayRange;
  /**
   * dim_products.category values the sale may promote; each year's campaign
   * promotes two to four of those the catalog has (none: no campaign).
   */
  readonly categories: readonly string[];
}

/**
 * Longest sale window in days: campaigns are planned from the three months
 * before the run, so a sale must end within that look-back.
 *
 * @example
 * ```ts
 * checkSaleEvents([{ ...sale, window: () => ({ first: 0, last: maximumSaleDays }) }]); // throws: 63 days
 * ```
 */
export const maximumSaleDays = 62;

const monday = 1;
const thursday = 4;
const memorialDay = (year: number) => lastWeekdayOfMonth(year, 5, monday);
const laborDay = (year: number) => nthWeekdayOfMonth(year, 9, monday, 1);
const thanksgiving = (year: number) => nthWeekdayOfMonth(year, 11, thursday, 4);
const dates = (year: number, [firstMonth, firstDay]: readonly [number, number], [lastMonth, lastDay]: readonly [number, number]): DayRange => ({
  first: dayNumberOfDate(year, firstMonth, firstDay),
  last: dayNumberOfDate(year, lastMonth, lastDay),
});

/**
 * The chain's holiday sales, on the days of the seasonal package's holiday
 * calendar and windows (Valentine's candy, Memorial Day, back to school,
 * Labor Day, Halloween candy, Thanksgiving week, Black Friday through Cyber
 * Monday, Christmas shopping), plus a New Year kickoff and a year-end
 * clearance. Each promotes categories that sell in its season.
 *
 * @example
 * ```ts
 * const blackFriday = saleEvents.find((event) => event.id === 'blackFriday')!;
 * blackFriday.window(2024); // Nov 29 - Dec 2, 2024 as day numbers
 * ```
 */
export const saleEvents: readonly SaleEvent[] = Object.freeze([
  {
    id: 'newYear',
    name: 'New Year Kickoff',
    window: (year: number) => dates(year, [1, 1], [1, 14]),
    categories: ['Fitness', 'Vitamins & Supplements', 'Water', 'Juice & Coffee'],
  },
  {
    id: 'valentinesDay',
    name: "Valentine's Day",
    window: (year: number) => dates(year, [2, 1], [2, 14]),
    categories: ['Sweet Snacks', 'Cosmetics', 'Beer & Wine', 'Home Decor'],
  },
  {
    id: 'memorialDay',
    name: 'Memorial Day',
    window: (year: number) => ({ first: memorialDay(year) - 3, last: memorialDay(year) }),
    categories: ['Grilling', 'Outdoor Recreation', 'Summer', 'Beer & Wine', 'Beef'],
  },
  {
    id: 'independenceDay',
    name: 'Fourth of July',
    window: (year: number) => dates(year, [7, 1], [7, 4]),
    categories: ['Grilling', 'Soft Drinks', 'Beef', 'Summer', 'Salty Snacks'],
  },
  {
    id: 'backToSchool',
    name: 'Back to School',
    window: (year: number) => ({ first: dayNumberOfDate(year, 7, 20), last: laborDay(year) }),
    categories: ['Computers', 'Tops', 'Bottoms', 'Footwear'],
  },
  {
    id: 'laborDay',
    name: 'Labor Day',
    window: (year: number) => ({ first: laborDay(year) - 3, last: laborDay(year) }),
    categories: ['Grilling', 'Outdoor Recreation', 'Beer & Wine', 'Lawn & Garden'],
  },
  {
    id: 'halloween',
    name: 'Halloween',
    window: (year: number) => dates(year, [10, 17], [10, 31]),
    categories: ['Halloween', 'Sweet Snacks', 'Dolls & Figures'],
  },
  {
    id: 'thanksgiving',
    name: 'Thanksgiving',
    window: (year: number) => ({ first: thanksgiving(year) - 7, last: thanksgiving(year) }),
    categories: ['Poultry', 'Baking', 'Desserts', 'Beer & Wine'],
  },
  {
    id: 'blackFriday',
    name: 'Black Friday',
    window: (year: number) => ({ first: thanksgiving(year) + 1, last: thanksgiving(year) + 4 }),
    categories: ['TV & Video', 'Audio', 'Computers', 'Gaming', 'Building Sets', 'Dolls & Figures', 'Mobile Accessories'],
  },
  {
    id: 'christmas',
    name: 'Holiday Gifts',
    window: (year: number) => dates(year, [12, 1], [12, 24]),
    categories: ['Holiday', 'Games & Puzzles', 'Building Sets', 'Audio', 'Baking'],
  },
  {
    id: 'yearEnd',
    name: 'Year-End Clearance',
    window: (year: number) => dates(year, [12, 26], [12, 31]),
    categories: ['Holiday', 'Outerwear', 'TV & Video'],
  },
]);

/**
 * Checks a sale calendar before a run uses it; throws InvalidArgumentError
 * naming the event and what is wrong.
 *
 * @example
 * ```ts
 * checkSaleEvents(saleEvents); // fine
 * checkSaleEvents([{ id: 'x', name: 'X', window: () => ({ first: 10, last: 5 }), categories: ['Milk'] }]); // throws
 * ```
 */
export function checkSaleEvents(events: readonly SaleEvent[]): void {
  const argument = 'createMarketingGenerator options.saleEvents';
  const ids = new Set<string>();
  for (const event of events) {
    if (typeof event.id !== 'string' || !/^[a-z][A-Za-z0-9]*$/.test(event.id)) throw new InvalidArgumentError(`${argument} id`, event.id, 'a camelCase id such as "blackFriday"');
    if (ids.has(event.id)) throw new InvalidArgumentError(`${argument} id`, event.id, 'ids that are unique');
    ids.add(event.id);
    if (typeof event.name !== 'string' || event.name.trim() === '') throw new InvalidArgumentError(`${argument} ${event.id}.name`, event.name, 'a display name');
    if (!Array.isArray(event.categories) || event.categories.length === 0 || !event.categories.every((category) => typeof category === 'string' && category !== '')) {
      throw new InvalidArgumentError(`${argument} ${event.id}.categories`, JSON.stringify(event.categories), 'a non-empty list of dim_products.category values');
    }
    for (const year of [2023, 2024, 2025]) {
      const { first, last } = event.window(year);
      const days = last - first + 1;
      if (!Number.isInteger(first) || !Number.isInteger(last) || days < 1 || days > maximumSaleDays) {
        throw new InvalidArgumentError(`${argument} ${event.id}.window(${year})`, `${first}..${last}`, `a range of 1 to ${maximumSaleDays} whole day numbers`);
      }
    }
  }
}
