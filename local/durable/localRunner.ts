import { randomUUID } from 'node:crypto';
import { InvocationContext } from '@azure/functions';
import { z } from 'zod';
import type {
  OrchestrationClient,
  OrchestrationStatus,
} from '../../shared/api/orchestrationClient';
import {
  ActionType,
  SUPPORTED_ACTIONS,
  actionInput,
  actionTypeName,
  consumesEventId,
  describeSignature,
  flattenActions,
  retryDelayMs,
  sameSignature,
  signatureOf,
  type RawAction,
} from './actions';
import {
  InstanceAlreadyRunningError,
  InstanceNotFoundError,
  InstanceNotRunningError,
  NonDeterministicOrchestrationError,
  WaitForCompletionTimeoutError,
} from './errors';
import { EventType, historyEvent, toJsonPayload, type HistoryEvent } from './historyEvents';
import { HistoryStore, type InstanceDocument, type RetryGroup } from './historyStore';
import {
  isTerminal,
  newExecution,
  newInstanceDocument,
  outstandingWork,
  type ParentLink,
} from './instanceDocument';
import { invokeOrchestrator, type LogFn } from './orchestratorInvocation';
import { captureDurableRegistrations, type FunctionRegistry } from './registry';
import { ConcurrencyLimiter } from '../../shared/graph/concurrencyLimiter';

export interface LocalDurableRunnerOptions {
  /** Activities running at once across all instances. Default 8. */
  activityConcurrency?: number;
  /** Orchestration time (OrchestratorStarted timestamps, timer due checks). Must not go back. */
  clock?: () => Date;
  /** Defaults to the process-wide capture of df.app registrations. */
  registry?: FunctionRegistry;
  /** Storage namespace, like a Durable task hub: table `{hub}instances`, container `{hub}-durable`. Default `local`. */
  taskHub?: string;
  /** How often due timers are checked, in real milliseconds. Default 20. */
  timerPollMs?: number;
  /** Receives orchestrator/activity `context.log` output. Default: warnings and errors to stderr. */
  log?: LogFn;
}

interface LiveInstance {
  doc: InstanceDocument;
  docEtag?: string;
  rowEtag?: string;
}

interface PendingTimer {
  instanceId: string;
  executionId: string;
  timerId: number;
  fireAt: number;
  fireAtIso: string;
}

const instanceIdSchema = z
  .string()
  .min(1, 'instanceId must not be empty')
  .max(256, 'instanceId must be at most 256 characters')
  // Table RowKeys forbid / \ # ? and control characters.
  .refine(
    (id) =>
      !/[/\\#?]/.test(id) && ![...id].some((c) => c.charCodeAt(0) < 32 || c.charCodeAt(0) === 127),
    'instanceId must not contain / \\ # ? or control characters',
  );
const nameSchema = z.string().min(1, 'name must not be empty');

function validated<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const result = schema.safeParse(value);
  if (!result.success) {
    throw new Error(`Invalid ${what}: ${result.error.issues.map((i) => i.message).join('; ')}`);
  }
  return result.data;
}

const defaultLog: LogFn = (level, ...args) => {
  if (level === 'error' || level === 'warning' || level === 'critical') {
    console.error(`[durable:${level}]`, ...args);
  }
};

/**
 * Runs Durable Functions orchestrations in-process through durable-functions' own replay engine:
 * each episode feeds the registered orchestrator its full history and turns the new actions into
 * work (activities, timers, sub-orchestrations). History is persisted in Azure Storage after every
 * episode and every activity completion, so a new runner can continue after a crash.
 * One runner per task hub at a time; ETags catch a second one.
 */
