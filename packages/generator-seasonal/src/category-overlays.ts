import { dateOfDayNumber, type CivilDate } from './civil-date.js';
import { calendarOfYear, isWithin, type YearCalendar } from './holiday-calendar.js';

/** What a window predicate sees of a day. */
export interface WindowDay {
  readonly dayNumber: number;
  readonly date: CivilDate;
  /** The holidays and seasons of the day's year. */
  readonly calendar: YearCalendar;
}

const inMonths = (date: CivilDate, ...months: number[]) => months.includes(date.month);
const monthDayAtLeast = (date: CivilDate, month: number, day: number) => date.month > month || (date.month === month && date.day >= day);
const monthDayAtMost = (date: CivilDate, month: number, day: number) => date.month < month || (date.month === month && date.day <= day);

/**
 * The named windows of the year the category overlays use (all bounds included).
 */
export const seasonalWindows = Object.freeze({
  /** Black Friday through Cyber Monday. */
  cyberWeekend: ({ dayNumber, calendar }: WindowDay) => isWithin(dayNumber, calendar.cyberWeekend),
  /** December 1 through Christmas Eve. */
  christmasShopping: ({ date }: WindowDay) => date.month === 12 && date.day <= 24,
  /** November: decorations go up before Black Friday. */
  november: ({ date }: WindowDay) => date.month === 11,
  /** Memorial Day through Labor Day. */
  summer: ({ dayNumber, calendar }: WindowDay) => isWithin(dayNumber, calendar.summer),
  /** May 1 up to Memorial Day. */
  preSummer: ({ dayNumber, date, calendar }: WindowDay) => date.month === 5 && dayNumber < calendar.summer.first,
  /** July 20 through Labor Day. */
  backToSchool: ({ dayNumber, calendar }: WindowDay) => isWithin(dayNumber, calendar.backToSchool),
  /** October. */
  halloweenSeason: ({ date }: WindowDay) => date.month === 10,
  /** September: Halloween aisles open. */
  earlyHalloween: ({ date }: WindowDay) => date.month === 9,
  /** October 17 through Halloween. */
  halloweenCandy: ({ date }: WindowDay) => monthDayAtLeast(date, 10, 17) && monthDayAtMost(date, 10, 31),
  /** The two weeks up to and including Easter Sunday. */
  easterCandy: ({ dayNumber, calendar }: WindowDay) => dayNumber >= calendar.days.easterSunday - 13 && dayNumber <= calendar.days.easterSunday,
  /** February 1 through Valentine's Day. */
  valentinesCandy: ({ date }: WindowDay) => date.month === 2 && date.day <= 14,
  /** The week up to and including Thanksgiving. */
  thanksgivingWeek: ({ dayNumber, calendar }: WindowDay) => dayNumber >= calendar.days.thanksgiving - 7 && dayNumber <= calendar.days.thanksgiving,
  /** December 10 through Christmas Eve. */
  christmasBaking: ({ date }: WindowDay) => date.month === 12 && date.day >= 10 && date.day <= 24,
  /** December through February: colds and flu. */
  coldSeason: ({ date }: WindowDay) => inMonths(date, 12, 1, 2),
  /** November through January: coats and boots. */
  winterWear: ({ date }: WindowDay) => inMonths(date, 11, 12, 1),
  /** March 15 through June 30: planting. */
  gardenSeason: ({ date }: WindowDay) => monthDayAtLeast(date, 3, 15) && monthDayAtMost(date, 6, 30),
  /** Every day (a last rule: the off-season level of a seasonal category). */
  anyDay: () => true,
} satisfies Record<string, (day: WindowDay) => boolean>);

/** One of the {@link seasonalWindows}. */
export type SeasonalWindowId = keyof typeof seasonalWindows;

/** A factor for a category while a window is on. */
export interface CategoryOverlayRule {
  readonly window: SeasonalWindowId;
  readonly factor: number;
}

/** Category name (`dim_products.Category`) -> rules; the first rule whose window holds the day applies. */
export type CategoryOverlays = Readonly<Record<string, readonly CategoryOverlayRule[]>>;

const giftRules: readonly CategoryOverlayRule[] = [
  { window: 'cyberWeekend', factor: 2.5 },
  { window: 'christmasShopping', factor: 1.5 },
];
const backToSchoolClothes: readonly CategoryOverlayRule[] = [{ window: 'backToSchool', factor: 1.4 }];

