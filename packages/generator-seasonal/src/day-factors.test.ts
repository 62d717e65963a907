import { dayNumberOf } from '@retail-datagen/generator-core';
import { parseConfig } from '@retail-datagen/models';
import { describe, expect, it } from 'vitest';
import { dayFactors, dayOfWeekFactor, seasonFactor, seasonOf, weekdayFactors } from './day-factors.js';
import { calendarOfYear } from './holiday-calendar.js';

const total = (iso: string, config = parseConfig({})) => dayFactors(dayNumberOf(iso), config).total;
const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;

describe('day factors', () => {
  it('make Black Friday exactly blackFridayLift times a plain Friday of the same season, and follow the config', () => {
    for (const lift of [2.4, 3.7, 1, 0.5]) {
      const config = parseConfig({ seasonality: { blackFridayLift: lift } });
      for (let year = 2020; year <= 2032; year++) {
        const blackFriday = calendarOfYear(year).days.blackFriday;
        const plainFriday = blackFriday - 7;
        expect(dayFactors(plainFriday, config).holidayId).toBeUndefined();
        expect(dayFactors(blackFriday, config).total / dayFactors(plainFriday, config).total).toBeCloseTo(lift, 12);
      }
    }
  });

  it('lift the eves of major holidays by holidayEveLift over the same weekday and season', () => {
    for (const lift of [1.5, 2.2]) {
      const config = parseConfig({ seasonality: { holidayEveLift: lift } });
      const days = calendarOfYear(2024).days;
      for (const eve of [days.independenceDayEve, days.thanksgivingEve, days.christmasEve, days.newYearsEve]) {
        const factors = dayFactors(eve, config);
        expect(factors.total / (dayOfWeekFactor(eve, config.traffic.weekendLift) * seasonFactor(eve))).toBeCloseTo(lift, 12);
      }
      // Thanksgiving Eve against the Wednesday before (both November, both Wednesdays).
      expect(dayFactors(days.thanksgivingEve, config).total / dayFactors(days.thanksgivingEve - 7, config).total).toBeCloseTo(lift, 12);
    }
  });

  it('make the weekend mean exactly weekendLift times an ordinary weekday', () => {
    for (const weekendLift of [1.3, 1.6, 1]) {
      const config = parseConfig({ traffic: { weekendLift } });
      // An ordinary spring week: Monday 2024-04-08 to Sunday 2024-04-14.
      const weekdays = ['2024-04-08', '2024-04-09', '2024-04-10', '2024-04-11', '2024-04-12'].map((day) => total(day, config));
      const weekend = ['2024-04-13', '2024-04-14'].map((day) => total(day, config));
      expect(mean(weekdays)).toBeCloseTo(1, 12);
      expect(mean(weekend) / mean(weekdays)).toBeCloseTo(weekendLift, 12);
      expect(weekend[0]).toBeGreaterThan(weekend[1] as number);
    }
  });

  it('make Monday the quietest weekday and Friday the busiest', () => {
    const values = Object.values(weekdayFactors);
    expect(mean(values)).toBeCloseTo(1, 12);
    expect(Math.min(...values)).toBe(weekdayFactors.monday);
    expect(Math.max(...values)).toBe(weekdayFactors.friday);
  });

  it('follow the seasons gently, ramping up to Christmas', () => {
    expect(seasonFactor(dayNumberOf('2024-02-10'))).toBeCloseTo(0.9, 12);
    expect(seasonFactor(dayNumberOf('2024-04-10'))).toBeCloseTo(1, 12);
    expect(seasonFactor(dayNumberOf('2024-07-10'))).toBeCloseTo(1.05, 12);
    expect(seasonFactor(dayNumberOf('2024-11-10'))).toBeCloseTo(1.1, 12);
    const december = Array.from({ length: 24 }, (_, index) => seasonFactor(dayNumberOf('2024-12-01') + index));
    expect(mean(december)).toBeCloseTo(1.25, 12);
    for (let index = 1; index < december.length; index++) expect(december[index]).toBeGreaterThan(december[index - 1] as number);
    expect(seasonOf(dayNumberOf('2024-01-15'))).toBe('winter');
    expect(seasonOf(dayNumberOf('2024-04-15'))).toBe('spring');
    expect(seasonOf(dayNumberOf('2024-07-15'))).toBe('summer');
    expect(seasonOf(dayNumberOf('2024-10-15'))).toBe('autumn');
    expect(seasonOf(dayNumberOf('2024-12-15'))).toBe('holiday');
  });

  it('dampen the quiet holidays and zero Christmas Day only when stores close', () => {
    const config = parseConfig({});
    const holiday = (iso: string, settings = config) => dayFactors(dayNumberOf(iso), settings).holiday;
    expect(holiday('2024-11-28')).toBeCloseTo(0.4, 12);
    expect(holiday('2025-01-01')).toBeCloseTo(0.6, 12);
    expect(holiday('2024-03-31')).toBeCloseTo(0.5, 12);
    expect(holiday('2024-07-04')).toBeCloseTo(0.7, 12);
    expect(holiday('2024-05-27')).toBeCloseTo(1.2, 12);
    expect(holiday('2024-09-02')).toBeCloseTo(1.2, 12);
    expect(holiday('2024-12-25')).toBe(0);
    expect(holiday('2024-12-25', parseConfig({ seasonality: { closedOnChristmas: false } }))).toBeGreaterThan(0);
    expect(holiday('2024-03-12')).toBe(1);
  });
});
