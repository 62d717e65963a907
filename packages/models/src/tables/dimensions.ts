import { defineTable } from './table-definition.js';

/** Cities with their state, zip code, district and region; the region is served by one DC. */
export const dimGeographies = defineTable({
  name: 'DimGeographies',
  kind: 'dimension',
  description: 'Cities the chain operates in, grouped into districts and regions.',
  primaryKey: ['ID'],
  fields: [
    { name: 'ID', type: 'int32' },
    { name: 'City', type: 'string' },
    { name: 'State', type: 'string' },
    { name: 'ZipCode', type: 'string' },
    { name: 'District', type: 'string' },
    { name: 'Region', type: 'string' },
    { name: 'Latitude', type: 'float64' },
    { name: 'Longitude', type: 'float64' },
  ],
});

export const dimStores = defineTable({
  name: 'DimStores',
  kind: 'dimension',
  description: 'Stores with their format, volume class, opening hours and tax rate.',
  primaryKey: ['ID'],
  fields: [
    { name: 'ID', type: 'int32' },
    { name: 'StoreNumber', type: 'string', description: 'S000001 style' },
    { name: 'Address', type: 'string' },
    { name: 'GeographyID', type: 'int32', references: 'dim_geographies.id' },
    { name: 'TaxRate', type: 'float64', description: 'Sales tax as a fraction, e.g. 0.0725' },
    { name: 'VolumeClass', type: 'string', description: 'FLAGSHIP, HIGH, MEDIUM, LOW or KIOSK' },
    { name: 'StoreFormat', type: 'string', description: 'HYPERMARKET, SUPERSTORE, STANDARD, NEIGHBORHOOD or EXPRESS' },
    { name: 'OpenHour', type: 'int32', description: 'First open hour, 0-23' },
    { name: 'CloseHour', type: 'int32', description: 'Hour the store closes, 1-24; 0-24 means open around the clock' },
    { name: 'DailyTrafficMultiplier', type: 'float64' },
    { name: 'OpenedDate', type: 'date' },
  ],
});

export const dimDistributionCenters = defineTable({
  name: 'DimDistributionCenters',
  kind: 'dimension',
  description: 'Distribution centers; each serves the stores of one region.',
  primaryKey: ['ID'],
  fields: [
    { name: 'ID', type: 'int32' },
    { name: 'DCNumber', type: 'string', description: 'DC001 style' },
    { name: 'Address', type: 'string' },
    { name: 'GeographyID', type: 'int32', references: 'dim_geographies.id' },
    { name: 'Region', type: 'string', description: 'The region this DC serves' },
  ],
});

export const dimTrucks = defineTable({
  name: 'DimTrucks',
  kind: 'dimension',
  description: 'Trucks; a NULL dc_id marks a pool truck shared by all DCs.',
  primaryKey: ['ID'],
  fields: [
    { name: 'ID', type: 'int32' },
    { name: 'LicensePlate', type: 'string' },
    { name: 'Refrigeration', type: 'boolean' },
    { name: 'DCID', type: 'int32', nullable: true, references: 'dim_distribution_centers.id' },
    { name: 'CapacityUnits', type: 'int32' },
  ],
});

export const dimCustomers = defineTable({
  name: 'DimCustomers',
  kind: 'dimension',
  description: 'Known customers with loyalty card, device ids and a home store near where they live.',
  primaryKey: ['ID'],
  fields: [
    { name: 'ID', type: 'int32' },
    { name: 'FirstName', type: 'string' },
    { name: 'LastName', type: 'string' },
    { name: 'Address', type: 'string' },
    { name: 'GeographyID', type: 'int32', references: 'dim_geographies.id' },
    { name: 'LoyaltyCard', type: 'string' },
    { name: 'Phone', type: 'string' },
    { name: 'BLEId', type: 'string' },
    { name: 'AdId', type: 'string' },
    { name: 'HomeStoreID', type: 'int32', references: 'dim_stores.id' },
  ],
});

export const dimProducts = defineTable({
  name: 'DimProducts',
  kind: 'dimension',
  description: 'Products with their hierarchy, prices (cost < sale_price <= msrp), launch date and taxability.',
  primaryKey: ['ID'],
  fields: [
    { name: 'ID', type: 'int32' },
    { name: 'ProductName', type: 'string' },
    { name: 'Brand', type: 'string' },
    { name: 'Company', type: 'string' },
    { name: 'Department', type: 'string' },
    { name: 'Category', type: 'string' },
    { name: 'Subcategory', type: 'string' },
    { name: 'Cost', type: 'money' },
    { name: 'MSRP', type: 'money' },
    { name: 'SalePrice', type: 'money' },
    { name: 'RequiresRefrigeration', type: 'boolean' },
    { name: 'LaunchDate', type: 'date' },
    { name: 'Taxability', type: 'string', description: 'TAXABLE, NON_TAXABLE or REDUCED_RATE' },
  ],
});

/** The dimension tables, in the order they are generated and written (referenced tables first). */
export const dimensionTables = [dimGeographies, dimStores, dimDistributionCenters, dimTrucks, dimCustomers, dimProducts] as const;
