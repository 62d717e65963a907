import { DemandMultiplier, CompositionSlots, FactEngine, createGeneratorRegistry, dayNumberOf, int32Column, type FactRun } from '@retail-datagen/generator-core';
import { master } from '@retail-datagen/generator-master';
import { parseConfig, type RetailConfigInput } from '@retail-datagen/models';
import { beforeAll, describe, expect, it } from 'vitest';
import { calendarOfYear } from './holiday-calendar.js';
import { createSeasonalGenerator, seasonal } from './seasonal-generator.js';
import { masterRun } from './test-support/master-run.js';

let baseRun: FactRun;

beforeAll(async () => {
  baseRun = await masterRun({ start: '2024-01-01', end: '2025-12-31' });
});

/** The base run's dims with another configuration (seasonal reads only config and dim_stores). */
function withConfig(input: RetailConfigInput): FactRun {
  return { ...baseRun, config: parseConfig({ ...input, start: '2024-01-01', end: '2025-12-31' }) };
}

function demandFor(run: FactRun, plugin = seasonal): DemandMultiplier {
  const demand = new DemandMultiplier();
  plugin.facts?.setup?.({ run, demand, slots: new CompositionSlots() });
  return demand;
}

const dayTotal = (demand: DemandMultiplier, storeIndex: number, dayNumber: number) => {
  let total = 0;
  for (let hour = 0; hour < 24; hour++) total += demand.multiplier({ storeIndex, dayNumber, hour });
  return total;
};

