import { dayNumberOf, millisecondsPerDay } from '@retail-datagen/generator-core';
import { describe, expect, test } from 'vitest';
import { orderPaymentId, storeOrderId } from './order-ids.js';
import { pickWaveHours } from './order-shapes.js';
import { creationDaysPickedOn, isStoreOpenDuring, pickTimeOf, pickWave, pickupWindow } from './order-timeline.js';

const hour = 3_600_000;
const day = dayNumberOf('2024-11-29');
const midnight = day * millisecondsPerDay;

describe('order ids', () => {
  test('name the store, the day placed and the sequence; payment ids cannot meet receipt payment ids', () => {
    expect(storeOrderId(17, dayNumberOf('2024-11-28'), 3)).toBe('OS00017-20241128-00003');
    expect(storeOrderId(123_456, day, 123_456)).toBe('OS123456-20241129-123456');
    expect(orderPaymentId('OS00017-20241128-00003', 2)).toBe('POS00017-20241128-00003-2');
    expect(orderPaymentId(storeOrderId(17, day, 42), 1)).not.toMatch(/^P\d/);
  });
});

describe('pick waves', () => {
  test('a day picks the orders of the day before, and of the closed days right before that', () => {
    const christmas = dayNumberOf('2024-12-25');
    const closedOnChristmas = (candidate: number) => candidate === christmas;
    const firstDay = dayNumberOf('2024-12-01');
    expect(creationDaysPickedOn(christmas + 1, firstDay, closedOnChristmas)).toEqual({ first: christmas - 1, last: christmas });
    expect(creationDaysPickedOn(christmas - 1, firstDay, closedOnChristmas)).toEqual({ first: christmas - 2, last: christmas - 2 });
    const none = creationDaysPickedOn(christmas, firstDay, closedOnChristmas);
    expect(none.first).toBeGreaterThan(none.last);
    const first = creationDaysPickedOn(firstDay, firstDay, () => false);
    expect(first.first).toBeGreaterThan(first.last);
    // A store closed from the first day: the first open day picks everything since the start of the run.
    expect(creationDaysPickedOn(firstDay + 3, firstDay, (candidate) => candidate < firstDay + 3)).toEqual({ first: firstDay, last: firstDay + 2 });
  });

  test('end when the store first opens that day and start pickWaveHours earlier, never before midnight', () => {
    expect(pickWave(day, 8, 22)).toEqual({ start: midnight + (8 - pickWaveHours) * hour, end: midnight + 8 * hour });
    expect(pickWave(day, 1, 22)).toEqual({ start: midnight, end: midnight + hour });
    expect(pickWave(day, 0, 24)).toEqual({ start: midnight, end: midnight });
    // Open past midnight: the store is open in hour 0, so the wave is at midnight.
    expect(pickWave(day, 18, 2)).toEqual({ start: midnight, end: midnight });
  });

  test('spread the picks evenly in whole seconds, never backwards, inside the wave', () => {
    const wave = pickWave(day, 8, 22);
    const times = Array.from({ length: 7 }, (_, index) => pickTimeOf(wave, index, 7));
    expect(times.every((time, index) => time % 1000 === 0 && time > wave.start && time < wave.end && (index === 0 || time > times[index - 1]!))).toBe(true);
    expect(pickTimeOf({ start: midnight, end: midnight }, 3, 10)).toBe(midnight);
  });
});

describe('store hours', () => {
  test('open hours wrap past midnight; pickups start a quarter hour after opening and end before closing', () => {
    expect(isStoreOpenDuring(7, 23, 22)).toBe(true);
    expect(isStoreOpenDuring(7, 23, 23)).toBe(false);
    expect(isStoreOpenDuring(18, 2, 1)).toBe(true);
    expect(isStoreOpenDuring(18, 2, 2)).toBe(false);
    expect(pickupWindow(day, 8, 22)).toEqual({ start: midnight + 8 * hour + 15 * 60_000, end: midnight + 22 * hour - 1000 });
    expect(pickupWindow(day, 0, 24)).toEqual({ start: midnight + 15 * 60_000, end: midnight + 24 * hour - 1000 });
    expect(pickupWindow(day, 18, 2)).toEqual({ start: midnight + 18 * hour + 15 * 60_000, end: midnight + 24 * hour - 1000 });
  });
});
