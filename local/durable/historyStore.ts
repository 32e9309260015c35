import type { TableClient } from '@azure/data-tables';
import type { ContainerClient } from '@azure/storage-blob';
import { z } from 'zod';
import type { RuntimeStatus } from '../../shared/api/orchestrationClient';
import { createBlobServiceClient, createTableClient } from '../../shared/config/storage';
import type { HistoryEvent } from './historyEvents';
import type { ActionSignature, RetryOptionsWire } from './actions';

export interface ScheduledAction extends ActionSignature {
  eventId?: number;
  canceled?: boolean;
}

/** A retried activity / sub-orchestration: every attempt and back-off timer shares one group. */
export interface RetryGroup {
  kind: 'activity' | 'subOrchestration';
  name: string;
  input: string;
  instanceId?: string;
  options: RetryOptionsWire;
  failures: number;
  /** Event id of the attempt in flight, or of the back-off timer being waited on. */
  attemptId?: number;
  timerId?: number;
}

/**
 * Everything needed to continue an instance after a restart. History can be large, so it lives
 * in a blob; the table row only carries what status queries need.
 */
export interface InstanceDocument {
  formatVersion: 1;
  instanceId: string;
  name: string;
  parentInstanceId?: string;
  /** The parent's TaskScheduledId for this child, so the child can report back. */
  parentEventId?: number;
  parentExecutionId?: string;
  executionId: string;
  /** Current execution's input, as JSON. */
  input: string;
  history: HistoryEvent[];
  /** Events received but not yet delivered to the orchestrator. */
  inbox: HistoryEvent[];
  /** Every leaf action the orchestrator produced so far, in order (non-determinism check). */
  actions: ScheduledAction[];
  nextEventId: number;
  retryGroups: RetryGroup[];
  runtimeStatus: RuntimeStatus;
  createdTime: string;
  lastUpdatedTime: string;
  /** JSON or undefined. */
  output?: string;
  customStatus?: string;
}

export interface InstanceRow {
  instanceId: string;
  name: string;
  runtimeStatus: RuntimeStatus;
  createdTime: string;
  lastUpdatedTime: string;
  parentInstanceId?: string;
  /** JSON strings; undefined when absent or too large for a table property (read the document). */
  input?: string;
  output?: string;
  customStatus?: string;
  largeValuesInDocument: boolean;
}

export interface Versioned<T> {
  value: T;
  etag: string;
}

const PARTITION = 'instance';
/** Azure Table string properties hold 64 KiB (32 K UTF-16 units); stay well below. */
const MAX_ROW_STRING = 30_000;
const TASK_HUB = /^[A-Za-z][A-Za-z0-9]{0,40}$/;

const rowSchema = z.object({
  rowKey: z.string(),
  name: z.string(),
  runtimeStatus: z.enum([
    'Pending',
    'Running',
    'Completed',
    'Failed',
    'Terminated',
    'ContinuedAsNew',
  ]),
  createdTime: z.string(),
  lastUpdatedTime: z.string(),
  parentInstanceId: z.string().optional(),
  input: z.string().optional(),
  output: z.string().optional(),
  customStatus: z.string().optional(),
  largeValuesInDocument: z.boolean().optional(),
  etag: z.string(),
});

export class ConcurrentUpdateError extends Error {
  constructor(instanceId: string) {
    super(
      `Instance '${instanceId}' was changed by another runner (ETag mismatch); ` +
        'only one local runner may drive an instance at a time.',
    );
    this.name = 'ConcurrentUpdateError';
  }
}

function statusCode(error: unknown): number | undefined {
  return (error as { statusCode?: number }).statusCode;
}

function fits(value: string | undefined): boolean {
  return value === undefined || value.length <= MAX_ROW_STRING;
}

/**
 * Local instance store in Azure Storage (Azurite): table `{hub}instances` for status and blob
 * container `{hub}-durable` for history documents. Default hub `local`.
 */
export class HistoryStore {
  private ready?: Promise<void>;

  private constructor(
    readonly table: TableClient,
    readonly container: ContainerClient,
  ) {}

  static forTaskHub(taskHub = 'local'): HistoryStore {
    if (!TASK_HUB.test(taskHub)) {
      throw new Error(`Invalid task hub "${taskHub}": letters and digits, starting with a letter.`);
    }
    const container = createBlobServiceClient().getContainerClient(
      `${taskHub.toLowerCase()}-durable`,
    );
    return new HistoryStore(createTableClient(`${taskHub}instances`), container);
  }

