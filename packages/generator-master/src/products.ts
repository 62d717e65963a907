import { createColumnBatch, createWeightedSampler, type ColumnBatch, type Random } from '@retail-datagen/generator-core';
import { dimProducts } from '@retail-datagen/models';
import { priceBelow, toPricePoint } from './price-points.js';
import { brandsByFamily, companyOfBrand } from './word-lists/brands.js';
import { productCatalog, taxabilities, type SubcategoryTemplate } from './word-lists/product-catalog.js';

const daysPerYear = 365;
/** Products "new" to the range launch from this many days before `start` up to `end`. */
const newProductLeadDays = 45;
/** Tries to find an unused product name before accepting a repeat. */
const nameAttempts = 4;
/**
 * Retries stop once a subcategory holds this share of the names it can form:
 * past that point most draws repeat anyway (a million products over a few
 * hundred subcategories), and retrying would only multiply the work.
 */
const crowdedShare = 0.5;

/**
 * Products: every subcategory appears at least once when there are enough
 * products, the rest follow each department's share of the assortment. Names
 * are "Brand [Adjective] Item [Size]"; prices are integer cents with
 * cost < sale_price <= msrp; most products launched years before `start`, a
 * share `newProductShare` launches between 45 days before `start` and
 * `horizonDays` after it: master data never depends on the end date, so a
 * history extended to a later end equals one generated to that end at once.
 *
 * @example
 * ```ts
 * const products = generateProducts(800, dayNumberOf('2024-11-15'), { newProductShare: 0.07, horizonDays: 365 }, context.random('products'));
 * products.length; // 800
 * ```
 */
export function generateProducts(
  count: number,
  startDay: number,
  { newProductShare, horizonDays }: { readonly newProductShare: number; readonly horizonDays: number },
  random: Random,
): ColumnBatch {
  const templates = productCatalog;
  const templateOf = assignSubcategories(count, templates, random);
  const dictionaries = hierarchyDictionaries(templates);
  const brandDictionary = [...new Set(Object.values(brandsByFamily).flat())];
  const brandCode = new Map(brandDictionary.map((brand, code) => [brand, code]));
  const companyDictionary = [...new Set(brandDictionary.map((brand) => companyOf(brand)))];
  const companyCodeOfBrand = Int32Array.from(brandDictionary, (brand) => companyDictionary.indexOf(companyOf(brand)));

  const names: string[] = new Array(count);
  const usedNames = new Set<string>();
  const productsOfTemplate = new Int32Array(templates.length);
  const nameCapacity = templates.map(
    (template) => brandsByFamily[template.brandFamily].length * (template.adjectives.length + 1) * template.items.length * template.sizes.length,
  );
  const brandCodes = new Int32Array(count);
  const companyCodes = new Int32Array(count);
  const departmentCodes = new Int32Array(count);
  const categoryCodes = new Int32Array(count);
  const subcategoryCodes = new Int32Array(count);
  const cost = new Float64Array(count);
  const msrp = new Float64Array(count);
  const salePrice = new Float64Array(count);
  const refrigeration = new Uint8Array(count);
  const launchDate = new Int32Array(count);
  const taxabilityCodes = new Int32Array(count);

  for (let product = 0; product < count; product++) {
    const templateIndex = templateOf[product] as number;
    const template = templates[templateIndex] as SubcategoryTemplate;
    let name = '';
    let brand = '';
    let priceFactor = 1;
    const crowded = (productsOfTemplate[templateIndex] as number) >= (nameCapacity[templateIndex] as number) * crowdedShare;
    productsOfTemplate[templateIndex] = (productsOfTemplate[templateIndex] as number) + 1;
    for (let attempt = 0; attempt < (crowded ? 1 : nameAttempts); attempt++) {
      brand = random.pick(brandsByFamily[template.brandFamily]);
      const [sizeLabel, factor] = random.pick(template.sizes);
      const adjective = random.chance(template.adjectiveShare) ? random.pick(template.adjectives) : '';
      name = brand + (adjective === '' ? '' : ` ${adjective}`) + ` ${random.pick(template.items)}` + (sizeLabel === '' ? '' : ` ${sizeLabel}`);
      priceFactor = factor;
      if (crowded || !usedNames.has(name)) break;
    }
    if (!crowded) usedNames.add(name);
    names[product] = name;
    const code = brandCode.get(brand) as number;
    brandCodes[product] = code;
    companyCodes[product] = companyCodeOfBrand[code] as number;
    departmentCodes[product] = dictionaries.departmentOf[templateIndex] as number;
    categoryCodes[product] = dictionaries.categoryOf[templateIndex] as number;
    subcategoryCodes[product] = dictionaries.subcategoryOf[templateIndex] as number;

    const listPrice = toPricePoint(Math.round(random.float(template.price[0], template.price[1]) * priceFactor * 100));
    let sellingPrice = listPrice;
    if (random.chance(0.3)) {
      const markdown = priceBelow(listPrice * random.float(0.8, 0.95));
      if (markdown >= 19) sellingPrice = markdown;
    }
    const unitCost = Math.round(sellingPrice * random.float(template.costRatio[0], template.costRatio[1]));
    msrp[product] = listPrice;
    salePrice[product] = sellingPrice;
    cost[product] = Math.min(Math.max(1, unitCost), sellingPrice - 1);
    refrigeration[product] = template.refrigerated ? 1 : 0;
    taxabilityCodes[product] = taxabilities.indexOf(template.taxability);
    launchDate[product] = random.chance(newProductShare)
      ? startDay - newProductLeadDays + random.int(0, horizonDays + newProductLeadDays)
      : startDay - random.int(180, 12 * daysPerYear);
  }

  return createColumnBatch(dimProducts, count, {
    ID: Int32Array.from({ length: count }, (_, index) => index + 1),
    ProductName: names,
    Brand: { kind: 'dictionary', dictionary: brandDictionary, codes: brandCodes },
    Company: { kind: 'dictionary', dictionary: companyDictionary, codes: companyCodes },
    Department: { kind: 'dictionary', dictionary: dictionaries.departments, codes: departmentCodes },
    Category: { kind: 'dictionary', dictionary: dictionaries.categories, codes: categoryCodes },
    Subcategory: { kind: 'dictionary', dictionary: dictionaries.subcategories, codes: subcategoryCodes },
    Cost: cost,
    MSRP: msrp,
    SalePrice: salePrice,
    RequiresRefrigeration: refrigeration,
    LaunchDate: launchDate,
    Taxability: { kind: 'dictionary', dictionary: [...taxabilities], codes: taxabilityCodes },
  });
}

