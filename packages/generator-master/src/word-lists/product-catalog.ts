import type { BrandFamily } from './brands.js';

/**
 * How a product is taxed: groceries are mostly exempt or at a reduced rate,
 * general merchandise taxable; `dim_products.taxability` holds one of these.
 *
 * @example
 * ```ts
 * taxabilities[masterData.products.taxability[row]!]; // 'NON_TAXABLE'
 * ```
 */
export const taxabilities = ['TAXABLE', 'NON_TAXABLE', 'REDUCED_RATE'] as const;

/** One of {@link taxabilities}. */
export type Taxability = (typeof taxabilities)[number];

/** A pack size label and its price relative to the subcategory's base price ('' means no size in the name). */
export type ProductSize = readonly [label: string, priceFactor: number];

/** One subcategory with everything needed to invent products in it. */
export interface SubcategoryTemplate {
  readonly department: string;
  readonly category: string;
  readonly subcategory: string;
  /** Item names, e.g. 'Whole Milk'. */
  readonly items: readonly string[];
  readonly sizes: readonly ProductSize[];
  /** MSRP range in dollars at price factor 1. */
  readonly price: readonly [minimum: number, maximum: number];
  /** Cost as a share of the selling price. */
  readonly costRatio: readonly [minimum: number, maximum: number];
  readonly refrigerated: boolean;
  readonly taxability: Taxability;
  readonly brandFamily: BrandFamily;
  /** Words placed between brand and item, e.g. 'Organic'. */
  readonly adjectives: readonly string[];
  /** Share of products whose name carries an adjective. */
  readonly adjectiveShare: number;
  /** Share of the assortment this subcategory gets. */
  readonly weight: number;
}

interface SubcategoryInput {
  items: readonly string[];
  sizes: readonly ProductSize[];
  price: readonly [number, number];
  refrigerated?: boolean;
  taxability?: Taxability;
  brandFamily?: BrandFamily;
  adjectives?: readonly string[];
}

interface DepartmentInput {
  /** Relative share of the assortment, split evenly over its subcategories. */
  weight: number;
  brandFamily: BrandFamily;
  adjectives: readonly string[];
  adjectiveShare?: number;
  refrigerated: boolean;
  taxability: Taxability;
  costRatio: readonly [number, number];
  /** category -> subcategory -> template. */
  categories: Readonly<Record<string, Readonly<Record<string, SubcategoryInput>>>>;
}

const noSize: readonly ProductSize[] = [['', 1]];
const apparelSizes: readonly ProductSize[] = [['S', 1], ['M', 1], ['L', 1], ['XL', 1.05]];