export class LocalDurableRunner implements OrchestrationClient {
  private readonly store: HistoryStore;
  private readonly registry: FunctionRegistry;
  private readonly clock: () => Date;
  private readonly log: LogFn;
  private readonly activities: ConcurrencyLimiter;
  private readonly live = new Map<string, LiveInstance>();
  private readonly chains = new Map<string, Promise<unknown>>();
  private readonly pumpQueued = new Set<string>();
  private readonly timers = new Map<string, PendingTimer>();
  private readonly inFlight = new Set<Promise<void>>();
  private readonly waiters = new Map<string, Set<() => void>>();
  private readonly faults = new Map<string, Error>();
  /** Instances whose outstanding work this runner has started (never twice). */
  private readonly started = new Set<string>();
  private ticker?: ReturnType<typeof setInterval>;
  private stopped = false;
  private crashed = false;
  private lastTimestamp = 0;

  constructor(private readonly options: LocalDurableRunnerOptions = {}) {
    this.store = HistoryStore.forTaskHub(options.taskHub);
    this.registry = options.registry ?? captureDurableRegistrations();
    this.clock = options.clock ?? (() => new Date());
    this.log = options.log ?? defaultLog;
    this.activities = new ConcurrencyLimiter(options.activityConcurrency ?? 8);
  }

  // ---------------------------------------------------------------- client API

  async startNew(name: string, options: { instanceId: string; input: unknown }): Promise<string> {
    validated(nameSchema, name, 'orchestrator name');
    const instanceId = validated(instanceIdSchema, options.instanceId, 'instanceId');
    this.assertRunning();
    if (!this.registry.orchestrators.has(name)) {
      throw new Error(`Orchestrator function '${name}' is not registered.`);
    }
    await this.store.ensureReady();
    await this.serialize(instanceId, async () => {
      const existing = await this.store.readRow(instanceId);
      if (existing && !isTerminal(existing.value.runtimeStatus)) {
        throw new InstanceAlreadyRunningError(instanceId, existing.value.runtimeStatus);
      }
      const doc = newInstanceDocument(name, instanceId, toJsonPayload(options.input), this.now());
      const instance: LiveInstance = { doc, rowEtag: existing?.etag };
      await this.persist(instance, { row: true, createDocument: true });
      this.live.set(instanceId, instance);
      this.started.add(instanceId);
      this.faults.delete(instanceId);
      this.requestPump(instanceId);
    });
    this.ensureTicker();
    return instanceId;
  }

  async getStatus(instanceId: string): Promise<OrchestrationStatus | undefined> {
    await this.store.ensureReady();
    const row = await this.store.readRow(instanceId);
    if (!row) return undefined;
    let { input, output, customStatus } = row.value;
    if (row.value.largeValuesInDocument) {
      const doc = await this.store.readDocument(instanceId);
      if (doc) ({ input, output, customStatus } = doc.value);
    }
    return {
      instanceId,
      name: row.value.name,
      runtimeStatus: row.value.runtimeStatus,
      input: parseJson(input),
      output: parseJson(output),
      customStatus: parseJson(customStatus),
      createdTime: row.value.createdTime,
      lastUpdatedTime: row.value.lastUpdatedTime,
    };
  }

  async raiseEvent(instanceId: string, eventName: string, eventData: unknown): Promise<void> {
    validated(nameSchema, eventName, 'event name');
    this.assertRunning();
    await this.store.ensureReady();
    await this.serialize(instanceId, async () => {
      const instance = await this.load(instanceId);
      if (!instance) throw new InstanceNotFoundError(instanceId);
      if (isTerminal(instance.doc.runtimeStatus)) {
        throw new InstanceNotRunningError(instanceId, instance.doc.runtimeStatus);
      }
      instance.doc.inbox.push(
        historyEvent(EventType.EventRaised, this.now(), {
          Name: eventName,
          Input: toJsonPayload(eventData),
        }),
      );
      await this.persist(instance, { row: false });
      this.requestPump(instanceId);
    });
  }

  async terminate(instanceId: string, reason: string): Promise<void> {
    await this.store.ensureReady();
    await this.serialize(instanceId, async () => {
      const instance = await this.load(instanceId);
      if (!instance) throw new InstanceNotFoundError(instanceId);
      if (isTerminal(instance.doc.runtimeStatus)) return;
      instance.doc.inbox = [];
      await this.finish(instance, 'Terminated', toJsonPayload(reason));
    });
  }

