import { randomUUID } from 'node:crypto';
import type { RuntimeStatus } from '../../shared/api/orchestrationClient';
import { EventType, completionId, historyEvent, type HistoryEvent } from './historyEvents';
import type { InstanceDocument } from './historyStore';

const TERMINAL: ReadonlySet<RuntimeStatus> = new Set(['Completed', 'Failed', 'Terminated']);

export function isTerminal(status: RuntimeStatus): boolean {
  return TERMINAL.has(status);
}

export interface ParentLink {
  instanceId: string;
  eventId: number;
  executionId: string;
}

/** A new instance whose first episode will deliver ExecutionStarted. */
export function newInstanceDocument(
  name: string,
  instanceId: string,
  inputJson: string,
  now: Date,
  parent?: ParentLink,
): InstanceDocument {
  return {
    formatVersion: 1,
    instanceId,
    name,
    parentInstanceId: parent?.instanceId,
    parentEventId: parent?.eventId,
    parentExecutionId: parent?.executionId,
    ...newExecution(name, inputJson, now),
    runtimeStatus: 'Pending',
    createdTime: now.toISOString(),
    lastUpdatedTime: now.toISOString(),
  };
}

/** Fields that start over with every execution (new instance or continueAsNew). */
export function newExecution(
  name: string,
  inputJson: string,
  now: Date,
): Pick<
  InstanceDocument,
  'executionId' | 'input' | 'history' | 'inbox' | 'actions' | 'nextEventId' | 'retryGroups'
> {
  return {
    executionId: randomUUID(),
    input: inputJson,
    history: [],
    inbox: [historyEvent(EventType.ExecutionStarted, now, { Name: name, Input: inputJson })],
    actions: [],
    nextEventId: 0,
    retryGroups: [],
  };
}

/**
 * Work that was scheduled (in history) but whose completion has not arrived (in history or
 * inbox): what a restarted runner must run, arm or check again.
 */
export function outstandingWork(doc: InstanceDocument, among = doc.history): HistoryEvent[] {
  const done = new Set<number>();
  for (const event of [...doc.history, ...doc.inbox]) {
    const id = completionId(event);
    if (id !== undefined) done.add(id);
  }
  const canceled = new Set(
    doc.actions.filter((a) => a.canceled && a.eventId !== undefined).map((a) => a.eventId!),
  );
  return among.filter((event) => {
    const scheduled =
      event.EventType === EventType.TaskScheduled ||
      event.EventType === EventType.TimerCreated ||
      event.EventType === EventType.SubOrchestrationInstanceCreated;
    return scheduled && !done.has(event.EventId) && !canceled.has(event.EventId);
  });
}
