import { expect, test } from 'vitest';
import { greatCircleDistance } from './great-circle-distance.js';

test('great-circle distances match known city pairs and are symmetric', () => {
  // New York - Philadelphia, about 130 km; Los Angeles - New York, about 3,940 km.
  expect(greatCircleDistance(40.7128, -74.006, 39.9526, -75.1652)).toBeCloseTo(129.6, 0);
  expect(greatCircleDistance(34.0522, -118.2437, 40.7128, -74.006)).toBeGreaterThan(3_930);
  expect(greatCircleDistance(34.0522, -118.2437, 40.7128, -74.006)).toBeLessThan(3_950);
  expect(greatCircleDistance(39.9526, -75.1652, 40.7128, -74.006)).toBe(greatCircleDistance(40.7128, -74.006, 39.9526, -75.1652));
  expect(greatCircleDistance(10, 20, 10, 20)).toBe(0);
});
