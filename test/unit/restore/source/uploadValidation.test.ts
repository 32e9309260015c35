import { zipSync, strToU8 } from 'fflate';
import { ApiError } from '../../../../shared/api/errors';
import { validateUpload } from '../../../../shared/restore/source/uploadValidation';
import { defaultCatalog } from '../../../../shared/restore/plan/restoreCatalog';

const manifest = {
  formatVersion: 1,
  tenantId: 'tenant-a',
  snapshotId: '20250101T000000Z-abc',
  jobId: 'job-1',
  kind: 'full',
  startedAt: '2025-01-01T00:00:00Z',
  finishedAt: '2025-01-01T00:01:00Z',
  status: 'succeeded',
  modules: {
    users: {
      status: 'succeeded',
      graphVersion: 'v1.0',
      mode: 'full',
      count: 1,
      chunks: [],
      warnings: [],
    },
  },
  warnings: [],
};
const record = { id: 'u1', object: { id: 'u1', displayName: 'Ada' } };
const catalog = defaultCatalog();
const bytes = (value: unknown): Buffer => Buffer.from(JSON.stringify(value));

function rejected(fn: () => unknown): ApiError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(ApiError);
    return error as ApiError;
  }
  throw new Error('expected a rejection');
}

describe('validateUpload', () => {
  it('accepts the JSON form (records per module or as a list) and the ZIP form', () => {
    const json = validateUpload(bytes({ manifest, records: { users: [record] } }), {
      tenantId: 'tenant-a',
      catalog,
    });
    expect(json.records.get('users')).toEqual([record]);
    const list = validateUpload(bytes({ manifest, records: [{ moduleId: 'users', ...record }] }), {
      tenantId: 'tenant-a',
      catalog,
    });
    expect(list.objectCount).toBe(1);
    const zip = zipSync({
      'manifest.json': strToU8(JSON.stringify(manifest)),
      'users/u1.json': strToU8(JSON.stringify(record)),
    });
    expect(validateUpload(zip, { tenantId: 'tenant-a', catalog }).format).toBe('zip');
  });

  it('rejects malformed, wrong-tenant, wrong-schema, unknown-module and too-big uploads clearly', () => {
    expect(
      rejected(() => validateUpload(Buffer.from('{nope'), { tenantId: 'tenant-a', catalog }))
        .message,
    ).toMatch(/neither a ZIP archive nor valid JSON/);
    const wrongTenant = rejected(() =>
      validateUpload(bytes({ manifest, records: { users: [record] } }), {
        tenantId: 'tenant-b',
        catalog,
      }),
    );
    expect([wrongTenant.status, wrongTenant.code]).toEqual([400, 'invalidUpload']);
    expect(wrongTenant.message).toMatch(/tenant tenant-a, not of tenant tenant-b/);
    expect(
      rejected(() =>
        validateUpload(bytes({ manifest: { ...manifest, formatVersion: 9 }, records: {} }), {
          tenantId: 'tenant-a',
          catalog,
        }),
      ).message,
    ).toMatch(/formatVersion/);
    expect(
      rejected(() =>
        validateUpload(bytes({ manifest, records: { users: [{ object: {} }] } }), {
          tenantId: 'tenant-a',
          catalog,
        }),
      ).message,
    ).toMatch(/not a snapshot record/);
    expect(
      rejected(() =>
        validateUpload(bytes({ manifest, records: { widgets: [record] } }), {
          tenantId: 'tenant-a',
          catalog,
        }),
      ).message,
    ).toMatch(/widgets/);
    expect(
      rejected(() =>
        validateUpload(Buffer.from('PK\u0003\u0004garbage'), { tenantId: 'tenant-a', catalog }),
      ).message,
    ).toMatch(/ZIP/);
    const tooBig = rejected(() =>
      validateUpload(bytes({ manifest, records: { users: [record] } }), {
        tenantId: 'tenant-a',
        catalog,
        maxBytes: 10,
      }),
    );
    expect(tooBig.status).toBe(413);
  });
});