  /** Resolves with the final status once the instance is Completed, Failed or Terminated. */
  async waitForCompletion(
    instanceId: string,
    options: { timeoutMs?: number } = {},
  ): Promise<OrchestrationStatus> {
    const timeoutMs = options.timeoutMs ?? 60_000;
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const fault = this.faults.get(instanceId);
      if (fault) throw fault;
      const status = await this.getStatus(instanceId);
      if (status && isTerminal(status.runtimeStatus)) return status;
      const remaining = deadline - Date.now();
      if (remaining <= 0) {
        throw new WaitForCompletionTimeoutError(instanceId, timeoutMs, status?.runtimeStatus);
      }
      await this.nextChange(instanceId, Math.min(remaining, 250));
    }
  }

  /** After a restart: reloads every unfinished instance from storage and continues it. */
  async resumePending(): Promise<void> {
    this.assertRunning();
    await this.store.ensureReady();
    const rows = await this.store.listActiveRows();
    await Promise.all(
      rows.map((row) =>
        this.serialize(row.instanceId, () => this.resumeInstance(row.instanceId)).catch(
          (error: unknown) => this.recordFault(row.instanceId, error),
        ),
      ),
    );
    this.ensureTicker();
  }

  /** Stops scheduling new work and waits for running activities (their results are saved). */
  async stop(): Promise<void> {
    this.stopped = true;
    this.stopTicker();
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
    await Promise.allSettled([...this.chains.values()]);
  }

  /**
   * Test hook standing in for a killed process: from now on nothing this runner does reaches
   * storage, no timer fires and no further episode runs. Running activity code is not
   * interrupted (a real kill would), but its result is discarded.
   */
  simulateCrash(): void {
    this.crashed = true;
    this.stopped = true;
    this.stopTicker();
  }

  // ---------------------------------------------------------------- scheduling

  private assertRunning(): void {
    if (this.stopped) throw new Error('The local durable runner is stopped.');
  }

  /** Runs `task` after every earlier task for the same instance; its result goes to the caller. */
  private serialize<T>(instanceId: string, task: () => Promise<T>): Promise<T> {
    const previous = this.chains.get(instanceId) ?? Promise.resolve();
    const next = previous.then(task, task);
    const settled = next.then(
      () => undefined,
      () => undefined,
    );
    this.chains.set(instanceId, settled);
    void settled.then(() => {
      if (this.chains.get(instanceId) === settled) this.chains.delete(instanceId);
    });
    return next;
  }

  private requestPump(instanceId: string): void {
    if (this.stopped || this.pumpQueued.has(instanceId)) return;
    this.pumpQueued.add(instanceId);
    this.serialize(instanceId, async () => {
      this.pumpQueued.delete(instanceId);
      const instance = this.live.get(instanceId);
      if (!instance) return;
      while (!this.stopped && (await this.runEpisode(instance))) {
        // keep delivering until the inbox is drained
      }
    }).catch((error: unknown) => this.recordFault(instanceId, error));
  }

  private recordFault(instanceId: string, error: unknown): void {
    if (this.crashed) return;
    const fault = error instanceof Error ? error : new Error(String(error));
    this.faults.set(instanceId, fault);
    this.log('error', `Local durable runner failed on instance '${instanceId}':`, fault.message);
    this.notify(instanceId);
  }

  private now(): Date {
    // Orchestration time must never go backwards between episodes.
    const value = Math.max(this.clock().getTime(), this.lastTimestamp);
    this.lastTimestamp = value;
    return new Date(value);
  }

  private nextChange(instanceId: string, ms: number): Promise<void> {
    return new Promise((resolve) => {
      const set = this.waiters.get(instanceId) ?? new Set<() => void>();
      this.waiters.set(instanceId, set);
      const done = (): void => {
        clearTimeout(timer);
        set.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      set.add(done);
    });
  }

  private notify(instanceId: string): void {
    for (const waiter of [...(this.waiters.get(instanceId) ?? [])]) waiter();
  }

  // ---------------------------------------------------------------- persistence

  private async load(instanceId: string): Promise<LiveInstance | undefined> {
    const cached = this.live.get(instanceId);
    if (cached) return cached;
    const doc = await this.store.readDocument(instanceId);
    if (!doc) return undefined;
    const row = await this.store.readRow(instanceId);
    const instance: LiveInstance = { doc: doc.value, docEtag: doc.etag, rowEtag: row?.etag };
    this.live.set(instanceId, instance);
    return instance;
  }

  private async persist(
    instance: LiveInstance,
    what: { row: boolean; createDocument?: boolean },
  ): Promise<void> {
    if (this.crashed) return;
    instance.doc.lastUpdatedTime = this.now().toISOString();
    // Document first: a row never points at history that was not written.
    instance.docEtag = await this.store.writeDocument(
      instance.doc,
      what.createDocument ? undefined : instance.docEtag,
    );
    if (what.row) instance.rowEtag = await this.store.writeRow(instance.doc, instance.rowEtag);
  }

  /** Starts an instance's outstanding work in this runner, once. */
  private async resumeInstance(instanceId: string): Promise<void> {
    if (this.started.has(instanceId)) return;
    const instance = await this.load(instanceId);
    if (!instance) {
      this.log('error', `Instance '${instanceId}' has a status row but no history document.`);
      return;
    }
    this.started.add(instanceId);
    const { doc } = instance;
    if (isTerminal(doc.runtimeStatus)) {
      // Crashed between writing the document and the row, or before telling the parent.
      await this.persist(instance, { row: true });
      this.reportToParent(doc);
      return;
    }
    this.startWork(instance, outstandingWork(doc));
    if (doc.inbox.length > 0) this.requestPump(instanceId);
  }

  // ---------------------------------------------------------------- episodes

  /** One orchestrator run over the history plus the next inbox batch. False when idle. */
  private async runEpisode(instance: LiveInstance): Promise<boolean> {
    const { doc } = instance;
    if (isTerminal(doc.runtimeStatus) || doc.inbox.length === 0) return false;

    const batch = this.takeBatch(doc);
    const now = this.now();
    for (const event of doc.history) event.IsPlayed = true;
    doc.history.push(historyEvent(EventType.OrchestratorStarted, now), ...batch);

    const handler = this.registry.orchestrators.get(doc.name);
    const result = handler
      ? await invokeOrchestrator(handler, {
          functionName: doc.name,
          instanceId: doc.instanceId,
          parentInstanceId: doc.parentInstanceId,
          input: parseJson(doc.input),
          history: doc.history,
          log: this.log,
        })
      : ({
          kind: 'failed',
          message: `Orchestrator function '${doc.name}' is not registered.`,
          customStatus: undefined,
        } as const);

    if (result.customStatus !== undefined) doc.customStatus = toJsonPayload(result.customStatus);
    if (result.kind === 'failed') {
      await this.failEpisode(instance, now, result.message);
      return false;
    }

    const actions = flattenActions(result.actions);
    const problem = this.checkReplay(doc, actions);
    if (problem) {
      await this.failEpisode(instance, now, problem.message);
      return false;
    }

    const newActions = actions.slice(doc.actions.length);
    const unsupported = newActions.find((a) => !SUPPORTED_ACTIONS.has(a.actionType));
    if (unsupported) {
      await this.failEpisode(
        instance,
        now,
        `it used ${actionTypeName(unsupported.actionType)}, which the local durable runner ` +
          'does not support (entities and callHttp are not modelled).',
      );
      return false;
    }

    const scheduledFrom = doc.history.length;
    const continueAsNew = this.scheduleNewActions(doc, newActions, now);
    this.markCanceledTimers(doc, actions);
    if (!result.isDone) this.scheduleRetry(doc, batch[batch.length - 1], now);
    const scheduled = doc.history.slice(scheduledFrom);
    doc.history.push(historyEvent(EventType.OrchestratorCompleted, now));

    if (result.isDone && continueAsNew) {
      const carried = doc.inbox.filter((e) => e.EventType === EventType.EventRaised);
      Object.assign(doc, newExecution(doc.name, toJsonPayload(actionInput(continueAsNew)), now));
      doc.inbox.push(...carried);
      doc.runtimeStatus = 'Running';
      this.dropTimers(doc.instanceId);
      await this.persist(instance, { row: true });
      return true;
    }
    if (result.isDone) {
      await this.finish(instance, 'Completed', toJsonPayload(result.output));
      return false;
    }
    doc.runtimeStatus = 'Running';
    await this.persist(instance, { row: true });
    this.startWork(instance, outstandingWork(doc, scheduled));
    this.notify(doc.instanceId);
    return doc.inbox.length > 0;
  }

  /**
   * Inbox events up to and including the first one that makes durable-functions allocate a
   * retry id while replaying (a failed retried attempt, or its back-off timer firing). With that
   * event last in its episode, the library's sequence matches ours: new actions first, then it.
   */
  private takeBatch(doc: InstanceDocument): HistoryEvent[] {
    const cut = doc.inbox.findIndex((event) => this.retryGroupOf(doc, event) !== undefined);
    const batch = cut < 0 ? doc.inbox : doc.inbox.slice(0, cut + 1);
    doc.inbox = cut < 0 ? [] : doc.inbox.slice(cut + 1);
    return batch;
  }

  private retryGroupOf(doc: InstanceDocument, event: HistoryEvent): RetryGroup | undefined {
    if (
      event.EventType === EventType.TaskFailed ||
      event.EventType === EventType.SubOrchestrationInstanceFailed
    ) {
      return doc.retryGroups.find((g) => g.attemptId === event.TaskScheduledId);
    }
    if (event.EventType === EventType.TimerFired) {
      return doc.retryGroups.find((g) => g.timerId === event.TimerId);
    }
    return undefined;
  }

  private checkReplay(
    doc: InstanceDocument,
    actions: RawAction[],
  ): NonDeterministicOrchestrationError | undefined {
    const count = Math.min(actions.length, doc.actions.length);
    for (let i = 0; i < count; i++) {
      const replayed = signatureOf(actions[i]);
      if (!sameSignature(replayed, doc.actions[i])) {
        return new NonDeterministicOrchestrationError(
          `NonDeterministicOrchestrationError: orchestrator '${doc.name}' (instance ` +
            `'${doc.instanceId}') is not deterministic: action #${i} was scheduled as ` +
            `${describeSignature(doc.actions[i])} but the replay produced ` +
            `${describeSignature(replayed)}.`,
        );
      }
    }
    if (actions.length < doc.actions.length) {
      return new NonDeterministicOrchestrationError(
        `NonDeterministicOrchestrationError: orchestrator '${doc.name}' (instance ` +
          `'${doc.instanceId}') is not deterministic: the replay produced ${actions.length} ` +
          `actions but ${doc.actions.length} were scheduled before (first missing: action ` +
          `#${actions.length}, ${describeSignature(doc.actions[actions.length])}).`,
      );
    }
    return undefined;
  }

  /** Appends scheduling events for new actions; returns a continueAsNew action if there is one. */
  private scheduleNewActions(
    doc: InstanceDocument,
    actions: RawAction[],
    now: Date,
  ): RawAction | undefined {
    let continueAsNew: RawAction | undefined;
    for (const action of actions) {
      const record = { ...signatureOf(action), eventId: undefined as number | undefined };
      doc.actions.push(record);
      if (action.actionType === ActionType.ContinueAsNew) continueAsNew = action;
      if (!consumesEventId(action)) continue;
      const id = doc.nextEventId++;
      record.eventId = id;
      this.appendScheduling(doc, action, id, now);
    }
    return continueAsNew;
  }

  private appendScheduling(doc: InstanceDocument, action: RawAction, id: number, now: Date): void {
    const input = toJsonPayload(actionInput(action));
    switch (action.actionType) {
      case ActionType.CallActivity:
      case ActionType.CallActivityWithRetry:
        doc.history.push(
          historyEvent(EventType.TaskScheduled, now, {
            EventId: id,
            Name: action.functionName,
            Input: input,
          }),
        );
        break;
      case ActionType.CallSubOrchestrator:
      case ActionType.CallSubOrchestratorWithRetry:
        doc.history.push(
          historyEvent(EventType.SubOrchestrationInstanceCreated, now, {
            EventId: id,
            Name: action.functionName,
            Input: input,
            InstanceId: action.instanceId || `${doc.instanceId}:${id}`,
          }),
        );
        break;
      case ActionType.CreateTimer:
        doc.history.push(
          historyEvent(EventType.TimerCreated, now, {
            EventId: id,
            FireAt: new Date(action.fireAt!).toISOString(),
          }),
        );
        break;
    }
    if (
      action.actionType === ActionType.CallActivityWithRetry ||
      action.actionType === ActionType.CallSubOrchestratorWithRetry
    ) {
      doc.retryGroups.push({
        kind:
          action.actionType === ActionType.CallActivityWithRetry ? 'activity' : 'subOrchestration',
        name: action.functionName!,
        input,
        instanceId: action.instanceId || undefined,
        options: action.retryOptions!,
        failures: 0,
        attemptId: id,
      });
    }
  }

  /** Retried calls: after a failure, a back-off timer; after the timer, the next attempt. */
  private scheduleRetry(doc: InstanceDocument, last: HistoryEvent | undefined, now: Date): void {
    if (!last) return;
    const group = this.retryGroupOf(doc, last);
    if (!group) return;
    const exhausted = (): boolean => group.failures >= group.options.maxNumberOfAttempts;
    if (last.EventType === EventType.TimerFired) {
      group.timerId = undefined;
      if (exhausted()) {
        doc.retryGroups = doc.retryGroups.filter((g) => g !== group);
        return;
      }
      const id = doc.nextEventId++;
      group.attemptId = id;
      const type =
        group.kind === 'activity'
          ? EventType.TaskScheduled
          : EventType.SubOrchestrationInstanceCreated;
      doc.history.push(
        historyEvent(type, now, {
          EventId: id,
          Name: group.name,
          Input: group.input,
          ...(group.kind === 'subOrchestration'
            ? { InstanceId: group.instanceId ?? `${doc.instanceId}:${id}` }
            : {}),
        }),
      );
      return;
    }
    group.failures++;
    group.attemptId = undefined;
    const id = doc.nextEventId++;
    group.timerId = id;
    // The library waits on one more timer even after the last attempt; no point delaying it.
    const delay = exhausted() ? 0 : retryDelayMs(group.options, group.failures);
    doc.history.push(
      historyEvent(EventType.TimerCreated, now, {
        EventId: id,
        FireAt: new Date(now.getTime() + delay).toISOString(),
      }),
    );
  }

  /** A timer cancelled in the orchestrator (timeout.cancel()) need not fire. */
  private markCanceledTimers(doc: InstanceDocument, actions: RawAction[]): void {
    actions.forEach((action, i) => {
      const record = doc.actions[i];
      if (action.actionType !== ActionType.CreateTimer || !action.isCanceled || record.canceled) {
        return;
      }
      record.canceled = true;
      if (record.eventId !== undefined) {
        this.timers.delete(timerKey(doc.instanceId, doc.executionId, record.eventId));
      }
    });
  }

  private async failEpisode(instance: LiveInstance, now: Date, message: string): Promise<void> {
    instance.doc.history.push(historyEvent(EventType.OrchestratorCompleted, now));
    const output = `Orchestrator function '${instance.doc.name}' failed: ${message}`;
    await this.finish(instance, 'Failed', toJsonPayload(output), output);
  }

  private async finish(
    instance: LiveInstance,
    status: 'Completed' | 'Failed' | 'Terminated',
    outputJson: string,
    failureReason?: string,
  ): Promise<void> {
    const { doc } = instance;
    doc.runtimeStatus = status;
    doc.output = outputJson;
    doc.inbox = [];
    this.dropTimers(doc.instanceId);
    await this.persist(instance, { row: true });
    if (failureReason !== undefined) this.log('warning', failureReason);
    this.reportToParent(doc);
    this.notify(doc.instanceId);
  }

  // ---------------------------------------------------------------- work

  private startWork(instance: LiveInstance, events: HistoryEvent[]): void {
    if (this.stopped) return;
    const { doc } = instance;
    for (const event of events) {
      if (event.EventType === EventType.TaskScheduled) {
        this.runActivity(doc.instanceId, doc.executionId, event);
      } else if (event.EventType === EventType.TimerCreated) {
        const key = timerKey(doc.instanceId, doc.executionId, event.EventId);
        this.timers.set(key, {
          instanceId: doc.instanceId,
          executionId: doc.executionId,
          timerId: event.EventId,
          fireAt: Date.parse(event.FireAt!),
          fireAtIso: event.FireAt!,
        });
      } else if (event.EventType === EventType.SubOrchestrationInstanceCreated) {
        const parent = {
          instanceId: doc.instanceId,
          eventId: event.EventId,
          executionId: doc.executionId,
        };
        void this.serialize(event.InstanceId!, () => this.ensureChild(parent, event)).catch(
          (error: unknown) => this.recordFault(event.InstanceId!, error),
        );
      }
    }
    this.ensureTicker();
  }

  private runActivity(instanceId: string, executionId: string, scheduled: HistoryEvent): void {
    const name = scheduled.Name!;
    const eventId = scheduled.EventId;
    const run = this.activities.run(async () => {
      if (this.stopped) return; // not started: a resumed runner runs it again
      const completion = await this.executeActivity(name, eventId, scheduled.Input);
      if (this.crashed) return;
      await this.deliver(instanceId, executionId, completion);
    });
    const tracked = run.catch((error: unknown) => this.recordFault(instanceId, error));
    this.inFlight.add(tracked);
    void tracked.finally(() => this.inFlight.delete(tracked));
  }

  private async executeActivity(
    name: string,
    eventId: number,
    inputJson: string | undefined,
  ): Promise<HistoryEvent> {
    const handler = this.registry.activities.get(name);
    try {
      if (!handler) throw new Error(`Activity function '${name}' is not registered.`);
      const context = new InvocationContext({
        functionName: name,
        invocationId: randomUUID(),
        logHandler: (level, ...args) => this.log(level, ...args),
      });
      const result = await handler(parseJson(inputJson), context);
      return historyEvent(EventType.TaskCompleted, this.now(), {
        TaskScheduledId: eventId,
        Result: toJsonPayload(result),
      });
    } catch (error) {
      const err = error instanceof Error ? error : new Error(String(error));
      return historyEvent(EventType.TaskFailed, this.now(), {
        TaskScheduledId: eventId,
        Reason: `Activity function '${name}' failed: ${err.message}`,
        Details: stackFrames(err),
      });
    }
  }

  /** Adds a completion to the instance's inbox, persists it, and runs the next episode. */
  private async deliver(
    instanceId: string,
    executionId: string,
    event: HistoryEvent,
  ): Promise<void> {
    await this.serialize(instanceId, async () => {
      if (this.crashed) return;
      const instance = await this.load(instanceId);
      if (!instance) return;
      const { doc } = instance;
      // Results for a finished instance or an earlier execution (continueAsNew) are dropped.
      if (isTerminal(doc.runtimeStatus) || doc.executionId !== executionId) return;
      doc.inbox.push(event);
      await this.persist(instance, { row: false });
      this.requestPump(instanceId);
    });
  }

  private async ensureChild(parent: ParentLink, created: HistoryEvent): Promise<void> {
    const childId = created.InstanceId!;
    const failParent = (reason: string): Promise<void> =>
      this.deliver(
        parent.instanceId,
        parent.executionId,
        historyEvent(EventType.SubOrchestrationInstanceFailed, this.now(), {
          TaskScheduledId: parent.eventId,
          Reason: reason,
          Details: '',
        }),
      );
    const existing = await this.load(childId);
    if (existing) {
      const d = existing.doc;
      const linked =
        d.parentInstanceId === parent.instanceId &&
        d.parentEventId === parent.eventId &&
        d.parentExecutionId === parent.executionId;
      if (linked) {
        // Already created before a restart: let it finish, or report its result again.
        if (isTerminal(d.runtimeStatus)) this.reportToParent(d);
        else await this.resumeInstance(childId);
        return;
      }
      if (!isTerminal(d.runtimeStatus)) {
        void failParent(
          `Sub-orchestration instance '${childId}' already exists and is ${d.runtimeStatus}.`,
        );
        return;
      }
    }
    if (!this.registry.orchestrators.has(created.Name!)) {
      void failParent(`Orchestrator function '${created.Name}' is not registered.`);
      return;
    }
    const row = await this.store.readRow(childId);
    const doc = newInstanceDocument(
      created.Name!,
      childId,
      created.Input ?? 'null',
      this.now(),
      parent,
    );
    const instance: LiveInstance = { doc, rowEtag: row?.etag };
    await this.persist(instance, { row: true, createDocument: true });
    this.live.set(childId, instance);
    this.started.add(childId);
    this.requestPump(childId);
  }

  private reportToParent(doc: InstanceDocument): void {
    if (!doc.parentInstanceId || doc.parentEventId === undefined || !doc.parentExecutionId) return;
    const event =
      doc.runtimeStatus === 'Completed'
        ? historyEvent(EventType.SubOrchestrationInstanceCompleted, this.now(), {
            TaskScheduledId: doc.parentEventId,
            Result: doc.output ?? 'null',
          })
        : historyEvent(EventType.SubOrchestrationInstanceFailed, this.now(), {
            TaskScheduledId: doc.parentEventId,
            Reason: `Sub-orchestration '${doc.name}' (instance '${doc.instanceId}') ${
              doc.runtimeStatus === 'Terminated' ? 'was terminated' : 'failed'
            }: ${String(parseJson(doc.output))}`,
            Details: '',
          });
    const parentId = doc.parentInstanceId;
    void this.deliver(parentId, doc.parentExecutionId, event).catch((error: unknown) =>
      this.recordFault(parentId, error),
    );
  }

  // ---------------------------------------------------------------- timers

  private ensureTicker(): void {
    if (this.ticker || this.stopped) return;
    this.ticker = setInterval(() => this.fireDueTimers(), this.options.timerPollMs ?? 20);
    // Pending timers alone (e.g. a 24 h expiry) must not keep the process alive.
    this.ticker.unref();
  }

  private stopTicker(): void {
    if (this.ticker) clearInterval(this.ticker);
    this.ticker = undefined;
  }

  private fireDueTimers(): void {
    if (this.stopped || this.timers.size === 0) return;
    const now = this.clock().getTime();
    for (const [key, timer] of this.timers) {
      if (timer.fireAt > now) continue;
      this.timers.delete(key);
      const fired = historyEvent(EventType.TimerFired, this.now(), {
        TimerId: timer.timerId,
        FireAt: timer.fireAtIso,
      });
      void this.deliver(timer.instanceId, timer.executionId, fired).catch((error: unknown) =>
        this.recordFault(timer.instanceId, error),
      );
    }
  }

  private dropTimers(instanceId: string): void {
    for (const [key, timer] of this.timers) {
      if (timer.instanceId === instanceId) this.timers.delete(key);
    }
  }
}

function timerKey(instanceId: string, executionId: string, timerId: number): string {
  return `${instanceId}\u0000${executionId}\u0000${timerId}`;
}

function parseJson(json: string | undefined): unknown {
  if (json === undefined) return null;
  return JSON.parse(json) as unknown;
}

function stackFrames(error: Error): string {
  const frames = (error.stack ?? '').split('\n').slice(1, 6);
  return frames.map((f) => f.trim()).join('\n');
}
