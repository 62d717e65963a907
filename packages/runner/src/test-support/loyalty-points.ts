import type { GeneratorPlugin, StoreHourContext } from '@retail-datagen/generator-core';
import { storeHourVisitsPoint } from '@retail-datagen/generator-receipts';
import { defineTable } from '@retail-datagen/models';

/**
 * An example generator package from outside the built-in set, as a user
 * would write it: loyalty points for every receipt of a known customer,
 * read from what the receipts package publishes each store-hour. It needs
 * no edit of the engine, the runner or the receipts package.
 */
export const factLoyaltyPoints = defineTable({
  name: 'FactLoyaltyPoints',
  kind: 'fact',
  description: 'Points earned (or taken back on returns) per receipt of a known customer',
  primaryKey: ['ReceiptId'],
  fields: [
    { name: 'ReceiptId', type: 'string', column: 'receipt_id_ext', references: 'fact_receipts.receipt_id_ext' },
    { name: 'EventTS', type: 'timestamp' },
    { name: 'CustomerID', type: 'int32', references: 'dim_customers.id' },
    { name: 'Points', type: 'int32', description: 'pointsPerDollar per whole dollar of the total, negative for returns' },
    { name: 'Bonus', type: 'boolean', description: 'Drawn with bonusChance: the points are doubled' },
  ],
});

export function createLoyaltyGenerator(options: { pointsPerDollar?: number; bonusChance?: number } = {}): GeneratorPlugin {
  const pointsPerDollar = options.pointsPerDollar ?? 10;
  const bonusChance = options.bonusChance ?? 0.05;
  return {
    specificationVersion: 'v1',
    id: 'loyalty',
    description: 'Loyalty points per receipt of a known customer',
    requires: ['receipts'],
    tables: [factLoyaltyPoints],
    facts: {
      storeHour(context: StoreHourContext) {
        const visits = context.slots.get(storeHourVisitsPoint, 'loyalty');
        if (visits.count === 0) return;
        const random = context.random('bonus', context.hour);
        const rows = context.emit(factLoyaltyPoints);
        for (let row = 0; row < visits.count; row++) {
          const customerId = visits.customerIds[row] as number;
          if (customerId < 0) continue;
          const total = visits.totals[row] as number;
          const bonus = random.chance(bonusChance);
          const points = Math.sign(total) * Math.floor(Math.abs(total) / 100) * pointsPerDollar * (bonus ? 2 : 1);
          rows.pushString('ReceiptId', visits.receiptIds[row] as string);
          rows.pushNumber('EventTS', visits.timestamps[row] as number);
          rows.pushNumber('CustomerID', customerId);
          rows.pushNumber('Points', points);
          rows.pushNumber('Bonus', bonus ? 1 : 0);
          rows.endRow();
        }
      },
    },
  };
}
