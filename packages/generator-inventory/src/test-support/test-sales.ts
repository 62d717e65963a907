import {
  int32Column,
  inventoryLedgerPoint,
  requireDim,
  timestampOf,
  type FactRun,
  type GeneratorPlugin,
} from '@retail-datagen/generator-core';
import { createInventoryPlan, expectedDailyUnits, type InventoryPlan } from '../inventory-plan.js';

/** One take the stand-in made, with what the ledger said before and after. */
export interface TakeRecord {
  storeIndex: number;
  productIndex: number;
  dayNumber: number;
  asked: number;
  before: number;
  taken: number;
  after: number;
}

export interface TestSalesOptions {
  /** Demand relative to the inventory package's expected daily units. */
  readonly demandFactor: number;
  /** Where takes are recorded (shared by the test; fine in a test). */
  readonly takes?: TakeRecord[];
  /** Share of hours in which a product sold that hour comes back as a 1-unit RETURN. */
  readonly returnShare?: number;
  /** Post for the next store instead of the current one (to test the ledger's guard). */
  readonly postForOtherStore?: boolean;
}

const plans = new WeakMap<FactRun, InventoryPlan>();
function planOf(run: FactRun): InventoryPlan {
  let plan = plans.get(run);
  if (!plan) {
    plan = createInventoryPlan(run);
    plans.set(run, plan);
  }
  return plan;
}

/**
 * A tiny receipts stand-in: in each open hour it takes Poisson(demand / open
 * hours) units of every launched product from the ledger, in two postings at
 * the top of the hour (so stockouts of one product can share a timestamp).
 */
export function createTestSales(options: TestSalesOptions): GeneratorPlugin {
  return {
    specificationVersion: 'v1',
    id: 'test-sales',
    description: 'Takes random products from the inventory ledger every store-hour',
    requires: ['inventory'],
    tables: [],
    facts: {
      storeHour(context) {
        const { run, storeIndex, dayNumber, hour } = context;
        const stores = requireDim(run.dims, 'dim_stores');
        const open = int32Column(stores, 'OpenHour')[storeIndex] as number;
        const close = int32Column(stores, 'CloseHour')[storeIndex] as number;
        if (hour < open || hour >= close) return;
        const plan = planOf(run);
        const ledger = context.slots.get(inventoryLedgerPoint, 'test-sales');
        const random = context.random('hour', hour);
        const timestamp = timestampOf(dayNumber, hour);
        const target = options.postForOtherStore ? (storeIndex + 1) % run.storeCount : storeIndex;
        for (let product = 0; product < plan.productCount; product++) {
          if ((plan.launchDays[product] as number) > dayNumber) continue;
          const demand = random.poisson((options.demandFactor * expectedDailyUnits(plan, storeIndex, product)) / (close - open));
          if (demand === 0) continue;
          const first = Math.ceil(demand / 2);
          for (const asked of demand === 1 ? [1] : [first, demand - first]) {
            const before = ledger.balance(target, product);
            const taken = ledger.take({ storeIndex: target, productIndex: product, quantity: asked, type: 'SALE', timestamp, source: `R-${storeIndex}-${dayNumber}-${hour}` });
            const after = ledger.balance(target, product);
            options.takes?.push({ storeIndex, productIndex: product, dayNumber, asked, before, taken, after });
          }
          if (options.returnShare !== undefined && random.chance(options.returnShare)) {
            ledger.put({ storeIndex, productIndex: product, quantity: 1, type: 'RETURN', timestamp: timestamp + 60_000, source: `RT-${storeIndex}-${dayNumber}-${hour}` });
          }
        }
      },
    },
  };
}
