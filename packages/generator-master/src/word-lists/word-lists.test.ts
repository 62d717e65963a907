import { describe, expect, it } from 'vitest';
import { brandsByFamily, companyOfBrand } from './brands.js';
import { firstNames } from './first-names.js';
import { lastNames } from './last-names.js';
import { productCatalog } from './product-catalog.js';
import { stateSalesTaxes } from './state-sales-tax-rates.js';
import { usCities } from './us-cities.js';

const contiguousStates =
  'AL AZ AR CA CO CT DE DC FL GA ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY'.split(' ');

describe('word lists', () => {
  it('lists about 200 distinct cities covering every contiguous state, each with a tax rate', () => {
    expect(usCities.length).toBeGreaterThanOrEqual(150);
    expect(new Set(usCities.map((city) => `${city.city}, ${city.state}`)).size).toBe(usCities.length);
    expect(new Set(usCities.map((city) => city.state))).toEqual(new Set(contiguousStates));
    for (const city of usCities) {
      expect(stateSalesTaxes.has(city.state)).toBe(true);
      expect(city.zipPrefix).toMatch(/^\d{3}$/);
    }
  });

  it('has about 200 distinct first and last names', () => {
    expect(new Set(firstNames).size).toBe(firstNames.length);
    expect(new Set(lastNames).size).toBe(lastNames.length);
    expect(firstNames.length).toBeGreaterThanOrEqual(190);
    expect(lastNames.length).toBeGreaterThanOrEqual(190);
  });

  it('gives every brand a company and every subcategory items, sizes and a sane price range', () => {
    for (const brands of Object.values(brandsByFamily)) for (const brand of brands) expect(companyOfBrand.has(brand), brand).toBe(true);
    for (const template of productCatalog) {
      expect(template.items.length).toBeGreaterThan(0);
      expect(template.sizes.length).toBeGreaterThan(0);
      expect(template.price[0]).toBeGreaterThan(0);
      expect(template.price[0]).toBeLessThan(template.price[1]);
      expect(template.costRatio[1]).toBeLessThan(1);
    }
    expect(new Set(productCatalog.map((template) => template.department)).size).toBeGreaterThanOrEqual(15);
  });
});
