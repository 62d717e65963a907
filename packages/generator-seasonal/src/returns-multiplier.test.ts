import { dayNumberOf } from '@retail-datagen/generator-core';
import { parseConfig } from '@retail-datagen/models';
import { describe, expect, it } from 'vitest';
import { returnsMultiplier } from './returns-multiplier.js';

describe('returns multiplier', () => {
  it('applies afterChristmasMultiplier from Dec 26 through Jan 7 only', () => {
    for (const multiplier of [3, 5.5]) {
      const config = parseConfig({ returns: { afterChristmasMultiplier: multiplier } });
      const at = (iso: string) => returnsMultiplier(dayNumberOf(iso), config);
      expect(at('2024-12-25')).toBe(1);
      expect(at('2024-12-26')).toBe(multiplier);
      expect(at('2024-12-31')).toBe(multiplier);
      expect(at('2025-01-01')).toBe(multiplier);
      expect(at('2025-01-07')).toBe(multiplier);
      expect(at('2025-01-08')).toBe(1);
      expect(at('2024-07-01')).toBe(1);
    }
  });
});
