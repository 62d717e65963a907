import { InvalidArgumentError, RetailDatagenError } from '@retail-datagen/models';
import { describe, expect, it } from 'vitest';
import { resolveBatchRows } from './batch-rows-option.js';

describe('resolveBatchRows', () => {
  it('is adaptive when neither the option nor the environment variable is set', () => {
    expect(resolveBatchRows(undefined, {})).toEqual({ mode: 'adaptive' });
  });

  it('uses the option, given as a number or as a string', () => {
    expect(resolveBatchRows(5_000, {})).toEqual({ mode: 'fixed', rows: 5_000, source: '--batch-rows' });
    expect(resolveBatchRows('5000', {})).toEqual({ mode: 'fixed', rows: 5_000, source: '--batch-rows' });
  });

  it('prefers the option over RETAIL_BATCH_ROWS', () => {
    expect(resolveBatchRows('250', { RETAIL_BATCH_ROWS: '20000' })).toEqual({ mode: 'fixed', rows: 250, source: '--batch-rows' });
  });

  it('uses RETAIL_BATCH_ROWS when the option is absent', () => {
    expect(resolveBatchRows(undefined, { RETAIL_BATCH_ROWS: '20000' })).toEqual({ mode: 'fixed', rows: 20_000, source: 'RETAIL_BATCH_ROWS' });
    expect(resolveBatchRows(undefined, { RETAIL_BATCH_ROWS: ' 42\n' })).toEqual({ mode: 'fixed', rows: 42, source: 'RETAIL_BATCH_ROWS' });
  });

  it('ignores an empty RETAIL_BATCH_ROWS', () => {
    expect(resolveBatchRows(undefined, { RETAIL_BATCH_ROWS: '' })).toEqual({ mode: 'adaptive' });
    expect(resolveBatchRows(undefined, { RETAIL_BATCH_ROWS: '  ' })).toEqual({ mode: 'adaptive' });
  });

  it('accepts the bounds 1 and 1,000,000', () => {
    expect(resolveBatchRows(1, {})).toMatchObject({ rows: 1 });
    expect(resolveBatchRows('1000000', {})).toMatchObject({ rows: 1_000_000 });
    expect(resolveBatchRows(undefined, { RETAIL_BATCH_ROWS: '1000000' })).toMatchObject({ rows: 1_000_000 });
  });

  it('rejects a bad option with an error naming --batch-rows, even when the environment variable is good', () => {
    for (const value of [0, -1, 2.5, 1_000_001, Number.NaN, '', 'lots', '1e5', '10k', '5,000', '-3', '0x10', '1000001']) {
      let caught: unknown;
      try {
        resolveBatchRows(value, { RETAIL_BATCH_ROWS: '20000' });
      } catch (error) {
        caught = error;
      }
      expect(caught, String(value)).toBeInstanceOf(InvalidArgumentError);
      expect((caught as InvalidArgumentError).argument).toBe('--batch-rows');
      expect(RetailDatagenError.isInstance(caught) && caught.code).toBe('USER_INVALID_ARGUMENT');
      expect((caught as Error).message).toMatch(/^--batch-rows: got .*; expected a whole number from 1 to 1,000,000$/);
    }
    expect(() => resolveBatchRows('lots', {})).toThrow('--batch-rows: got "lots"; expected a whole number from 1 to 1,000,000');
    expect(() => resolveBatchRows(0, {})).toThrow('--batch-rows: got 0; expected a whole number from 1 to 1,000,000');
  });

  it('rejects a bad RETAIL_BATCH_ROWS with an error naming it', () => {
    for (const value of ['0', 'fast', '2.5', '2000000']) {
      expect(() => resolveBatchRows(undefined, { RETAIL_BATCH_ROWS: value }), value).toThrow(
        `RETAIL_BATCH_ROWS: got ${JSON.stringify(value)}; expected a whole number from 1 to 1,000,000`,
      );
    }
  });

  it('reads process.env by default', () => {
    const saved = process.env.RETAIL_BATCH_ROWS;
    try {
      process.env.RETAIL_BATCH_ROWS = '7777';
      expect(resolveBatchRows(undefined)).toEqual({ mode: 'fixed', rows: 7_777, source: 'RETAIL_BATCH_ROWS' });
    } finally {
      if (saved === undefined) delete process.env.RETAIL_BATCH_ROWS;
      else process.env.RETAIL_BATCH_ROWS = saved;
    }
  });
});