describe('seasonal generator', () => {
  it('is a v1 plugin that writes no table and requires master', () => {
    expect(seasonal.specificationVersion).toBe('v1');
    expect(seasonal.id).toBe('seasonal');
    expect(seasonal.requires).toEqual(['master']);
    expect(seasonal.tables).toEqual([]);
    expect(demandFor(baseRun).contributors()).toEqual(['seasonal']);
  });

  it('spreads each store day over its open hours only, summing to the day factors', () => {
    const demand = demandFor(baseRun);
    const stores = baseRun.dims.get('dim_stores')!;
    const openHours = int32Column(stores, 'OpenHour');
    const closeHours = int32Column(stores, 'CloseHour');
    const ordinaryTuesday = dayNumberOf('2024-04-09');
    let aroundTheClock = 0;
    for (let store = 0; store < baseRun.storeCount; store++) {
      const open = openHours[store] as number;
      const close = closeHours[store] as number;
      if (open === 0 && close === 24) aroundTheClock++;
      for (let hour = 0; hour < 24; hour++) {
        const value = demand.multiplier({ storeIndex: store, dayNumber: ordinaryTuesday, hour });
        if (hour >= open && hour < close) expect(value).toBeGreaterThan(0);
        else expect(value).toBe(0);
      }
      // An ordinary spring Tuesday: 0.96 of an ordinary weekday.
      expect(dayTotal(demand, store, ordinaryTuesday)).toBeCloseTo(0.96, 12);
    }
    expect(aroundTheClock).toBeGreaterThan(0);
  });

  it('makes Black Friday blackFridayLift times the Friday before, at every hour, following the config', () => {
    for (const lift of [2.4, 4.1]) {
      const demand = demandFor(withConfig({ seasonality: { blackFridayLift: lift } }));
      for (const year of [2024, 2025]) {
        const blackFriday = calendarOfYear(year).days.blackFriday;
        for (const store of [0, 7, 31]) {
          expect(dayTotal(demand, store, blackFriday) / dayTotal(demand, store, blackFriday - 7)).toBeCloseTo(lift, 12);
          const peak = { storeIndex: store, hour: 17 };
          expect(demand.multiplier({ ...peak, dayNumber: blackFriday }) / demand.multiplier({ ...peak, dayNumber: blackFriday - 7 })).toBeCloseTo(lift, 12);
        }
      }
    }
  });

  it('makes the weekend mean weekendLift times the weekday mean of an ordinary week', () => {
    for (const weekendLift of [1.3, 1.75]) {
      const demand = demandFor(withConfig({ traffic: { weekendLift } }));
      const monday = dayNumberOf('2024-04-08');
      const weekdays = [0, 1, 2, 3, 4].map((offset) => dayTotal(demand, 3, monday + offset));
      const weekend = [5, 6].map((offset) => dayTotal(demand, 3, monday + offset));
      const weekdayMean = weekdays.reduce((sum, value) => sum + value, 0) / 5;
      expect(weekdayMean).toBeCloseTo(1, 12);
      expect((weekend[0]! + weekend[1]!) / 2 / weekdayMean).toBeCloseTo(weekendLift, 12);
    }
  });

  it('closes every store on Christmas Day, unless closedOnChristmas is false', () => {
    const christmas = dayNumberOf('2024-12-25');
    const closing = demandFor(baseRun);
    for (let store = 0; store < baseRun.storeCount; store++) {
      expect(closing.isClosed(store, christmas)).toBe(true);
      expect(closing.isClosed(store, christmas - 1)).toBe(false);
      expect(closing.isClosed(store, christmas + 1)).toBe(false);
    }
    expect(dayTotal(closing, 0, christmas)).toBe(0);
    const open = demandFor(withConfig({ seasonality: { closedOnChristmas: false } }));
    expect(open.isClosed(0, christmas)).toBe(false);
    expect(dayTotal(open, 0, christmas)).toBeGreaterThan(0);
  });

  it('contributes category overlays: grilling up in July, neutral in February', () => {
    const demand = demandFor(baseRun);
    expect(demand.categoryMultiplier(dayNumberOf('2024-07-15'), 'Grilling')).toBeGreaterThan(1);
    expect(demand.categoryMultiplier(dayNumberOf('2024-02-15'), 'Grilling')).toBe(1);
    expect(demand.categoryMultiplier(dayNumberOf('2024-11-29'), 'Gaming')).toBeCloseTo(2.5, 12);
    // Days outside the run are computed on demand with the same rules.
    expect(demand.categoryMultiplier(dayNumberOf('2030-07-15'), 'Grilling')).toBeCloseTo(1.8, 12);
    expect(demand.multiplier({ storeIndex: 0, dayNumber: dayNumberOf('2030-11-29'), hour: 17 }) / demand.multiplier({ storeIndex: 0, dayNumber: dayNumberOf('2030-11-22'), hour: 17 })).toBeCloseTo(2.4, 12);
  });

  it('is deterministic: same run and config give the same multipliers', () => {
    const first = demandFor(baseRun);
    const second = demandFor(withConfig({}));
    for (let day = baseRun.firstDay; day <= baseRun.lastDay; day += 11) {
      for (const store of [0, 5, 39]) {
        for (const hour of [3, 9, 12, 17, 22]) {
          expect(second.multiplier({ storeIndex: store, dayNumber: day, hour })).toBe(first.multiplier({ storeIndex: store, dayNumber: day, hour }));
        }
      }
      expect(second.categoryMultiplier(day, 'Holiday')).toBe(first.categoryMultiplier(day, 'Holiday'));
    }
  });

  it('takes custom hour weights and overlays, and refuses bad ones at construction', () => {
    const flat = createSeasonalGenerator({ hourOfDayWeights: Array.from({ length: 24 }, () => 1), categoryOverlays: { Milk: [{ window: 'summer', factor: 0.5 }] } });
    const demand = demandFor(baseRun, flat);
    const day = dayNumberOf('2024-04-09');
    expect(demand.multiplier({ storeIndex: 0, dayNumber: day, hour: 10 })).toBeCloseTo(demand.multiplier({ storeIndex: 0, dayNumber: day, hour: 15 }), 12);
    expect(demand.categoryMultiplier(dayNumberOf('2024-07-15'), 'Milk')).toBe(0.5);
    expect(demand.categoryMultiplier(dayNumberOf('2024-07-15'), 'Grilling')).toBe(1);
    expect(() => createSeasonalGenerator({ hourOfDayWeights: [1, 2] })).toThrow(/24 entries/);
    expect(() => createSeasonalGenerator({ categoryOverlays: { Milk: [{ window: 'monsoon' as 'summer', factor: 2 }] } })).toThrow(/monsoon/);
  });

  it('plugs into the fact engine through the registry', async () => {
    const run = await masterRun({ start: '2024-11-28', end: '2024-11-30' });
    const engine = new FactEngine(createGeneratorRegistry({ seasonal, master }), run, { partitions: 4 });
    expect(engine.demand.contributors()).toEqual(['seasonal']);
    const day = engine.runDay(run.firstDay);
    expect(day.batches).toEqual([]);
    const thanksgiving = dayNumberOf('2024-11-28');
    expect(dayTotal(engine.demand, 0, thanksgiving + 1) / dayTotal(engine.demand, 0, thanksgiving - 6)).toBeCloseTo(run.config.seasonality.blackFridayLift, 12);
    expect(() => createGeneratorRegistry({ seasonal })).toThrow(/master/);
  });
});
