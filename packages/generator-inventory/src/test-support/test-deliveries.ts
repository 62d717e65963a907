import {
  int32Column,
  isoDateOf,
  requireDim,
  storeReplenishmentPoint,
  type FactHooks,
  type GeneratorPlugin,
} from '@retail-datagen/generator-core';

/** Deliveries on their way to one store, as parallel arrays. */
interface TestDeliveriesState {
  readonly days: number[];
  readonly products: number[];
  readonly quantities: number[];
  readonly sources: string[];
}

/** The hour the test deliveries unload: the store's open hour, 06:00 for stores open around the clock. */
export function testDeliveryHour(openHour: number, closeHour: number): number {
  return openHour === 0 && closeHour === 24 ? 6 : openHour;
}

/** The shipment id the test deliveries give a store's reorders of a day. */
export function testShipmentId(storeId: number, dayNumber: number): string {
  return `TEST-S${String(storeId).padStart(5, '0')}-${isoDateOf(dayNumber).replaceAll('-', '')}`;
}

/**
 * A tiny logistics stand-in for the inventory tests: every reorder request a
 * store raises (read from `storeReplenishmentPoint` at its end of day) is
 * booked in full on the inventory dock `inventory.leadTimeDays` later, at
 * the store's delivery hour ({@link testDeliveryHour}).
 */
export function createTestDeliveries(): GeneratorPlugin {
  const facts: FactHooks<unknown, TestDeliveriesState> = {
    createStoreState() {
      return { days: [], products: [], quantities: [], sources: [] };
    },
    startStoreDay(context) {
      const { state, storeIndex, dayNumber, run } = context;
      if (state.days.length === 0) return;
      const stores = requireDim(run.dims, 'dim_stores');
      const hour = testDeliveryHour(int32Column(stores, 'OpenHour')[storeIndex] as number, int32Column(stores, 'CloseHour')[storeIndex] as number);
      const dock = context.slots.get(storeReplenishmentPoint, 'test-deliveries');
      let kept = 0;
      for (let index = 0; index < state.days.length; index++) {
        const due = state.days[index] as number;
        if (due <= dayNumber) {
          dock.book({ storeIndex, productIndex: state.products[index] as number, quantity: state.quantities[index] as number, hour, source: state.sources[index] as string });
          continue;
        }
        state.days[kept] = due;
        state.products[kept] = state.products[index] as number;
        state.quantities[kept] = state.quantities[index] as number;
        state.sources[kept] = state.sources[index] as string;
        kept++;
      }
      for (const list of [state.days, state.products, state.quantities, state.sources]) list.length = kept;
    },
    endStoreDay(context) {
      const { state, storeIndex, dayNumber, run } = context;
      const { requests } = context.slots.get(storeReplenishmentPoint, 'test-deliveries');
      const storeId = int32Column(requireDim(run.dims, 'dim_stores'), 'ID')[storeIndex] as number;
      for (let index = 0; index < requests.storeIndices.length; index++) {
        if (requests.storeIndices[index] !== storeIndex) continue;
        state.days.push(dayNumber + run.config.inventory.leadTimeDays);
        state.products.push(requests.productIndices[index] as number);
        state.quantities.push(requests.quantities[index] as number);
        state.sources.push(testShipmentId(storeId, dayNumber));
      }
    },
  };
  return {
    specificationVersion: 'v1',
    id: 'test-deliveries',
    description: 'Books every reorder on the inventory dock lead time later (tests only)',
    requires: ['inventory'],
    tables: [],
    facts: facts as FactHooks,
  };
}
