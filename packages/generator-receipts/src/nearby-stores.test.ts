import { createRandom } from '@retail-datagen/generator-core';
import { expect, test } from 'vitest';
import { nearestStores } from './nearby-stores.js';

test('nearestStores matches a brute-force search, nearest first, never the store itself', () => {
  const random = createRandom(3, 'nearby-stores-test');
  const count = 300;
  const latitude = Float64Array.from({ length: count }, () => random.float(25, 49));
  const longitude = Float64Array.from({ length: count }, () => random.float(-124, -67));
  // A few stores share a city.
  latitude[7] = latitude[3]!;
  longitude[7] = longitude[3]!;
  const radians = Math.PI / 180;
  const distance = (left: number, right: number) => {
    const haversine =
      Math.sin(((latitude[right]! - latitude[left]!) * radians) / 2) ** 2 +
      Math.cos(latitude[left]! * radians) * Math.cos(latitude[right]! * radians) * Math.sin(((longitude[right]! - longitude[left]!) * radians) / 2) ** 2;
    return Math.asin(Math.min(1, Math.sqrt(haversine)));
  };
  const nearby = nearestStores(latitude, longitude, 4);
  for (let store = 0; store < count; store++) {
    const expected = Array.from({ length: count }, (_, other) => other)
      .filter((other) => other !== store)
      .sort((left, right) => distance(store, left) - distance(store, right) || left - right)
      .slice(0, 4);
    expect(Array.from(nearby.subarray(store * 4, store * 4 + 4))).toEqual(expected);
  }
  expect(nearby[3 * 4]).toBe(7);
});

test('nearestStores pads with -1 when the chain is small', () => {
  expect(Array.from(nearestStores(Float64Array.of(40, 41), Float64Array.of(-74, -74), 2))).toEqual([1, -1, 0, -1]);
});