/**
 * Seasonal demand by product category, keyed by the `Category` values
 * generator-master produces (`dim_products.Category`). For a day the first
 * rule whose window holds applies; a category without a matching rule (or not
 * listed) has factor 1. The catalog has no school-supplies category, so
 * back-to-school lifts Computers and everyday clothes. The three categories of
 * the Seasonal department sell mostly in their season and fall to 0.3-0.4 off
 * season.
 */
export const categoryOverlays: CategoryOverlays = Object.freeze({
  // Electronics department
  'TV & Video': giftRules,
  Audio: giftRules,
  Computers: [...giftRules, { window: 'backToSchool', factor: 2 }],
  'Mobile Accessories': giftRules,
  Gaming: giftRules,
  // Toys department
  'Building Sets': giftRules,
  'Dolls & Figures': giftRules,
  'Games & Puzzles': giftRules,
  'Outdoor & Vehicles': [...giftRules, { window: 'summer', factor: 1.3 }],
  // Outdoors
  Grilling: [{ window: 'summer', factor: 1.8 }],
  'Lawn & Garden': [
    { window: 'gardenSeason', factor: 1.5 },
    { window: 'summer', factor: 1.3 },
  ],
  'Outdoor Recreation': [{ window: 'summer', factor: 1.5 }],
  // Seasonal department
  Summer: [
    { window: 'summer', factor: 2 },
    { window: 'preSummer', factor: 1.3 },
    { window: 'anyDay', factor: 0.4 },
  ],
  Halloween: [
    { window: 'halloweenSeason', factor: 3 },
    { window: 'earlyHalloween', factor: 1.5 },
    { window: 'anyDay', factor: 0.3 },
  ],
  Holiday: [
    { window: 'cyberWeekend', factor: 3 },
    { window: 'christmasShopping', factor: 3 },
    { window: 'november', factor: 1.8 },
    { window: 'anyDay', factor: 0.4 },
  ],
  // Food
  'Sweet Snacks': [
    { window: 'halloweenCandy', factor: 1.8 },
    { window: 'easterCandy', factor: 1.5 },
    { window: 'valentinesCandy', factor: 1.4 },
  ],
  Baking: [
    { window: 'thanksgivingWeek', factor: 1.8 },
    { window: 'christmasBaking', factor: 1.8 },
  ],
  Desserts: [
    { window: 'thanksgivingWeek', factor: 1.6 },
    { window: 'christmasBaking', factor: 1.4 },
  ],
  Poultry: [{ window: 'thanksgivingWeek', factor: 1.6 }],
  'Ice Cream & Novelties': [{ window: 'summer', factor: 1.4 }],
  Water: [{ window: 'summer', factor: 1.3 }],
  // Health: sunscreen is in Skin & Body, cold medicine in Over the Counter
  'Skin & Body': [{ window: 'summer', factor: 1.3 }],
  'Over the Counter': [{ window: 'coldSeason', factor: 1.4 }],
  // Apparel
  Outerwear: [{ window: 'winterWear', factor: 1.6 }],
  Tops: backToSchoolClothes,
  Bottoms: backToSchoolClothes,
  Footwear: backToSchoolClothes,
});

/**
 * The seasonal demand factor of a product category on a day (1 = no change).
 *
 * @example
 * ```ts
 * categoryFactor(dayNumberOf('2024-07-10'), 'Grilling'); // 1.8
 * categoryFactor(dayNumberOf('2024-02-10'), 'Grilling'); // 1
 * categoryFactor(dayNumberOf('2024-11-29'), 'Gaming'); // 2.5, Black Friday
 * ```
 */
export function categoryFactor(dayNumber: number, category: string, overlays: CategoryOverlays = categoryOverlays): number {
  const rules = Object.hasOwn(overlays, category) ? overlays[category] : undefined;
  if (!rules || rules.length === 0) return 1;
  const date = dateOfDayNumber(dayNumber);
  const day: WindowDay = { dayNumber, date, calendar: calendarOfYear(date.year) };
  for (const rule of rules) if (seasonalWindows[rule.window](day)) return rule.factor;
  return 1;
}
