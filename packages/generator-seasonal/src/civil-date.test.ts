import { dayNumberOf, isoDateOf } from '@retail-datagen/generator-core';
import { describe, expect, it } from 'vitest';
import { dateOfDayNumber, dayNumberOfDate, yearOfDayNumber } from './civil-date.js';

const iso = (dayNumber: number) => {
  const { year, month, day } = dateOfDayNumber(dayNumber);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
};

describe('civil dates without Date', () => {
  it('agree with the calendar for every day from 1899 to 2101', () => {
    for (let dayNumber = dayNumberOf('1899-01-01'); dayNumber <= dayNumberOf('2101-12-31'); dayNumber++) {
      const expected = isoDateOf(dayNumber);
      if (iso(dayNumber) !== expected) expect(iso(dayNumber)).toBe(expected);
      const [year, month, day] = expected.split('-').map(Number) as [number, number, number];
      if (dayNumberOfDate(year, month, day) !== dayNumber) expect(dayNumberOfDate(year, month, day)).toBe(dayNumber);
    }
  });

  it('handle leap days, century years and the epoch', () => {
    expect(dayNumberOfDate(1970, 1, 1)).toBe(0);
    expect(iso(dayNumberOf('2000-02-29'))).toBe('2000-02-29');
    expect(dayNumberOfDate(2100, 3, 1) - dayNumberOfDate(2100, 2, 28)).toBe(1);
    expect(dayNumberOfDate(2024, 3, 1) - dayNumberOfDate(2024, 2, 28)).toBe(2);
    expect(yearOfDayNumber(dayNumberOf('2024-12-31'))).toBe(2024);
    expect(yearOfDayNumber(dayNumberOf('2025-01-01'))).toBe(2025);
  });
});
