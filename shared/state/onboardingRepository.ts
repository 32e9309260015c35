import type { TableClient } from '@azure/data-tables';
import { statusOf } from './entityCodec';
import { stateTableClient } from './tables';

/**
 * Onboarding states issued and not yet used. The state itself is signed and carries its own
 * expiry; this row is what makes it single-use: consuming deletes it conditionally (etag), so
 * of two callbacks with the same state — a replay, a double click — exactly one wins.
 */
const PARTITION = 'state';

export type ConsumeOutcome = 'consumed' | 'unknownOrUsed';

export class OnboardingRepository {
  constructor(readonly table: TableClient = stateTableClient('onboarding')) {}

  async issue(nonce: string, expiresAt: string, requestedBy: string): Promise<void> {
    await this.table.createEntity({
      partitionKey: PARTITION,
      rowKey: nonce,
      expiresAt,
      requestedBy,
    });
  }

  /** True while the state was issued and not used yet. */
  async pending(nonce: string): Promise<boolean> {
    try {
      await this.table.getEntity(PARTITION, nonce);
      return true;
    } catch (error) {
      if (statusOf(error) === 404) return false;
      throw error;
    }
  }

  async consume(nonce: string): Promise<ConsumeOutcome> {
    let etag: string;
    try {
      etag = (await this.table.getEntity(PARTITION, nonce)).etag;
    } catch (error) {
      if (statusOf(error) === 404) return 'unknownOrUsed';
      throw error;
    }
    try {
      await this.table.deleteEntity(PARTITION, nonce, { etag });
      return 'consumed';
    } catch (error) {
      const status = statusOf(error);
      if (status === 404 || status === 412) return 'unknownOrUsed';
      throw error;
    }
  }
}
