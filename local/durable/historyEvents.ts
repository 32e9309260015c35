/**
 * The out-of-process history wire format durable-functions 3.x replays
 * (`lib/src/history/HistoryEventType.js`). Plain JSON so it can be persisted as is.
 */
export const EventType = {
  ExecutionStarted: 0,
  TaskScheduled: 4,
  TaskCompleted: 5,
  TaskFailed: 6,
  SubOrchestrationInstanceCreated: 7,
  SubOrchestrationInstanceCompleted: 8,
  SubOrchestrationInstanceFailed: 9,
  TimerCreated: 10,
  TimerFired: 11,
  OrchestratorStarted: 12,
  OrchestratorCompleted: 13,
  EventRaised: 15,
} as const;

export interface HistoryEvent {
  EventType: number;
  EventId: number;
  IsPlayed: boolean;
  Timestamp: string;
  Name?: string;
  Input?: string;
  Result?: string;
  Reason?: string;
  Details?: string;
  TaskScheduledId?: number;
  TimerId?: number;
  FireAt?: string;
  InstanceId?: string;
}

export function historyEvent(
  type: number,
  timestamp: Date,
  fields: Partial<HistoryEvent> = {},
): HistoryEvent {
  return {
    EventType: type,
    EventId: -1,
    IsPlayed: false,
    Timestamp: timestamp.toISOString(),
    ...fields,
  };
}

/** `Result`/`Input` must be JSON strings; `undefined` travels as `null`, as through the host. */
export function toJsonPayload(value: unknown): string {
  return value === undefined ? 'null' : JSON.stringify(value);
}

/** The id a completion event refers to (TaskScheduledId or TimerId), if any. */
export function completionId(event: HistoryEvent): number | undefined {
  switch (event.EventType) {
    case EventType.TaskCompleted:
    case EventType.TaskFailed:
    case EventType.SubOrchestrationInstanceCompleted:
    case EventType.SubOrchestrationInstanceFailed:
      return event.TaskScheduledId;
    case EventType.TimerFired:
      return event.TimerId;
    default:
      return undefined;
  }
}

/** The ids a history event schedules (TaskScheduled, TimerCreated, SubOrchestrationInstanceCreated). */
export function scheduledId(event: HistoryEvent): number | undefined {
  switch (event.EventType) {
    case EventType.TaskScheduled:
    case EventType.TimerCreated:
    case EventType.SubOrchestrationInstanceCreated:
      return event.EventId;
    default:
      return undefined;
  }
}
