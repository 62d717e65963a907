import { dayNumberOf, dayOfWeek, isoDateOf } from '@retail-datagen/generator-core';
import { describe, expect, it } from 'vitest';
import { calendarOfYear, easterSunday, holidayIds, holidayOn, holidaysOfYear, isBackToSchool, isChristmasDay, isSummer, type HolidayId } from './holiday-calendar.js';

const dateOf = (year: number, id: HolidayId) => isoDateOf(calendarOfYear(year).days[id]);

describe('holiday calendar', () => {
  it('puts Thanksgiving on the fourth Thursday of November', () => {
    expect(dateOf(2023, 'thanksgiving')).toBe('2023-11-23');
    expect(dateOf(2024, 'thanksgiving')).toBe('2024-11-28');
    expect(dateOf(2025, 'thanksgiving')).toBe('2025-11-27');
    expect(dateOf(2026, 'thanksgiving')).toBe('2026-11-26');
  });

  it('computes Easter Sunday', () => {
    expect(isoDateOf(easterSunday(2024))).toBe('2024-03-31');
    expect(isoDateOf(easterSunday(2025))).toBe('2025-04-20');
    expect(isoDateOf(easterSunday(2026))).toBe('2026-04-05');
    expect(isoDateOf(easterSunday(2000))).toBe('2000-04-23');
    expect(isoDateOf(easterSunday(2008))).toBe('2008-03-23');
    expect(isoDateOf(easterSunday(2038))).toBe('2038-04-25');
    expect(isoDateOf(easterSunday(2285))).toBe('2285-03-22');
    for (let year = 1900; year <= 2200; year++) {
      const easter = easterSunday(year);
      expect(dayOfWeek(easter)).toBe(0);
      expect(isoDateOf(easter) >= `${year}-03-22` && isoDateOf(easter) <= `${year}-04-25`).toBe(true);
    }
  });

  it('puts Memorial Day on the last Monday of May and Labor Day on the first Monday of September', () => {
    expect(dateOf(2024, 'memorialDay')).toBe('2024-05-27');
    expect(dateOf(2025, 'memorialDay')).toBe('2025-05-26');
    expect(dateOf(2021, 'memorialDay')).toBe('2021-05-31');
    expect(dateOf(2024, 'laborDay')).toBe('2024-09-02');
    expect(dateOf(2025, 'laborDay')).toBe('2025-09-01');
    expect(dateOf(2026, 'laborDay')).toBe('2026-09-07');
  });

  it('derives Black Friday, Cyber Monday and the eves from their holidays', () => {
    expect(dateOf(2024, 'thanksgivingEve')).toBe('2024-11-27');
    expect(dateOf(2024, 'blackFriday')).toBe('2024-11-29');
    expect(dateOf(2024, 'cyberMonday')).toBe('2024-12-02');
    expect(dateOf(2023, 'blackFriday')).toBe('2023-11-24');
    expect(dateOf(2024, 'independenceDayEve')).toBe('2024-07-03');
    expect(dateOf(2024, 'independenceDay')).toBe('2024-07-04');
    expect(dateOf(2024, 'christmasEve')).toBe('2024-12-24');
    expect(dateOf(2024, 'christmasDay')).toBe('2024-12-25');
    expect(dateOf(2024, 'boxingDay')).toBe('2024-12-26');
    expect(dateOf(2024, 'newYearsEve')).toBe('2024-12-31');
    expect(dateOf(2025, 'newYearsDay')).toBe('2025-01-01');
  });

  it('lists every holiday once per year, in calendar order, and finds them by day', () => {
    for (const year of [1999, 2024, 2025, 2030]) {
      const holidays = holidaysOfYear(year);
      expect(holidays.map((holiday) => holiday.id).sort()).toEqual([...holidayIds].sort());
      const days = holidays.map((holiday) => holiday.dayNumber);
      expect(days).toEqual([...days].sort((left, right) => left - right));
      expect(new Set(days).size).toBe(days.length);
      for (const holiday of holidays) expect(holidayOn(holiday.dayNumber)).toEqual(holiday);
    }
    expect(holidayOn(dayNumberOf('2024-11-29'))?.name).toBe('Black Friday');
    expect(holidayOn(dayNumberOf('2024-11-30'))).toBeUndefined();
  });

  it('knows Christmas Day and the seasons', () => {
    expect(isChristmasDay(dayNumberOf('2024-12-25'))).toBe(true);
    expect(isChristmasDay(dayNumberOf('2031-12-25'))).toBe(true);
    expect(isChristmasDay(dayNumberOf('2024-12-24'))).toBe(false);
    expect(isChristmasDay(dayNumberOf('2024-11-25'))).toBe(false);
    expect(isBackToSchool(dayNumberOf('2024-07-19'))).toBe(false);
    expect(isBackToSchool(dayNumberOf('2024-07-20'))).toBe(true);
    expect(isBackToSchool(dayNumberOf('2024-09-02'))).toBe(true);
    expect(isBackToSchool(dayNumberOf('2024-09-03'))).toBe(false);
    expect(isSummer(dayNumberOf('2024-05-26'))).toBe(false);
    expect(isSummer(dayNumberOf('2024-05-27'))).toBe(true);
    expect(isSummer(dayNumberOf('2024-09-03'))).toBe(false);
  });
});
