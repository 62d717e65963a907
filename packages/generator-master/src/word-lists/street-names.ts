/**
 * Common US street names (without the street type).
 *
 * @example
 * ```ts
 * `${120} ${streetNames[0]} ${residentialStreetTypes[0]}`; // '120 Main St'
 * ```
 */
export const streetNames: readonly string[] = [
  'Main', 'Oak', 'Maple', 'Pine', 'Cedar', 'Elm', 'Washington', 'Lake', 'Hill', 'Park',
  'Walnut', 'Sunset', 'Lincoln', 'Jackson', 'Church', 'River', 'Willow', 'Highland', 'Meadow', 'Forest',
  'Jefferson', 'Franklin', 'Madison', 'Chestnut', 'Spring', 'Ridge', 'Valley', 'Center', 'Cherry', 'Birch',
  'Adams', 'Mill', 'Lakeview', 'Hickory', 'Sycamore', 'Magnolia', 'Dogwood', 'Aspen', 'Laurel', 'Poplar',
  'Prospect', 'Union', 'Market', 'Broad', 'Water', 'Bridge', 'School', 'College', 'Academy', 'Liberty',
  'Grant', 'Monroe', 'Wilson', 'Harrison', 'Cleveland', 'Garfield', 'Hamilton', 'Greenwood', 'Fairview', 'Woodland',
  'Orchard', 'Hillcrest', 'Brookside', 'Riverside', 'Sunrise', 'Pleasant', 'Green', 'Vine', 'Bay', 'Cypress',
  'Juniper', 'Sherwood', 'Canyon', 'Mesa', 'Prairie', 'Harbor', 'Heritage', 'Colonial', 'Country Club', 'Mountain View',
  'First', 'Second', 'Third', 'Fourth', 'Fifth', 'Sixth', 'Seventh', 'Eighth', 'Ninth', 'Tenth',
];

/** Street types of residential addresses, most common first. */
export const residentialStreetTypes: readonly string[] = ['St', 'Ave', 'Dr', 'Rd', 'Ln', 'Ct', 'Way', 'Pl', 'Cir', 'Blvd', 'Ter', 'Trl'];

/** Street types of the arterial roads stores stand on. */
export const arterialStreetTypes: readonly string[] = ['Blvd', 'Ave', 'Rd', 'Pkwy', 'Hwy', 'St', 'Pike'];

/** Street names of industrial parks, for distribution centers. */
export const industrialStreetNames: readonly string[] = [
  'Industrial', 'Commerce', 'Logistics', 'Distribution', 'Enterprise', 'Freight', 'Warehouse', 'Trade Center',
  'Corporate', 'Airport', 'Rail Yard', 'Interchange', 'Gateway', 'Technology', 'Innovation', 'Port',
];

/** Street types of industrial parks. */
export const industrialStreetTypes: readonly string[] = ['Pkwy', 'Dr', 'Blvd', 'Way', 'Ct', 'Rd'];
