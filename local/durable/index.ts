export {
  captureDurableRegistrations,
  isInFunctionsHost,
  type ActivityHandler,
  type FunctionRegistry,
  type OrchestratorHandler,
} from './registry';
export {
  HistoryStore,
  ConcurrentUpdateError,
  type InstanceDocument,
  type InstanceRow,
} from './historyStore';
export { LocalDurableRunner, type LocalDurableRunnerOptions } from './localRunner';
export {
  InstanceAlreadyRunningError,
  InstanceNotFoundError,
  InstanceNotRunningError,
  NonDeterministicOrchestrationError,
  WaitForCompletionTimeoutError,
} from './errors';