  ensureReady(): Promise<void> {
    this.ready ??= (async () => {
      try {
        await this.table.createTable();
      } catch (error) {
        if (statusCode(error) !== 409) throw error;
      }
      await this.container.createIfNotExists();
    })();
    return this.ready;
  }

  private blobName(instanceId: string): string {
    return `instances/${encodeURIComponent(instanceId)}.json`;
  }

  async readRow(instanceId: string): Promise<Versioned<InstanceRow> | undefined> {
    try {
      const entity = await this.table.getEntity(PARTITION, instanceId);
      return toRow(entity);
    } catch (error) {
      if (statusCode(error) === 404) return undefined;
      throw error;
    }
  }

  /** Rows of every instance that is not finished yet. */
  async listActiveRows(): Promise<InstanceRow[]> {
    const rows: InstanceRow[] = [];
    const filter =
      `PartitionKey eq '${PARTITION}' and ` +
      "(runtimeStatus eq 'Pending' or runtimeStatus eq 'Running' or runtimeStatus eq 'ContinuedAsNew')";
    for await (const entity of this.table.listEntities({ queryOptions: { filter } })) {
      rows.push(toRow(entity).value);
    }
    return rows;
  }

  /**
   * Writes the row for a document. `etag` undefined = create (fails if it exists);
   * otherwise replace only if unchanged since read.
   */
  async writeRow(doc: InstanceDocument, etag: string | undefined): Promise<string> {
    const input = doc.input;
    const large = !fits(input) || !fits(doc.output) || !fits(doc.customStatus);
    const entity = {
      partitionKey: PARTITION,
      rowKey: doc.instanceId,
      name: doc.name,
      runtimeStatus: doc.runtimeStatus,
      createdTime: doc.createdTime,
      lastUpdatedTime: doc.lastUpdatedTime,
      ...(doc.parentInstanceId ? { parentInstanceId: doc.parentInstanceId } : {}),
      ...(fits(input) ? { input } : {}),
      ...(doc.output !== undefined && fits(doc.output) ? { output: doc.output } : {}),
      ...(doc.customStatus !== undefined && fits(doc.customStatus)
        ? { customStatus: doc.customStatus }
        : {}),
      largeValuesInDocument: large,
    };
    try {
      const response = etag
        ? await this.table.updateEntity(entity, 'Replace', { etag })
        : await this.table.createEntity(entity);
      return response.etag!;
    } catch (error) {
      if (statusCode(error) === 412 || statusCode(error) === 409) {
        throw new ConcurrentUpdateError(doc.instanceId);
      }
      throw error;
    }
  }

  async readDocument(instanceId: string): Promise<Versioned<InstanceDocument> | undefined> {
    const blob = this.container.getBlockBlobClient(this.blobName(instanceId));
    try {
      // One GET so the ETag belongs to exactly the bytes we parse.
      const response = await blob.download();
      const chunks: Buffer[] = [];
      for await (const chunk of response.readableStreamBody!) chunks.push(Buffer.from(chunk));
      const text = Buffer.concat(chunks).toString('utf8');
      return { value: JSON.parse(text) as InstanceDocument, etag: response.etag! };
    } catch (error) {
      if (statusCode(error) === 404) return undefined;
      throw error;
    }
  }

  /** `etag` undefined = create or overwrite unconditionally (a new instance). */
  async writeDocument(doc: InstanceDocument, etag: string | undefined): Promise<string> {
    const blob = this.container.getBlockBlobClient(this.blobName(doc.instanceId));
    const body = Buffer.from(JSON.stringify(doc), 'utf8');
    try {
      const response = await blob.uploadData(body, {
        blobHTTPHeaders: { blobContentType: 'application/json' },
        conditions: etag ? { ifMatch: etag } : undefined,
      });
      return response.etag!;
    } catch (error) {
      if (statusCode(error) === 412) throw new ConcurrentUpdateError(doc.instanceId);
      throw error;
    }
  }
}

function toRow(entity: unknown): Versioned<InstanceRow> {
  const parsed = rowSchema.parse(entity);
  return {
    etag: parsed.etag,
    value: {
      instanceId: parsed.rowKey,
      name: parsed.name,
      runtimeStatus: parsed.runtimeStatus,
      createdTime: parsed.createdTime,
      lastUpdatedTime: parsed.lastUpdatedTime,
      parentInstanceId: parsed.parentInstanceId,
      input: parsed.input,
      output: parsed.output,
      customStatus: parsed.customStatus,
      largeValuesInDocument: parsed.largeValuesInDocument ?? false,
    },
  };
}
