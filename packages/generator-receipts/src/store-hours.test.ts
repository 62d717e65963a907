import { expect, test } from 'vitest';
import { isOpenAroundTheClock, isOpenDuring, openHourCount } from './store-hours.js';

test('open hours run from OpenHour to CloseHour - 1, 0-24 around the clock, wrapping past midnight', () => {
  const open = (openHour: number, closeHour: number) => Array.from({ length: 24 }, (_, hour) => hour).filter((hour) => isOpenDuring(openHour, closeHour, hour));
  expect(open(7, 23)).toEqual(Array.from({ length: 16 }, (_, index) => index + 7));
  expect(open(6, 24)).toHaveLength(18);
  expect(open(0, 24)).toHaveLength(24);
  expect(open(20, 2)).toEqual([0, 1, 20, 21, 22, 23]);
  expect(openHourCount(20, 2)).toBe(6);
  expect(isOpenAroundTheClock(0, 24)).toBe(true);
  expect(isOpenAroundTheClock(6, 24)).toBe(false);
});
