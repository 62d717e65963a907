import { describe, expect, it } from 'vitest';
import { batchOf, float64, generateMaster, int32, strings, uint8 } from './test-support/generate-master.js';
import { productCatalog } from './word-lists/product-catalog.js';

const dayOf = (isoDate: string) => Date.parse(`${isoDate}T00:00:00Z`) / 86_400_000;

describe('dim_products', () => {
  it.each([1, 2, 3, 42, 4_294_967_295])('keeps cost < sale_price <= msrp in whole cents (seed %i)', async (seed) => {
    const products = batchOf(await generateMaster({ seed, volumes: { products: 5_000, customers: 10 } }), 'dim_products');
    const cost = float64(products, 'Cost');
    const msrp = float64(products, 'MSRP');
    const salePrice = float64(products, 'SalePrice');
    for (let row = 0; row < products.length; row++) {
      expect(Number.isInteger(cost[row]) && Number.isInteger(salePrice[row]) && Number.isInteger(msrp[row])).toBe(true);
      expect(cost[row]).toBeGreaterThanOrEqual(1);
      expect(cost[row]).toBeLessThan(salePrice[row]!);
      expect(salePrice[row]).toBeLessThanOrEqual(msrp[row]!);
    }
    expect(salePrice.some((price, row) => price < msrp[row]!)).toBe(true);
  });

  it('prices by category: a gallon of milk is a few dollars, a TV hundreds', async () => {
    const products = batchOf(await generateMaster({ seed: 5, volumes: { products: 20_000, customers: 10 } }), 'dim_products');
    const names = strings(products, 'ProductName');
    const subcategories = strings(products, 'Subcategory');
    const msrp = float64(products, 'MSRP');
    let milk = 0;
    let televisions = 0;
    names.forEach((name, row) => {
      if (subcategories[row] === 'Milk' && name!.endsWith(' 1 gal')) {
        milk++;
        expect(msrp[row]).toSatisfy((cents: number) => cents >= 300 && cents <= 500);
      }
      if (subcategories[row] === 'Televisions') {
        televisions++;
        expect(msrp[row]).toSatisfy((cents: number) => cents >= 14_900 && cents <= 150_000);
      }
    });
    expect(milk).toBeGreaterThan(0);
    expect(televisions).toBeGreaterThan(0);
  });

  it('covers every subcategory, refrigerates cold goods and taxes general merchandise', async () => {
    const products = batchOf(await generateMaster({ seed: 6, volumes: { products: 3_000, customers: 10 } }), 'dim_products');
    expect(new Set(strings(products, 'Subcategory')).size).toBe(new Set(productCatalog.map((template) => template.subcategory)).size);
    const departments = strings(products, 'Department');
    const categories = strings(products, 'Category');
    const refrigeration = uint8(products, 'RequiresRefrigeration');
    const taxability = strings(products, 'Taxability');
    departments.forEach((department, row) => {
      if (department === 'Dairy' || department === 'Frozen' || department === 'Meat & Seafood') expect(refrigeration[row]).toBe(1);
      if (department === 'Electronics' || department === 'Apparel' || department === 'Toys' || department === 'Household') {
        expect(refrigeration[row]).toBe(0);
        expect(taxability[row]).toBe('TAXABLE');
      }
      if (department === 'Dairy' || department === 'Produce' || categories[row] === 'Pasta, Rice & Sauce') expect(taxability[row]).toBe('NON_TAXABLE');
    });
    expect(categories).toContain('Grilling');
  });

  it('gives each brand one company, and companies several brands', async () => {
    const products = batchOf(await generateMaster({ seed: 7, volumes: { products: 5_000, customers: 10 } }), 'dim_products');
    const brands = strings(products, 'Brand');
    const companies = strings(products, 'Company');
    const companyOfBrand = new Map<string | null, string | null>();
    brands.forEach((brand, row) => {
      expect(companyOfBrand.get(brand) ?? companies[row]).toBe(companies[row]);
      companyOfBrand.set(brand, companies[row] ?? null);
    });
    const brandsPerCompany = new Map<string | null, number>();
    for (const company of companyOfBrand.values()) brandsPerCompany.set(company, (brandsPerCompany.get(company) ?? 0) + 1);
    expect([...brandsPerCompany.values()].filter((count) => count >= 3).length).toBeGreaterThan(5);
    strings(products, 'ProductName').forEach((name, row) => expect(name!.startsWith(`${brands[row]} `)).toBe(true));
  });

  it('launched most products years before start and a few from 45 days before start to a year after it, whatever the end', async () => {
    const start = '2024-11-15';
    const products = batchOf(await generateMaster({ seed: 8, start, end: '2024-12-14', volumes: { products: 4_000, customers: 10 } }), 'dim_products');
    const launch = int32(products, 'LaunchDate');
    const recent = Array.from(launch).filter((day) => day >= dayOf(start) - 45);
    for (const day of recent) expect(day).toBeLessThanOrEqual(dayOf(start) + 365);
    expect(recent.length / products.length).toBeGreaterThan(0.04);
    expect(recent.length / products.length).toBeLessThan(0.11);
    expect(Array.from(launch).filter((day) => day >= dayOf(start) && day <= dayOf('2024-12-14')).length).toBeGreaterThan(0);
    expect(Array.from(launch).filter((day) => day < dayOf(start) - 365).length / products.length).toBeGreaterThan(0.8);
    // A longer range gives the same products: an extended history equals one generated in one go.
    const longer = batchOf(await generateMaster({ seed: 8, start, end: '2025-06-30', volumes: { products: 4_000, customers: 10 } }), 'dim_products');
    expect(Array.from(int32(longer, 'LaunchDate'))).toEqual(Array.from(launch));
  });
});
