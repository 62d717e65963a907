export { createSeasonalGenerator, seasonal, type SeasonalGeneratorOptions } from './seasonal-generator.js';
export {
  backToSchoolStart,
  calendarOfYear,
  easterSunday,
  holidayEveIds,
  holidayIds,
  holidayNames,
  holidayOn,
  holidaysOfYear,
  isBackToSchool,
  isChristmasDay,
  isSummer,
  isWithin,
  lastWeekdayOfMonth,
  nthWeekdayOfMonth,
  type DayRange,
  type Holiday,
  type HolidayId,
  type YearCalendar,
} from './holiday-calendar.js';
export { hourOfDayCurve, hourOfDayWeights, isOpenDuring } from './hour-of-day-curve.js';
export {
  dayFactors,
  dayOfWeekFactor,
  decemberRamp,
  holidayFactor,
  holidayTrafficFactors,
  monthSeasonFactors,
  openChristmasDayFactor,
  seasonFactor,
  seasonOf,
  weekdayFactors,
  weekendShape,
  type DayFactors,
  type SeasonalSettings,
  type SeasonName,
} from './day-factors.js';
export {
  categoryFactor,
  categoryOverlays,
  seasonalWindows,
  type CategoryOverlayRule,
  type CategoryOverlays,
  type SeasonalWindowId,
  type WindowDay,
} from './category-overlays.js';
export { isAfterChristmasReturns, returnsMultiplier } from './returns-multiplier.js';
export { createSeasonalProfile, type SeasonalProfile } from './seasonal-profile.js';
export { dateOfDayNumber, dayNumberOfDate, yearOfDayNumber, type CivilDate } from './civil-date.js';
