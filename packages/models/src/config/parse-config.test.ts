import { describe, expect, it } from 'vitest';
import { ConfigValidationError } from '../errors/config-validation-error.js';
import { RetailDatagenError } from '../errors/retail-datagen-error.js';
import { describeConfigFields } from './config-docs.js';
import { defaultConfig, parseConfig, parseConfigText } from './parse-config.js';

function messageOf(input: unknown): string {
  try {
    parseConfig(input);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigValidationError);
    return (error as Error).message;
  }
  throw new Error('expected the config to be refused');
}

describe('parseConfig', () => {
  it('fills every default from an empty object', () => {
    const config = parseConfig({});
    expect(config.seed).toBe(42);
    expect(config.volumes.stores).toBe(24);
    expect(config.basket.tripMix.quick).toBe(0.4);
    expect(config).toEqual(defaultConfig());
  });

  it('keeps given values and defaults the rest', () => {
    const config = parseConfig({ seed: 7, volumes: { stores: 5 } });
    expect(config.seed).toBe(7);
    expect(config.volumes.stores).toBe(5);
    expect(config.volumes.products).toBe(800);
  });

  it('names the field path, the bad value and what is allowed', () => {
    expect(messageOf({ volumes: { stores: 0 } })).toBe('config field volumes.stores: got 0; must be a whole number from 1 to 100000');
    expect(messageOf({ seed: 'x' })).toBe('config field seed: got "x"; must be a number');
    expect(messageOf({ basket: { tripMix: { quick: -1 } } })).toBe('config field basket.tripMix.quick: got -1; must be a weight >= 0');
    expect(messageOf({ start: '2024-02-30' })).toContain('config field start: got "2024-02-30"');
    expect(messageOf({ start: '2024-03-01', end: '2024-02-01' })).toBe('config field end: got "2024-02-01"; must not be before start (2024-03-01)');
  });

  it('refuses unknown fields and lists what is allowed there', () => {
    expect(messageOf({ volumes: { stors: 3 } })).toBe(
      'config field volumes.stors: unknown field; allowed here: geographies, stores, distributionCenters, trucksPerDc, poolTrucks, customers, products',
    );
  });

  it('needs at least one city per region', () => {
    expect(messageOf({ volumes: { geographies: 2, distributionCenters: 3 } })).toContain('config field volumes.geographies: got 2');
  });

  it('reports JSON syntax errors with the file name', () => {
    expect(() => parseConfigText('{"seed": ', 'retail.json')).toThrow(/^config in retail.json: is not valid JSON/);
  });

  it('throws errors that carry a user code and are recognised across installs', () => {
    try {
      parseConfig({ seed: -1 });
    } catch (error) {
      expect(RetailDatagenError.isInstance(error)).toBe(true);
      expect((error as RetailDatagenError).code).toBe('USER_CONFIG_INVALID');
      expect((error as RetailDatagenError).isUserError).toBe(true);
      expect((error as ConfigValidationError).issues[0]?.path).toBe('seed');
    }
    expect.assertions(4);
  });
});

describe('describeConfigFields', () => {
  it('documents every leaf field with its default and a description', () => {
    const fields = describeConfigFields();
    const defaults = defaultConfig() as unknown as Record<string, unknown>;
    expect(fields.length).toBeGreaterThan(15);
    for (const field of fields) {
      const value = field.path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], defaults);
      expect(field.defaultValue, field.path).toEqual(value);
      expect(field.description, field.path).not.toBe('');
    }
  });
});
