import { dayOfWeek, isoDateOf } from '@retail-datagen/generator-core';
import { calendarOfYear } from '@retail-datagen/generator-seasonal';
import { InvalidArgumentError } from '@retail-datagen/models';
import { describe, expect, it } from 'vitest';
import { addMonths, dayNumberOfDate, daysOfMonth, monthOfDay } from './calendar-dates.js';
import { checkSaleEvents, maximumSaleDays, saleEvents, type SaleEvent } from './sale-calendar.js';

const windowOf = (id: string, year: number) => {
  const event = saleEvents.find((candidate) => candidate.id === id);
  if (!event) throw new Error(`no sale ${id}`);
  return event.window(year);
};

describe('sale calendar', () => {
  it('puts the holiday sales on the days of the seasonal package calendar', () => {
    for (const year of [2023, 2024, 2025, 2026, 2027, 2028]) {
      const calendar = calendarOfYear(year);
      expect(windowOf('blackFriday', year)).toEqual(calendar.cyberWeekend);
      expect(windowOf('backToSchool', year)).toEqual(calendar.backToSchool);
      expect(windowOf('thanksgiving', year)).toEqual({ first: calendar.days.thanksgiving - 7, last: calendar.days.thanksgiving });
      expect(windowOf('memorialDay', year).last).toBe(calendar.days.memorialDay);
      expect(windowOf('laborDay', year).last).toBe(calendar.days.laborDay);
      expect(windowOf('independenceDay', year).last).toBe(calendar.days.independenceDay);
      expect(windowOf('valentinesDay', year).last).toBe(calendar.days.valentinesDay);
      expect(windowOf('halloween', year).last).toBe(calendar.days.halloween);
      expect(windowOf('christmas', year).last).toBe(calendar.days.christmasEve);
      expect(windowOf('yearEnd', year).first).toBe(calendar.days.boxingDay);
      expect(windowOf('newYear', year).first).toBe(calendar.days.newYearsDay);
    }
    expect(isoDateOf(windowOf('blackFriday', 2024).first)).toBe('2024-11-29');
    expect(isoDateOf(windowOf('blackFriday', 2024).last)).toBe('2024-12-02');
  });

  it('keeps every sale within maximumSaleDays and never on Christmas Day', () => {
    for (const year of [2024, 2025, 2026]) {
      for (const event of saleEvents) {
        const { first, last } = event.window(year);
        expect(last - first + 1, event.id).toBeGreaterThanOrEqual(1);
        expect(last - first + 1, event.id).toBeLessThanOrEqual(maximumSaleDays);
        const christmas = dayNumberOfDate(year, 12, 25);
        expect(christmas >= first && christmas <= last, event.id).toBe(false);
      }
    }
    expect(() => checkSaleEvents(saleEvents)).not.toThrow();
  });

  it('refuses a bad calendar with a user error naming the event', () => {
    const good: SaleEvent = { id: 'spring', name: 'Spring', window: (year) => ({ first: dayNumberOfDate(year, 3, 1), last: dayNumberOfDate(year, 3, 7) }), categories: ['Milk'] };
    expect(() => checkSaleEvents([good])).not.toThrow();
    const expectError = (events: SaleEvent[], pattern: RegExp) => {
      expect(() => checkSaleEvents(events)).toThrow(InvalidArgumentError);
      expect(() => checkSaleEvents(events)).toThrow(pattern);
    };
    expectError([good, good], /options\.saleEvents id: got "spring"; expected ids that are unique/);
    expectError([{ ...good, window: (year) => ({ first: dayNumberOfDate(year, 3, 7), last: dayNumberOfDate(year, 3, 1) }) }], /spring\.window\(2023\)/);
    expectError([{ ...good, window: (year) => ({ first: dayNumberOfDate(year, 1, 1), last: dayNumberOfDate(year, 6, 1) }) }], /a range of 1 to 62 whole day numbers/);
    expectError([{ ...good, categories: [] }], /spring\.categories/);
    expectError([{ ...good, id: 'Spring Sale' }], /camelCase/);
  });
});

describe('calendar dates', () => {
  it('converts months and weekdays', () => {
    expect(isoDateOf(dayNumberOfDate(2024, 2, 29))).toBe('2024-02-29');
    expect(monthOfDay(dayNumberOfDate(2024, 12, 31))).toEqual({ year: 2024, month: 12 });
    expect(addMonths({ year: 2024, month: 1 }, -2)).toEqual({ year: 2023, month: 11 });
    expect(addMonths({ year: 2024, month: 11 }, 3)).toEqual({ year: 2025, month: 2 });
    const february = daysOfMonth({ year: 2024, month: 2 });
    expect([isoDateOf(february.first), isoDateOf(february.last)]).toEqual(['2024-02-01', '2024-02-29']);
    expect(dayOfWeek(windowOf('laborDay', 2025).last)).toBe(1);
  });
});
