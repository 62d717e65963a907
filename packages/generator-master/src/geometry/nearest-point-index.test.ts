import { createRandom } from '@retail-datagen/generator-core';
import { describe, expect, it } from 'vitest';
import { geographicDistance } from './geographic-distance.js';
import { createNearestPointIndex } from './nearest-point-index.js';

describe('createNearestPointIndex', () => {
  it.each([1, 2, 10, 300, 3_000])('finds the same point as a full scan (%i points)', (count) => {
    const random = createRandom(5, 'nearest', count);
    const latitudes = Float64Array.from({ length: count }, () => random.float(25, 49));
    const longitudes = Float64Array.from({ length: count }, () => random.float(-124, -67));
    const index = createNearestPointIndex(latitudes, longitudes, 50);
    for (let query = 0; query < 500; query++) {
      // Some queries fall outside the points' bounding box.
      const latitude = random.float(20, 50);
      const longitude = random.float(-130, -60);
      let best = 0;
      for (let point = 1; point < count; point++) {
        if (geographicDistance(latitude, longitude, latitudes[point]!, longitudes[point]!) < geographicDistance(latitude, longitude, latitudes[best]!, longitudes[best]!)) best = point;
      }
      expect(index.nearest(latitude, longitude)).toBe(best);
    }
  });

  it('breaks ties by the lowest index', () => {
    const index = createNearestPointIndex([40, 40, 40], [-100, -100, -90]);
    expect(index.nearest(40, -100)).toBe(0);
  });
});