function companyOf(brand: string): string {
  const company = companyOfBrand.get(brand);
  if (company === undefined) throw new Error(`brand ${brand} has no company in the brand list`);
  return company;
}

/** Template index per product: each subcategory once when there is room, the rest by weight, then shuffled. */
function assignSubcategories(count: number, templates: readonly SubcategoryTemplate[], random: Random): Int32Array {
  const templateOf = new Int32Array(count);
  const guaranteed = count >= templates.length ? templates.length : 0;
  for (let product = 0; product < guaranteed; product++) templateOf[product] = product;
  const sampler = createWeightedSampler(templates.map((template) => template.weight));
  for (let product = guaranteed; product < count; product++) templateOf[product] = sampler.sample(random);
  for (let product = count - 1; product > 0; product--) {
    const other = random.int(0, product);
    const swap = templateOf[product] as number;
    templateOf[product] = templateOf[other] as number;
    templateOf[other] = swap;
  }
  return templateOf;
}

/** Department, category and subcategory dictionaries, and each template's code in them. */
function hierarchyDictionaries(templates: readonly SubcategoryTemplate[]) {
  const departments: string[] = [];
  const categories: string[] = [];
  const subcategories: string[] = [];
  const codeIn = (dictionary: string[], value: string) => {
    let code = dictionary.indexOf(value);
    if (code < 0) code = dictionary.push(value) - 1;
    return code;
  };
  const departmentOf = Int32Array.from(templates, (template) => codeIn(departments, template.department));
  const categoryOf = Int32Array.from(templates, (template) => codeIn(categories, template.category));
  const subcategoryOf = Int32Array.from(templates, (template) => codeIn(subcategories, template.subcategory));
  return { departments, categories, subcategories, departmentOf, categoryOf, subcategoryOf };
}
