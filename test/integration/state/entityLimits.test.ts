import { randomBytes } from 'node:crypto';
import { createTableClient, isInsecureTableEndpoint } from '../../../shared/config/storage';
import {
  assertEntityFits,
  assertKey,
  EntityTooLargeError,
  StateValidationError,
  toJsonField,
} from '../../../shared/state';

describe('table entity limits (Azurite does not enforce them, so we do)', () => {
  const entity = (extra: Record<string, unknown>) => ({ partitionKey: 'p', rowKey: 'r', ...extra });

  it('refuses more than 252 custom properties', () => {
    const props = Object.fromEntries(Array.from({ length: 253 }, (_, i) => [`p${i}`, i]));
    expect(() => assertEntityFits(entity(props), 'row')).toThrow(
      /253 properties; the limit is 252/,
    );
    delete props.p252;
    expect(() => assertEntityFits(entity(props), 'row')).not.toThrow();
  });

  it('refuses strings over 32 K characters and entities over 1 MiB', () => {
    expect(() => assertEntityFits(entity({ s: 'x'.repeat(32 * 1024 + 1) }), 'row')).toThrow(
      /property "s" is 32769 characters/,
    );
    const big = Object.fromEntries(
      Array.from({ length: 20 }, (_, i) => [`s${i}`, 'x'.repeat(30_000)]),
    );
    expect(() => assertEntityFits(entity(big), 'row')).toThrow(EntityTooLargeError);
  });

  it('refuses JSON fields of 32 KiB or more, counting UTF-8 bytes', () => {
    expect(toJsonField('f', { a: 1 })).toBe('{"a":1}');
    expect(toJsonField('f', undefined)).toBeUndefined();
    expect(() => toJsonField('f', 'é'.repeat(17_000))).toThrow(/Field "f" is 34002 bytes/);
  });

  it('refuses key characters the Table service rejects', () => {
    for (const bad of ['a/b', 'a\\b', 'a#b', 'a?b', '', 'tab\there']) {
      expect(() => assertKey('tenant id', bad)).toThrow(StateValidationError);
    }
    expect(assertKey('tenant id', 'contoso-1')).toBe('contoso-1');
  });
});

describe('storage configuration', () => {
  it('knows which table endpoints are plain HTTP', () => {
    expect(isInsecureTableEndpoint('UseDevelopmentStorage=true')).toBe(true);
    expect(
      isInsecureTableEndpoint(
        'DefaultEndpointsProtocol=https;AccountName=a;AccountKey=k;TableEndpoint=http://127.0.0.1:1/a;',
      ),
    ).toBe(true);
    expect(
      isInsecureTableEndpoint(
        'DefaultEndpointsProtocol=https;AccountName=a;AccountKey=k;EndpointSuffix=core.windows.net',
      ),
    ).toBe(false);
  });

  it('creates a working table client from AzureWebJobsStorage (Azurite over http)', async () => {
    const client = createTableClient(`cfg${randomBytes(4).toString('hex')}`);
    await client.createTable();
    await client.createEntity({ partitionKey: 'p', rowKey: 'r', value: 1 });
    expect((await client.getEntity('p', 'r')).value).toBe(1);
    await client.deleteTable();
  });
});