const departments: Readonly<Record<string, DepartmentInput>> = {
  Produce: {
    weight: 5,
    brandFamily: 'produce',
    adjectives: ['Organic', 'Fresh', 'Local', 'Premium'],
    refrigerated: true,
    taxability: 'NON_TAXABLE',
    costRatio: [0.55, 0.75],
    categories: {
      Fruit: {
        'Fresh Fruit': {
          items: ['Gala Apples', 'Honeycrisp Apples', 'Navel Oranges', 'Red Seedless Grapes', 'Bartlett Pears', 'Lemons', 'Limes', 'Peaches'],
          sizes: [['1 lb', 1], ['2 lb', 1.8], ['3 lb bag', 2.4]],
          price: [1.29, 2.99],
        },
        Berries: {
          items: ['Strawberries', 'Blueberries', 'Raspberries', 'Blackberries'],
          sizes: [['6 oz', 0.7], ['1 lb', 1], ['2 lb', 1.8]],
          price: [2.99, 4.99],
        },
        'Bananas & Tropical': {
          items: ['Bananas', 'Pineapple', 'Mangoes', 'Hass Avocados', 'Papaya'],
          sizes: [['1 lb', 1], ['3 ct', 1.6], ['bag', 2.2]],
          price: [0.69, 1.99],
          refrigerated: false,
        },
      },
      Vegetables: {
        'Fresh Vegetables': {
          items: ['Broccoli Crowns', 'Baby Carrots', 'Green Beans', 'Bell Peppers', 'Cucumbers', 'Zucchini', 'Cherry Tomatoes', 'Sweet Corn'],
          sizes: [['12 oz', 0.8], ['1 lb', 1], ['2 lb', 1.8]],
          price: [1.49, 3.49],
        },
        'Salads & Greens': {
          items: ['Spring Mix', 'Baby Spinach', 'Romaine Hearts', 'Caesar Salad Kit', 'Chopped Kale'],
          sizes: [['5 oz', 0.8], ['10 oz', 1.3], ['1 lb', 1.8]],
          price: [2.99, 4.49],
        },
        'Potatoes & Onions': {
          items: ['Russet Potatoes', 'Red Potatoes', 'Sweet Potatoes', 'Yellow Onions', 'Red Onions', 'Garlic'],
          sizes: [['3 lb bag', 1], ['5 lb bag', 1.5], ['10 lb bag', 2.4]],
          price: [2.49, 3.99],
          refrigerated: false,
        },
      },
    },
  },
  'Meat & Seafood': {
    weight: 4,
    brandFamily: 'meat',
    adjectives: ['Fresh', 'Premium', 'All Natural', 'Family Pack', 'Choice'],
    refrigerated: true,
    taxability: 'NON_TAXABLE',
    costRatio: [0.65, 0.8],
    categories: {
      Beef: {
        'Ground Beef': {
          items: ['80/20 Ground Beef', '93/7 Lean Ground Beef', 'Ground Chuck', 'Beef Patties'],
          sizes: [['1 lb', 1], ['2 lb', 1.9], ['3 lb', 2.7]],
          price: [4.99, 7.99],
        },
        Steaks: {
          items: ['Ribeye Steak', 'New York Strip Steak', 'Top Sirloin Steak', 'Flank Steak', 'Beef Tenderloin Filet'],
          sizes: [['12 oz', 0.8], ['1 lb', 1], ['2 ct', 1.6]],
          price: [9.99, 18.99],
        },
      },
      Poultry: {
        Chicken: {
          items: ['Boneless Chicken Breasts', 'Chicken Thighs', 'Chicken Drumsticks', 'Whole Chicken', 'Chicken Wings'],
          sizes: [['1 lb', 1], ['2.5 lb', 2.3], ['5 lb', 4.2]],
          price: [2.99, 6.99],
        },
        Turkey: {
          items: ['Ground Turkey', 'Turkey Breast Tenderloins', 'Turkey Sausage'],
          sizes: [['1 lb', 1], ['2 lb', 1.9]],
          price: [4.99, 7.99],
        },
        'Whole Turkey': {
          items: ['Whole Young Turkey', 'Heritage Whole Turkey', 'Bone-In Turkey Breast'],
          sizes: [['10-12 lb', 1], ['12-14 lb', 1.2], ['16-20 lb', 1.6]],
          price: [14.99, 29.99],
        },
      },
      Pork: {
        Pork: {
          items: ['Pork Chops', 'Pork Tenderloin', 'Thick Cut Bacon', 'Breakfast Sausage', 'Baby Back Ribs', 'Spiral Ham'],
          sizes: [['12 oz', 0.8], ['1 lb', 1], ['2 lb', 1.9]],
          price: [3.99, 7.99],
        },
      },
      Seafood: {
        Fish: {
          items: ['Atlantic Salmon Fillet', 'Tilapia Fillet', 'Cod Fillet', 'Ahi Tuna Steak'],
          sizes: [['8 oz', 0.6], ['1 lb', 1], ['2 lb', 1.9]],
          price: [7.99, 12.99],
        },
        Shrimp: {
          items: ['Raw Jumbo Shrimp', 'Cooked Shrimp', 'Shrimp Cocktail Ring'],
          sizes: [['12 oz', 0.8], ['1 lb', 1], ['2 lb', 1.9]],
          price: [8.99, 13.99],
        },
      },
    },
  },
  Dairy: {
    weight: 6,
    brandFamily: 'dairy',
    adjectives: ['Organic', 'Farm Fresh', 'Grassfed', 'Lactose Free', 'Classic'],
    refrigerated: true,
    taxability: 'NON_TAXABLE',
    costRatio: [0.65, 0.82],
    categories: {
      Milk: {
        Milk: {
          items: ['Whole Milk', '2% Reduced Fat Milk', '1% Lowfat Milk', 'Fat Free Milk', 'Chocolate Milk'],
          sizes: [['1 gal', 1], ['half gal', 0.6], ['1 qt', 0.35]],
          price: [3.29, 4.99],
        },
        'Plant-Based Milk': {
          items: ['Almond Milk', 'Oat Milk', 'Soy Milk', 'Coconut Milk'],
          sizes: [['half gal', 1], ['1 qt', 0.6]],
          price: [3.49, 4.99],
          adjectives: ['Organic', 'Unsweetened', 'Vanilla', 'Original'],
        },
      },
      Cheese: {
        'Shredded Cheese': {
          items: ['Shredded Mozzarella', 'Shredded Sharp Cheddar', 'Shredded Mexican Blend', 'Shredded Colby Jack', 'Grated Parmesan'],
          sizes: [['8 oz', 1], ['16 oz', 1.8], ['2 lb', 3.2]],
          price: [2.49, 3.99],
        },
        'Sliced Cheese': {
          items: ['Sliced Provolone', 'Sliced Swiss', 'American Singles', 'Sliced Pepper Jack', 'Sliced Muenster'],
          sizes: [['8 oz', 1], ['12 oz', 1.4]],
          price: [2.99, 4.49],
        },
      },
      Yogurt: {
        Yogurt: {
          items: ['Greek Yogurt', 'Vanilla Yogurt', 'Strawberry Yogurt', 'Plain Yogurt', 'Drinkable Yogurt'],
          sizes: [['5.3 oz', 0.3], ['32 oz', 1], ['4 ct', 0.8]],
          price: [3.99, 5.99],
        },
      },
      Eggs: {
        Eggs: {
          items: ['Large White Eggs', 'Large Brown Eggs', 'Cage Free Eggs', 'Jumbo Eggs', 'Pasture Raised Eggs'],
          sizes: [['12 ct', 1], ['18 ct', 1.45], ['6 ct', 0.55]],
          price: [2.99, 5.49],
        },
      },
      'Butter & Cream': {
        'Butter & Cream': {
          items: ['Salted Butter', 'Unsalted Butter', 'Heavy Whipping Cream', 'Half & Half', 'Sour Cream', 'Cream Cheese'],
          sizes: [['8 oz', 0.6], ['16 oz', 1], ['1 qt', 1.5]],
          price: [3.49, 5.99],
        },
      },
    },
  },
  Bakery: {
    weight: 3,
    brandFamily: 'bakery',
    adjectives: ['Fresh Baked', 'Whole Grain', 'Artisan', 'Homestyle'],
    refrigerated: false,
    taxability: 'NON_TAXABLE',
    costRatio: [0.45, 0.65],
    categories: {
      Bread: {
        Bread: {
          items: ['White Sandwich Bread', 'Whole Wheat Bread', 'Sourdough Loaf', 'Multigrain Bread', 'Rye Bread', 'French Baguette'],
          sizes: [['20 oz', 1], ['24 oz', 1.15]],
          price: [2.49, 4.99],
        },
        'Rolls & Buns': {
          items: ['Hamburger Buns', 'Hot Dog Buns', 'Dinner Rolls', 'Plain Bagels', 'English Muffins'],
          sizes: [['6 ct', 0.8], ['8 ct', 1], ['12 ct', 1.4]],
          price: [2.49, 3.99],
        },
      },
      Desserts: {
        'Cakes & Pies': {
          items: ['Apple Pie', 'Pumpkin Pie', 'Pecan Pie', 'Chocolate Layer Cake', 'Cheesecake'],
          sizes: [['8 in', 1], ['10 in', 1.4]],
          price: [6.99, 11.99],
        },
        'Cookies & Pastries': {
          items: ['Chocolate Chip Cookies', 'Blueberry Muffins', 'Cinnamon Rolls', 'Glazed Donuts', 'Butter Croissants'],
          sizes: [['6 ct', 1], ['12 ct', 1.7]],
          price: [3.99, 6.99],
        },
      },
    },
  },
  Deli: {
    weight: 2,
    brandFamily: 'deli',
    adjectives: ['Premium', 'Oven Roasted', 'Classic', 'Low Sodium'],
    refrigerated: true,
    taxability: 'NON_TAXABLE',
    costRatio: [0.5, 0.7],
    categories: {
      'Deli Meats & Cheese': {
        'Deli Meats': {
          items: ['Turkey Breast', 'Black Forest Ham', 'Genoa Salami', 'Roast Beef', 'Pastrami', 'Bologna'],
          sizes: [['8 oz', 0.55], ['1 lb', 1]],
          price: [7.99, 11.99],
        },
        'Specialty Cheese': {
          items: ['Brie', 'Aged Gouda', 'Manchego', 'Fresh Mozzarella', 'Gorgonzola'],
          sizes: [['7 oz', 0.8], ['8 oz', 1]],
          price: [5.99, 9.99],
          adjectives: ['Imported', 'Aged', 'Artisan'],
        },
      },
      'Prepared Foods': {
        'Prepared Meals': {
          items: ['Rotisserie Chicken', 'Macaroni Salad', 'Potato Salad', 'Chicken Caesar Wrap', 'California Sushi Roll', 'Classic Hummus'],
          sizes: [['', 1], ['16 oz', 0.9]],
          price: [4.99, 8.99],
          taxability: 'TAXABLE',
          adjectives: ['Classic', 'Homestyle', 'Fresh'],
        },
      },
    },
  },
  Frozen: {
    weight: 5,
    brandFamily: 'frozen',
    adjectives: ['Classic', 'Family Size', 'Organic', 'Lean', 'Homestyle'],
    refrigerated: true,
    taxability: 'NON_TAXABLE',
    costRatio: [0.6, 0.78],
    categories: {
      'Frozen Meals': {
        'Frozen Entrees': {
          items: ['Chicken Alfredo', 'Lasagna with Meat Sauce', 'Beef Burritos', 'Chicken Pot Pie', 'Macaroni & Cheese', 'Orange Chicken'],
          sizes: [['10 oz', 0.5], ['20 oz', 1], ['38 oz', 1.7]],
          price: [5.49, 8.99],
        },
        'Frozen Pizza': {
          items: ['Pepperoni Pizza', 'Four Cheese Pizza', 'Supreme Pizza', 'Margherita Pizza', 'Thin Crust Sausage Pizza'],
          sizes: [['12 in', 0.85], ['16 in', 1.2]],
          price: [5.99, 8.99],
        },
        'Frozen Breakfast': {
          items: ['Buttermilk Waffles', 'Breakfast Sandwiches', 'Pancakes', 'Breakfast Burritos'],
          sizes: [['10 ct', 1], ['24 ct', 2]],
          price: [2.99, 4.99],
        },
      },
      'Frozen Vegetables & Fruit': {
        'Frozen Vegetables': {
          items: ['Sweet Peas', 'Broccoli Florets', 'Mixed Vegetables', 'Cut Corn', 'Green Beans', 'Stir Fry Vegetables'],
          sizes: [['12 oz', 0.8], ['16 oz', 1], ['32 oz', 1.8]],
          price: [1.49, 2.99],
        },
        'Frozen Fruit': {
          items: ['Strawberries', 'Mixed Berries', 'Mango Chunks', 'Blueberries'],
          sizes: [['16 oz', 1], ['48 oz', 2.5]],
          price: [3.49, 4.99],
        },
      },
      'Ice Cream & Novelties': {
        'Ice Cream': {
          items: ['Vanilla Bean Ice Cream', 'Chocolate Ice Cream', 'Cookies & Cream Ice Cream', 'Mint Chip Ice Cream', 'Ice Cream Sandwiches', 'Fruit Bars'],
          sizes: [['1 pt', 0.6], ['1.5 qt', 1], ['12 ct', 1.1]],
          price: [4.49, 6.99],
          adjectives: ['Premium', 'Classic', 'Light', 'Dairy Free'],
        },
      },
    },
  },
  Pantry: {
    weight: 9,
    brandFamily: 'pantry',
    adjectives: ['Organic', 'Classic', 'Original', 'Homestyle', 'Reduced Sodium', 'Gluten Free'],
    refrigerated: false,
    taxability: 'NON_TAXABLE',
    costRatio: [0.6, 0.78],
    categories: {
      'Cereal & Breakfast': {
        Cereal: {
          items: ['Honey Oat Clusters', 'Frosted Corn Flakes', 'Toasted Oat Rings', 'Raisin Bran', 'Crunchy Granola', 'Cocoa Puffs Cereal'],
          sizes: [['12 oz', 0.85], ['18 oz', 1], ['2 pk', 1.8]],
          price: [3.49, 5.49],
        },
        'Oatmeal & Pancake Mix': {
          items: ['Old Fashioned Oats', 'Instant Oatmeal Packets', 'Steel Cut Oats', 'Buttermilk Pancake Mix', 'Maple Syrup'],
          sizes: [['18 oz', 1], ['42 oz', 1.9]],
          price: [2.99, 4.99],
        },
      },
      'Pasta, Rice & Sauce': {
        Pasta: {
          items: ['Spaghetti', 'Penne Rigate', 'Elbow Macaroni', 'Rotini', 'Fettuccine', 'Egg Noodles'],
          sizes: [['16 oz', 1], ['2 lb', 1.8]],
          price: [1.29, 2.49],
        },
        'Rice & Grains': {
          items: ['Long Grain White Rice', 'Jasmine Rice', 'Brown Rice', 'Quinoa', 'Basmati Rice'],
          sizes: [['2 lb', 1], ['5 lb', 2.1]],
          price: [2.49, 4.99],
        },
        'Pasta Sauce': {
          items: ['Marinara Sauce', 'Tomato Basil Sauce', 'Alfredo Sauce', 'Vodka Sauce', 'Pesto'],
          sizes: [['24 oz', 1], ['45 oz', 1.6]],
          price: [2.49, 4.99],
        },
      },
      'Canned Goods': {
        'Canned Vegetables & Beans': {
          items: ['Cut Green Beans', 'Whole Kernel Corn', 'Diced Tomatoes', 'Black Beans', 'Chickpeas', 'Pinto Beans'],
          sizes: [['15 oz', 1], ['4 pk 15 oz', 3.5]],
          price: [0.89, 1.79],
        },
        Soup: {
          items: ['Chicken Noodle Soup', 'Tomato Soup', 'Minestrone Soup', 'Clam Chowder', 'Beef Chili'],
          sizes: [['10.5 oz', 0.6], ['18.6 oz', 1]],
          price: [1.99, 3.49],
        },
        'Canned Fish': {
          items: ['Chunk Light Tuna', 'Solid White Albacore Tuna', 'Pink Salmon', 'Sardines'],
          sizes: [['5 oz', 1], ['4 pk 5 oz', 3.6]],
          price: [1.29, 3.49],
        },
      },
      Baking: {
        'Baking Supplies': {
          items: ['All Purpose Flour', 'Granulated Sugar', 'Light Brown Sugar', 'Semi-Sweet Chocolate Chips', 'Pure Vanilla Extract', 'Cake Mix'],
          sizes: [['12 oz', 0.8], ['2 lb', 0.6], ['5 lb', 1]],
          price: [2.49, 4.49],
        },
      },
      'Condiments & Spices': {
        Condiments: {
          items: ['Tomato Ketchup', 'Yellow Mustard', 'Mayonnaise', 'BBQ Sauce', 'Ranch Dressing', 'Hot Sauce', 'Dill Pickles'],
          sizes: [['12 oz', 0.8], ['20 oz', 1], ['32 oz', 1.5]],
          price: [1.99, 4.49],
        },
        Spices: {
          items: ['Ground Black Pepper', 'Garlic Powder', 'Ground Cinnamon', 'Chili Powder', 'Italian Seasoning', 'Smoked Paprika'],
          sizes: [['2 oz', 0.7], ['4 oz', 1]],
          price: [2.49, 5.49],
        },
        'Cooking Oils': {
          items: ['Extra Virgin Olive Oil', 'Canola Oil', 'Vegetable Oil', 'Avocado Oil', 'Cooking Spray'],
          sizes: [['16.9 oz', 0.6], ['48 oz', 1]],
          price: [4.99, 11.99],
        },
      },
      'Spreads & Nut Butters': {
        'Peanut Butter & Jam': {
          items: ['Creamy Peanut Butter', 'Crunchy Peanut Butter', 'Strawberry Jam', 'Grape Jelly', 'Clover Honey', 'Almond Butter'],
          sizes: [['16 oz', 1], ['28 oz', 1.6]],
          price: [2.49, 4.99],
        },
      },
    },
  },
  Beverages: {
    weight: 6,
    brandFamily: 'beverages',
    adjectives: ['Zero Sugar', 'Classic', 'Diet', 'Original', 'Caffeine Free'],
    refrigerated: false,
    taxability: 'REDUCED_RATE',
    costRatio: [0.55, 0.75],
    categories: {
      'Soft Drinks': {
        'Soft Drinks': {
          items: ['Cola', 'Lemon Lime Soda', 'Root Beer', 'Ginger Ale', 'Orange Soda', 'Cherry Cola'],
          sizes: [['2 L', 0.35], ['6 pk 16.9 oz', 0.7], ['12 pk 12 oz', 1]],
          price: [6.99, 8.99],
        },
      },
      Water: {
        'Bottled Water': {
          items: ['Spring Water', 'Purified Water', 'Sparkling Water', 'Alkaline Water', 'Lime Sparkling Water'],
          sizes: [['1 gal', 0.3], ['12 pk 12 oz', 0.9], ['24 pk 16.9 oz', 1]],
          price: [3.99, 6.49],
          taxability: 'NON_TAXABLE',
          adjectives: ['Natural', 'Premium', 'Pure'],
        },
      },
      'Juice & Coffee': {
        Juice: {
          items: ['Orange Juice', 'Apple Juice', 'Cranberry Juice Cocktail', 'Grape Juice', 'Lemonade', 'Fruit Punch'],
          sizes: [['6 pk 6.75 oz', 0.8], ['52 oz', 1], ['89 oz', 1.6]],
          price: [3.29, 5.49],
          taxability: 'NON_TAXABLE',
          adjectives: ['100%', 'No Pulp', 'Original', 'Organic'],
        },
        'Coffee & Tea': {
          items: ['Medium Roast Ground Coffee', 'Dark Roast Ground Coffee', 'Whole Bean Coffee', 'Coffee Pods', 'Green Tea Bags', 'Black Tea Bags'],
          sizes: [['12 oz', 1], ['24 ct', 1.3], ['32 oz', 2.2]],
          price: [6.99, 11.99],
          taxability: 'NON_TAXABLE',
          adjectives: ['Colombian', 'Breakfast Blend', 'Decaf', 'Organic', 'House Blend'],
        },
      },
      'Sports & Energy': {
        'Sports & Energy Drinks': {
          items: ['Sports Drink', 'Energy Drink', 'Electrolyte Water', 'Protein Shake'],
          sizes: [['28 oz', 0.3], ['4 pk 16 oz', 0.8], ['12 pk 12 oz', 1]],
          price: [7.99, 12.99],
          adjectives: ['Zero Sugar', 'Tropical', 'Fruit Punch', 'Original'],
        },
      },
      'Beer & Wine': {
        'Beer & Wine': {
          items: ['Lager', 'IPA', 'Pale Ale', 'Hard Seltzer', 'Cabernet Sauvignon', 'Chardonnay', 'Pinot Noir'],
          sizes: [['6 pk 12 oz', 1], ['12 pk 12 oz', 1.8], ['750 ml', 1.1]],
          price: [9.99, 16.99],
          taxability: 'TAXABLE',
          adjectives: ['Reserve', 'Craft', 'Light', 'Classic'],
        },
      },
    },
  },
  Snacks: {
    weight: 5,
    brandFamily: 'snacks',
    adjectives: ['Original', 'Family Size', 'Lightly Salted', 'Spicy', 'Baked', 'Classic'],
    refrigerated: false,
    taxability: 'REDUCED_RATE',
    costRatio: [0.5, 0.7],
    categories: {
      'Salty Snacks': {
        'Chips & Pretzels': {
          items: ['Potato Chips', 'Tortilla Chips', 'Kettle Cooked Chips', 'Pretzel Twists', 'Cheese Puffs', 'Pita Chips'],
          sizes: [['8 oz', 1], ['13 oz', 1.5], ['10 ct 1 oz', 1.3]],
          price: [2.99, 4.99],
        },
        'Nuts & Trail Mix': {
          items: ['Roasted Almonds', 'Mixed Nuts', 'Whole Cashews', 'Trail Mix', 'Dry Roasted Peanuts', 'Pistachios'],
          sizes: [['8 oz', 0.6], ['16 oz', 1], ['30 oz', 1.7]],
          price: [5.99, 9.99],
        },
        Popcorn: {
          items: ['Microwave Popcorn', 'Kettle Corn', 'White Cheddar Popcorn'],
          sizes: [['3 ct', 0.6], ['6 ct', 1], ['12 ct', 1.8]],
          price: [3.49, 4.99],
        },
      },
      'Sweet Snacks': {
        'Cookies & Crackers': {
          items: ['Chocolate Sandwich Cookies', 'Butter Crackers', 'Graham Crackers', 'Oatmeal Raisin Cookies', 'Cheese Crackers'],
          sizes: [['7 oz', 0.8], ['13 oz', 1], ['20 oz', 1.5]],
          price: [2.99, 4.99],
        },
        'Candy & Gum': {
          items: ['Milk Chocolate Bar', 'Peanut Butter Cups', 'Gummy Bears', 'Sour Candy', 'Spearmint Gum', 'Caramel Chews'],
          sizes: [['1.5 oz', 0.3], ['share size', 0.5], ['10 oz bag', 1]],
          price: [3.49, 5.49],
          taxability: 'TAXABLE',
        },
        'Snack Bars': {
          items: ['Chewy Granola Bars', 'Protein Bars', 'Fruit Snacks', 'Rice Crispy Treats'],
          sizes: [['6 ct', 1], ['12 ct', 1.8]],
          price: [3.49, 5.99],
        },
      },
    },
  },
  Household: {
    weight: 5,
    brandFamily: 'household',
    adjectives: ['Ultra', 'Fresh Scent', 'Unscented', 'Lavender', 'Original', 'Heavy Duty'],
    refrigerated: false,
    taxability: 'TAXABLE',
    costRatio: [0.5, 0.7],
    categories: {
      Laundry: {
        Laundry: {
          items: ['Liquid Laundry Detergent', 'Laundry Pods', 'Fabric Softener', 'Dryer Sheets', 'Stain Remover'],
          sizes: [['50 oz', 0.6], ['42 ct', 0.9], ['100 oz', 1]],
          price: [9.99, 16.99],
        },
      },
      'Paper & Plastic': {
        'Paper Goods': {
          items: ['Paper Towels', 'Bath Tissue', 'Facial Tissue', 'Paper Napkins', 'Paper Plates'],
          sizes: [['3 pk', 0.5], ['6 rolls', 0.6], ['12 rolls', 1]],
          price: [10.99, 21.99],
        },
        'Trash & Storage': {
          items: ['Tall Kitchen Trash Bags', 'Outdoor Trash Bags', 'Sandwich Bags', 'Freezer Bags', 'Aluminum Foil', 'Plastic Wrap'],
          sizes: [['40 ct', 1], ['50 ct', 1.2], ['80 ct', 1.7]],
          price: [4.99, 12.99],
        },
      },
      Cleaning: {
        'Cleaning Supplies': {
          items: ['All Purpose Cleaner', 'Glass Cleaner', 'Disinfecting Wipes', 'Bleach', 'Dish Soap', 'Dishwasher Detergent Pods'],
          sizes: [['32 oz', 1], ['75 ct', 1.1], ['64 oz', 1.4]],
          price: [3.49, 6.99],
        },
      },
    },
  },
  'Health & Beauty': {
    weight: 4,
    brandFamily: 'personalCare',
    adjectives: ['Daily', 'Sensitive', 'Moisturizing', 'Fresh', 'Advanced', 'Clinical'],
    refrigerated: false,
    taxability: 'TAXABLE',
    costRatio: [0.4, 0.6],
    categories: {
      'Hair Care': {
        'Hair Care': {
          items: ['Shampoo', 'Conditioner', '2-in-1 Shampoo', 'Dry Shampoo', 'Styling Gel'],
          sizes: [['12 oz', 1], ['25 oz', 1.7]],
          price: [4.99, 9.99],
        },
      },
      'Oral Care': {
        'Oral Care': {
          items: ['Whitening Toothpaste', 'Fluoride Toothpaste', 'Mouthwash', 'Soft Toothbrushes', 'Dental Floss'],
          sizes: [['4 oz', 1], ['2 pk', 1.3], ['1 L', 1.5]],
          price: [3.49, 6.99],
        },
      },
      'Skin & Body': {
        'Skin Care': {
          items: ['Body Lotion', 'Facial Cleanser', 'Daily Moisturizer SPF 30', 'Sunscreen SPF 50', 'Lip Balm'],
          sizes: [['3 oz', 0.7], ['8 oz', 1], ['16 oz', 1.6]],
          price: [6.99, 14.99],
        },
        'Bath & Body': {
          items: ['Body Wash', 'Bar Soap', 'Deodorant', 'Liquid Hand Soap'],
          sizes: [['2.6 oz', 0.5], ['18 oz', 1], ['8 ct', 1.1]],
          price: [4.49, 8.99],
        },
      },
      Cosmetics: {
        Cosmetics: {
          items: ['Mascara', 'Lipstick', 'Liquid Foundation', 'Nail Polish', 'Eyeliner', 'Makeup Remover Wipes'],
          sizes: noSize,
          price: [6.99, 15.99],
          adjectives: ['Waterproof', 'Matte', 'Long Wear', 'Natural'],
        },
      },
      Shaving: {
        Shaving: {
          items: ['Disposable Razors', 'Razor Cartridges', 'Shaving Cream', 'Electric Trimmer'],
          sizes: [['4 ct', 0.6], ['8 ct', 1], ['12 ct', 1.4]],
          price: [9.99, 24.99],
        },
      },
    },
  },
  Pharmacy: {
    weight: 3,
    brandFamily: 'pharmacy',
    adjectives: ['Extra Strength', 'Maximum Strength', "Children's", 'Non-Drowsy', 'Rapid Release', 'Daily'],
    refrigerated: false,
    taxability: 'REDUCED_RATE',
    costRatio: [0.35, 0.6],
    categories: {
      'Over the Counter': {
        'Pain Relief': {
          items: ['Ibuprofen Tablets', 'Acetaminophen Caplets', 'Naproxen Sodium Tablets', 'Low Dose Aspirin'],
          sizes: [['50 ct', 0.5], ['100 ct', 1], ['200 ct', 1.7]],
          price: [6.99, 13.99],
        },
        'Cold & Allergy': {
          items: ['Cold & Flu Relief', 'Allergy Relief Tablets', 'Cough Syrup', 'Nasal Spray', 'Throat Lozenges'],
          sizes: [['24 ct', 1], ['8 oz', 1.1], ['48 ct', 1.7]],
          price: [6.99, 14.99],
        },
        'Digestive Health': {
          items: ['Antacid Tablets', 'Fiber Supplement', 'Stomach Relief Liquid', 'Probiotic Capsules'],
          sizes: [['30 ct', 0.6], ['72 ct', 1], ['12 oz', 0.9]],
          price: [7.99, 14.99],
        },
      },
      'Vitamins & Supplements': {
        Vitamins: {
          items: ['Multivitamin', 'Vitamin D3', 'Vitamin C', 'Fish Oil', 'Melatonin', 'Calcium + D'],
          sizes: [['60 ct', 0.6], ['120 ct', 1], ['200 ct', 1.5]],
          price: [8.99, 19.99],
          taxability: 'TAXABLE',
          adjectives: ['Adult', "Women's", "Men's", 'Gummy', 'Daily'],
        },
      },
      'First Aid': {
        'First Aid': {
          items: ['Adhesive Bandages', 'First Aid Kit', 'Antibiotic Ointment', 'Hand Sanitizer', 'Digital Thermometer'],
          sizes: [['', 1], ['2 pk', 1.7]],
          price: [3.99, 12.99],
          taxability: 'TAXABLE',
          adjectives: ['Flexible', 'Travel', 'Advanced', 'Waterproof'],
        },
      },
    },
  },
  Baby: {
    weight: 2,
    brandFamily: 'baby',
    adjectives: ['Sensitive', 'Organic', 'Ultra Soft', 'Overnight'],
    refrigerated: false,
    taxability: 'TAXABLE',
    costRatio: [0.55, 0.75],
    categories: {
      'Diapers & Wipes': {
        'Diapers & Wipes': {
          items: ['Diapers Size 1', 'Diapers Size 3', 'Diapers Size 5', 'Training Pants', 'Baby Wipes'],
          sizes: [['jumbo pack', 0.5], ['mega pack', 1], ['club box', 1.6]],
          price: [24.99, 34.99],
        },
      },
      'Baby Food': {
        'Baby Food & Formula': {
          items: ['Infant Formula', 'Stage 2 Baby Food', 'Baby Oatmeal Cereal', 'Toddler Puffs'],
          sizes: [['4 pk 4 oz', 0.15], ['12.4 oz', 0.5], ['30 oz', 1]],
          price: [24.99, 39.99],
          taxability: 'NON_TAXABLE',
        },
      },
    },
  },
  Pet: {
    weight: 2,
    brandFamily: 'pet',
    adjectives: ['Grain Free', 'Adult', 'Puppy', 'Senior', 'Indoor', 'Natural'],
    refrigerated: false,
    taxability: 'TAXABLE',
    costRatio: [0.55, 0.72],
    categories: {
      Dog: {
        'Dog Food & Treats': {
          items: ['Dry Dog Food', 'Dog Biscuits', 'Dental Chews', 'Jerky Dog Treats'],
          sizes: [['3.5 lb', 0.3], ['15 lb', 1], ['30 lb', 1.8]],
          price: [19.99, 34.99],
        },
      },
      Cat: {
        'Cat Food & Litter': {
          items: ['Dry Cat Food', 'Wet Cat Food Variety Pack', 'Cat Treats', 'Clumping Cat Litter'],
          sizes: [['3 lb', 0.3], ['12 pk', 0.6], ['14 lb', 1]],
          price: [14.99, 24.99],
        },
      },
    },
  },
  Electronics: {
    weight: 3,
    brandFamily: 'electronics',
    adjectives: ['Smart', 'Wireless', 'Pro', 'Ultra', 'Compact', 'Essential'],
    refrigerated: false,
    taxability: 'TAXABLE',
    costRatio: [0.72, 0.88],
    categories: {
      'TV & Video': {
        Televisions: {
          items: ['4K UHD Smart TV', 'QLED 4K Smart TV', 'OLED 4K TV', 'HD LED Smart TV'],
          sizes: [['32 in', 0.15], ['43 in', 0.25], ['55 in', 0.45], ['65 in', 0.7], ['75 in', 1]],
          price: [999, 1499],
          adjectives: ['Flat Panel', 'Slim', 'Frameless'],
        },
      },
      Audio: {
        'Headphones & Speakers': {
          items: ['Wireless Earbuds', 'Over-Ear Headphones', 'Bluetooth Speaker', 'Soundbar', 'Portable Party Speaker'],
          sizes: noSize,
          price: [29.99, 249.99],
        },
      },
      Computers: {
        'Laptops & Tablets': {
          items: ['Laptop 15.6 in', 'Chromebook 14 in', 'Tablet 10 in', '2-in-1 Laptop 13 in'],
          sizes: [['64 GB', 0.5], ['128 GB', 0.7], ['256 GB', 0.85], ['512 GB', 1]],
          price: [499, 999],
        },
        'Computer Accessories': {
          items: ['Wireless Mouse', 'Mechanical Keyboard', 'USB-C Hub', 'HD Webcam', 'Portable SSD 1 TB'],
          sizes: noSize,
          price: [19.99, 89.99],
        },
      },
      'Mobile Accessories': {
        'Phone Accessories': {
          items: ['Fast Wall Charger', 'USB-C Cable 6 ft', 'Phone Case', 'Power Bank', 'Screen Protector'],
          sizes: [['', 1], ['2 pk', 1.6]],
          price: [9.99, 29.99],
        },
        Batteries: {
          items: ['AA Alkaline Batteries', 'AAA Alkaline Batteries', '9V Batteries', 'Coin Cell Batteries'],
          sizes: [['4 pk', 0.4], ['8 pk', 0.7], ['20 pk', 1]],
          price: [14.99, 21.99],
          adjectives: ['Long Lasting', 'Max', 'Rechargeable'],
        },
      },
      Gaming: {
        'Video Games': {
          items: ['Wireless Game Controller', 'Gaming Headset', 'Action Adventure Game', 'Racing Game', 'Family Party Game'],
          sizes: noSize,
          price: [39.99, 69.99],
        },
      },
    },
  },
  'Home & Garden': {
    weight: 4,
    brandFamily: 'home',
    adjectives: ['Classic', 'Modern', 'Essential', 'Premium', 'Farmhouse', 'Deluxe'],
    refrigerated: false,
    taxability: 'TAXABLE',
    costRatio: [0.45, 0.65],
    categories: {
      Kitchen: {
        Cookware: {
          items: ['Nonstick Frying Pan', 'Stainless Steel Saucepan', 'Cast Iron Skillet', 'Enameled Dutch Oven', 'Baking Sheet'],
          sizes: [['8 in', 0.6], ['10 in', 0.8], ['12 in', 1]],
          price: [24.99, 59.99],
        },
        'Small Appliances': {
          items: ['Drip Coffee Maker', '2-Slice Toaster', 'Countertop Blender', 'Air Fryer', 'Slow Cooker', 'Electric Kettle'],
          sizes: noSize,
          price: [29.99, 99.99],
        },
      },
      'Bed & Bath': {
        'Bed & Bath': {
          items: ['Bath Towel', 'Queen Sheet Set', 'Bed Pillow', 'Throw Blanket', 'Shower Curtain'],
          sizes: noSize,
          price: [14.99, 49.99],
        },
      },
      'Home Decor': {
        'Decor & Storage': {
          items: ['Scented Candle', 'Picture Frame', 'Decorative Pillow', 'Table Lamp', 'Storage Bin', 'Laundry Basket'],
          sizes: noSize,
          price: [9.99, 39.99],
        },
      },
      Grilling: {
        Grills: {
          items: ['3-Burner Gas Grill', 'Charcoal Kettle Grill', 'Pellet Grill', 'Portable Gas Grill', 'Flat Top Griddle'],
          sizes: noSize,
          price: [149, 599],
          brandFamily: 'outdoor',
          adjectives: ['Stainless', 'Pro Series', 'Compact', 'Deluxe'],
        },
        'Grilling Accessories': {
          items: ['Grill Cover', 'Grilling Tool Set', 'Charcoal Briquets', 'Hardwood Pellets', 'Grill Brush', 'Meat Thermometer'],
          sizes: noSize,
          price: [9.99, 39.99],
          brandFamily: 'outdoor',
          adjectives: ['Heavy Duty', 'Premium', 'Classic'],
        },
      },
      'Lawn & Garden': {
        'Lawn & Garden': {
          items: ['Potting Soil', 'Garden Hose 50 ft', 'Lawn Fertilizer', 'Grass Seed', 'Hand Pruners', 'Wild Bird Seed'],
          sizes: noSize,
          price: [7.99, 29.99],
          brandFamily: 'outdoor',
          adjectives: ['All Purpose', 'Premium', 'Professional'],
        },
        Patio: {
          items: ['Patio Chair', 'Outdoor Cushion', 'String Lights', 'Solar Path Lights', 'Patio Umbrella'],
          sizes: noSize,
          price: [19.99, 79.99],
          brandFamily: 'outdoor',
        },
      },
    },
  },
  Apparel: {
    weight: 4,
    brandFamily: 'apparel',
    adjectives: ["Men's", "Women's", "Kids'", "Boys'", "Girls'"],
    adjectiveShare: 0.9,
    refrigerated: false,
    taxability: 'TAXABLE',
    costRatio: [0.3, 0.5],
    categories: {
      Tops: {
        Tops: {
          items: ['Crewneck T-Shirt', 'Polo Shirt', 'Flannel Shirt', 'Pullover Hoodie', 'Fleece Quarter Zip'],
          sizes: apparelSizes,
          price: [9.99, 34.99],
        },
      },
      Bottoms: {
        Bottoms: {
          items: ['Slim Fit Jeans', 'Chino Pants', 'Jogger Pants', 'Athletic Shorts', 'Leggings'],
          sizes: apparelSizes,
          price: [14.99, 39.99],
        },
      },
      Outerwear: {
        Outerwear: {
          items: ['Puffer Jacket', 'Rain Jacket', 'Winter Parka', 'Fleece Vest'],
          sizes: apparelSizes,
          price: [39.99, 99.99],
        },
      },
      Footwear: {
        Footwear: {
          items: ['Running Shoes', 'Canvas Sneakers', 'Slide Sandals', 'Winter Boots', 'Slippers'],
          sizes: [['size 7', 1], ['size 8', 1], ['size 9', 1], ['size 10', 1], ['size 11', 1]],
          price: [19.99, 79.99],
        },
      },
      'Socks & Underwear': {
        'Socks & Underwear': {
          items: ['Crew Socks 6 pk', 'Ankle Socks 10 pk', 'Boxer Briefs 5 pk', 'Cotton Briefs 6 pk'],
          sizes: apparelSizes,
          price: [9.99, 19.99],
        },
      },
      Accessories: {
        Accessories: {
          items: ['Knit Beanie', 'Baseball Cap', 'Winter Gloves', 'Leather Belt', 'Scarf'],
          sizes: [['one size', 1]],
          price: [9.99, 24.99],
        },
      },
    },
  },
  Toys: {
    weight: 2,
    brandFamily: 'toys',
    adjectives: ['Deluxe', 'Classic', 'Mini', 'Ultimate', 'Junior'],
    refrigerated: false,
    taxability: 'TAXABLE',
    costRatio: [0.45, 0.6],
    categories: {
      'Building Sets': {
        'Building Sets': {
          items: ['Building Brick Set', 'Castle Building Set', 'Space Station Set', 'Fire Station Set'],
          sizes: [['250 pc', 0.4], ['500 pc', 0.7], ['1000 pc', 1]],
          price: [39.99, 99.99],
        },
      },
      'Dolls & Figures': {
        'Dolls & Action Figures': {
          items: ['Fashion Doll', 'Baby Doll', 'Superhero Action Figure', 'Wooden Dollhouse', 'Plush Teddy Bear'],
          sizes: noSize,
          price: [9.99, 49.99],
        },
      },
      'Games & Puzzles': {
        'Games & Puzzles': {
          items: ['Family Board Game', 'Strategy Card Game', 'Jigsaw Puzzle 1000 pc', 'Trivia Game'],
          sizes: noSize,
          price: [12.99, 29.99],
        },
      },
      'Outdoor & Vehicles': {
        'Ride-Ons & Outdoor Play': {
          items: ['Kids Scooter', 'Kids Bike 16 in', 'Water Blaster', 'Playground Ball', 'Bubble Machine'],
          sizes: noSize,
          price: [9.99, 119.99],
        },
        'Vehicles & RC': {
          items: ['Remote Control Car', 'Die-Cast Car 5 pk', 'Wooden Train Set', 'Mini Drone'],
          sizes: noSize,
          price: [14.99, 79.99],
        },
      },
    },
  },
  'Sporting Goods': {
    weight: 2,
    brandFamily: 'sports',
    adjectives: ['Pro', 'Performance', 'Youth', 'Official Size', 'Training'],
    refrigerated: false,
    taxability: 'TAXABLE',
    costRatio: [0.45, 0.65],
    categories: {
      Fitness: {
        Fitness: {
          items: ['Yoga Mat', 'Adjustable Dumbbells', 'Resistance Bands', 'Kettlebell', 'Jump Rope', 'Foam Roller'],
          sizes: noSize,
          price: [9.99, 89.99],
        },
      },
      'Team Sports': {
        'Team Sports': {
          items: ['Basketball', 'Soccer Ball', 'Football', 'Baseball Glove', 'Aluminum Baseball Bat', 'Volleyball'],
          sizes: noSize,
          price: [14.99, 49.99],
        },
      },
      'Outdoor Recreation': {
        Camping: {
          items: ['4-Person Tent', 'Sleeping Bag', 'Folding Camp Chair', 'Rolling Cooler 48 qt', 'LED Headlamp', 'Insulated Water Bottle'],
          sizes: noSize,
          price: [14.99, 129.99],
        },
        Fishing: {
          items: ['Spinning Rod and Reel Combo', 'Tackle Box', 'Monofilament Fishing Line', 'Fishing Lures Kit'],
          sizes: noSize,
          price: [9.99, 59.99],
        },
      },
      Golf: {
        Golf: {
          items: ['Golf Balls 12 pk', 'Golf Glove', 'Golf Tees 100 ct', 'Golf Umbrella'],
          sizes: noSize,
          price: [9.99, 39.99],
        },
      },
    },
  },
  Seasonal: {
    weight: 2,
    brandFamily: 'seasonal',
    adjectives: ['Festive', 'Classic', 'Deluxe', 'Vintage'],
    refrigerated: false,
    taxability: 'TAXABLE',
    costRatio: [0.35, 0.55],
    categories: {
      Holiday: {
        'Holiday Decor': {
          items: ['Pre-Lit Artificial Tree 7 ft', 'LED String Lights', 'Glass Ornament Set', 'Evergreen Wreath', 'Knit Stocking', 'Inflatable Snowman'],
          sizes: noSize,
          price: [9.99, 149.99],
        },
        'Gift Wrap & Cards': {
          items: ['Wrapping Paper Roll', 'Gift Bags', 'Greeting Cards 12 ct', 'Tissue Paper', 'Ribbon & Bows'],
          sizes: noSize,
          price: [3.99, 12.99],
        },
      },
      Halloween: {
        Halloween: {
          items: ['Adult Costume', 'Kids Costume', 'Candy Bowl', 'Pumpkin Carving Kit', 'Posable Skeleton'],
          sizes: noSize,
          price: [9.99, 39.99],
        },
      },
      Summer: {
        'Summer Fun': {
          items: ['Beach Towel', 'Pool Float', 'Beach Umbrella', 'Sand Toy Set', 'Beach Chair'],
          sizes: noSize,
          price: [9.99, 49.99],
        },
      },
    },
  },
};

