import { dayNumberOf, stringValues } from '@retail-datagen/generator-core';
import { describe, expect, it } from 'vitest';
import { categoryFactor, categoryOverlays } from './category-overlays.js';
import { calendarOfYear } from './holiday-calendar.js';
import { masterRun } from './test-support/master-run.js';

const at = (iso: string, category: string) => categoryFactor(dayNumberOf(iso), category);

describe('category overlays', () => {
  it('name only categories generator-master produces', async () => {
    const run = await masterRun();
    const produced = new Set(stringValues(run.dims.get('dim_products')!, 'Category'));
    for (const category of Object.keys(categoryOverlays)) expect(produced, category).toContain(category);
  });

  it('lift grilling in summer and leave it alone in February', () => {
    expect(at('2024-07-15', 'Grilling')).toBeGreaterThan(1);
    expect(at('2024-07-15', 'Grilling')).toBeCloseTo(1.8, 12);
    expect(at('2024-05-27', 'Grilling')).toBeGreaterThan(1); // Memorial Day opens the season
    expect(at('2024-02-15', 'Grilling')).toBe(1);
    expect(at('2024-09-03', 'Grilling')).toBe(1); // the day after Labor Day
  });

  it('lift electronics and toys on Black Friday weekend and in December', () => {
    const days = calendarOfYear(2024).days;
    for (const category of ['TV & Video', 'Gaming', 'Building Sets', 'Dolls & Figures']) {
      expect(categoryFactor(days.blackFriday, category)).toBeCloseTo(2.5, 12);
      expect(categoryFactor(days.cyberMonday, category)).toBeCloseTo(2.5, 12);
      expect(at('2024-12-15', category)).toBeCloseTo(1.5, 12);
      expect(at('2024-12-27', category)).toBe(1);
      expect(at('2024-03-15', category)).toBe(1);
    }
  });

  it('follow back to school, Halloween, Easter, Thanksgiving baking and cold season', () => {
    expect(at('2024-08-10', 'Computers')).toBeCloseTo(2, 12);
    expect(at('2024-08-10', 'Tops')).toBeGreaterThan(1);
    expect(at('2024-10-25', 'Sweet Snacks')).toBeGreaterThan(1);
    expect(at('2024-03-25', 'Sweet Snacks')).toBeGreaterThan(1); // Easter 2024-03-31
    expect(at('2024-06-10', 'Sweet Snacks')).toBe(1);
    expect(at('2024-11-25', 'Baking')).toBeGreaterThan(1);
    expect(at('2024-12-20', 'Baking')).toBeGreaterThan(1);
    expect(at('2024-07-10', 'Skin & Body')).toBeGreaterThan(1);
    expect(at('2024-01-20', 'Over the Counter')).toBeGreaterThan(1);
    expect(at('2024-07-20', 'Over the Counter')).toBe(1);
    expect(at('2024-10-15', 'Halloween')).toBeGreaterThan(1);
    expect(at('2024-04-15', 'Halloween')).toBeLessThan(1);
  });

  it('are 1 for categories without a rule, including names that shadow Object members', () => {
    expect(at('2024-11-29', 'Milk')).toBe(1);
    expect(at('2024-11-29', 'No Such Category')).toBe(1);
    expect(at('2024-11-29', 'constructor')).toBe(1);
    expect(at('2024-11-29', 'toString')).toBe(1);
  });
});
