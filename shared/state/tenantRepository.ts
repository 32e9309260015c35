import type { TableClient, TableEntityResult } from '@azure/data-tables';
import { z } from 'zod';
import {
  assertEntityFits,
  compact,
  fromJsonField,
  parseWith,
  rethrowConflict,
  statusOf,
  toJsonField,
} from './entityCodec';
import { stateTableClient } from './tables';

/**
 * Registered tenants. The credential holds references only (an app-setting name or a Key Vault
 * URI); a value that looks like a secret itself is refused.
 */

const SETTING_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,127}$/;
// A vault under vault.azure.net (or a sovereign cloud's), or a loopback vault in tests.
const KEY_VAULT_URI =
  /^https:\/\/([A-Za-z0-9-]{3,24}\.vault\.[A-Za-z0-9.-]+|(127\.0\.0\.1|localhost):\d{1,5})\/(secrets|certificates)\/[A-Za-z0-9-]{1,127}(\/[A-Za-z0-9]{1,64})?$/;
const secretReference = z
  .string()
  .max(1024)
  .refine((v) => SETTING_NAME.test(v) || KEY_VAULT_URI.test(v), {
    message: 'must be an app-setting name or a Key Vault secret URI, never the secret itself',
  });
const certificateReference = z
  .string()
  .min(1)
  .max(1024)
  .refine((v) => !v.includes('-----BEGIN') && !/PRIVATE KEY/i.test(v), {
    message:
      'must reference a certificate (Key Vault URI, app setting or file path), not contain it',
  });

export const tenantCredentialSchema = z
  .strictObject({
    kind: z.enum([
      'clientSecret',
      'certificate',
      'managedIdentity',
      'clientAssertion',
      'staticToken',
    ]),
    clientId: z.string().min(1).max(128).optional(),
    secretRef: secretReference.optional(),
    certificateRef: certificateReference.optional(),
  })
  .superRefine((c, ctx) => {
    const need = (field: 'clientId' | 'secretRef' | 'certificateRef'): void => {
      if (!c[field])
        ctx.addIssue({ code: 'custom', path: [field], message: `required for ${c.kind}` });
    };
    const required = {
      clientSecret: ['clientId', 'secretRef'],
      certificate: ['clientId', 'certificateRef'],
      clientAssertion: ['clientId'],
      managedIdentity: [],
      staticToken: [],
    } as const;
    required[c.kind].forEach(need);
  });
export type TenantCredential = z.infer<typeof tenantCredentialSchema>;

export const tenantSchema = z.object({
  tenantId: z.guid(),
  displayName: z.string().trim().min(1).max(256),
  graphBaseUrl: z.url({ protocol: /^https?$/ }).optional(),
  /** The identity platform host tokens are requested from (sovereign clouds, the simulator). */
  authorityHost: z.url({ protocol: /^https$/ }).optional(),
  credential: tenantCredentialSchema,
  /** Who granted admin consent and when (onboarding); absent for tenants registered by hand. */
  consent: z
    .strictObject({
      grantedAt: z.iso.datetime({ offset: true }),
      grantedBy: z.string().min(1).max(256).optional(),
      via: z.enum(['adminConsent']),
    })
    .optional(),
  createdAt: z.iso.datetime({ offset: true }),
});
export type Tenant = z.infer<typeof tenantSchema>;
export type TenantInput = Omit<Tenant, 'createdAt'> & { createdAt?: string };
export type StoredTenant = Tenant & { etag: string };

const PARTITION = 'tenant';

export class TenantRepository {
  constructor(readonly table: TableClient = stateTableClient('tenants')) {}

  /** Creates or replaces a tenant; createdAt is kept from the existing row unless given. */
  async upsert(input: TenantInput, now: Date = new Date()): Promise<StoredTenant> {
    const tenantId =
      typeof input?.tenantId === 'string' ? input.tenantId.toLowerCase() : input?.tenantId;
    const existing =
      typeof tenantId === 'string' && z.guid().safeParse(tenantId).success
        ? await this.get(tenantId)
        : undefined;
    const tenant = parseWith(
      tenantSchema,
      {
        ...input,
        tenantId,
        createdAt: input.createdAt ?? existing?.createdAt ?? now.toISOString(),
      },
      'tenant',
    );
    const entity = compact({
      partitionKey: PARTITION,
      rowKey: tenant.tenantId,
      displayName: tenant.displayName,
      graphBaseUrl: tenant.graphBaseUrl,
      authorityHost: tenant.authorityHost,
      credential: toJsonField('credential', tenant.credential),
      consent: tenant.consent ? toJsonField('consent', tenant.consent) : undefined,
      createdAt: tenant.createdAt,
    });
    assertEntityFits(entity, `tenant ${tenant.tenantId}`);
    const result = await this.table.upsertEntity(entity, 'Replace');
    return { ...tenant, etag: result.etag ?? '' };
  }

  async get(tenantId: string): Promise<StoredTenant | undefined> {
    try {
      const entity = await this.table.getEntity<Record<string, unknown>>(
        PARTITION,
        tenantId.toLowerCase(),
      );
      return fromEntity(entity);
    } catch (error) {
      if (statusOf(error) === 404) return undefined;
      throw error;
    }
  }

  async list(): Promise<StoredTenant[]> {
    const tenants: StoredTenant[] = [];
    const rows = this.table.listEntities<Record<string, unknown>>({
      queryOptions: { filter: `PartitionKey eq '${PARTITION}'` },
    });
    for await (const entity of rows) tenants.push(fromEntity(entity));
    return tenants.sort((a, b) => a.displayName.localeCompare(b.displayName));
  }

  /** Deletes the tenant row (with `etag`, only if unchanged). Returns false when it did not exist. */
  async delete(tenantId: string, etag?: string): Promise<boolean> {
    try {
      await this.table.deleteEntity(PARTITION, tenantId.toLowerCase(), etag ? { etag } : undefined);
      return true;
    } catch (error) {
      if (statusOf(error) === 404) return false;
      return rethrowConflict(error, `Tenant ${tenantId}`);
    }
  }
}

function fromEntity(entity: TableEntityResult<Record<string, unknown>>): StoredTenant {
  const tenant = parseWith(
    tenantSchema,
    {
      tenantId: entity.rowKey,
      displayName: entity.displayName,
      graphBaseUrl: entity.graphBaseUrl ?? undefined,
      authorityHost: entity.authorityHost ?? undefined,
      credential: fromJsonField(entity.credential),
      consent: entity.consent ? fromJsonField(entity.consent) : undefined,
      createdAt: entity.createdAt,
    },
    `stored tenant ${entity.rowKey}`,
  );
  return { ...tenant, etag: entity.etag };
}