function flatten(input: Readonly<Record<string, DepartmentInput>>): SubcategoryTemplate[] {
  const templates: SubcategoryTemplate[] = [];
  for (const [department, definition] of Object.entries(input)) {
    const subcategoryCount = Object.values(definition.categories).reduce((total, category) => total + Object.keys(category).length, 0);
    for (const [category, subcategories] of Object.entries(definition.categories)) {
      for (const [subcategory, template] of Object.entries(subcategories)) {
        templates.push({
          department,
          category,
          subcategory,
          items: template.items,
          sizes: template.sizes,
          price: template.price,
          costRatio: definition.costRatio,
          refrigerated: template.refrigerated ?? definition.refrigerated,
          taxability: template.taxability ?? definition.taxability,
          brandFamily: template.brandFamily ?? definition.brandFamily,
          adjectives: template.adjectives ?? definition.adjectives,
          adjectiveShare: definition.adjectiveShare ?? 0.45,
          weight: definition.weight / subcategoryCount,
        });
      }
    }
  }
  return templates;
}

/**
 * Every subcategory of the assortment (department > category > subcategory)
 * with item names, sizes, price levels, refrigeration, taxability and brands.
 *
 * @example
 * ```ts
 * const milk = productCatalog.find((template) => template.subcategory === 'Milk');
 * milk?.department; // 'Dairy'
 * milk?.refrigerated; // true
 * ```
 */
export const productCatalog: readonly SubcategoryTemplate[] = flatten(departments);
