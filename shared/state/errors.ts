/** Someone else changed (or removed) the row since it was read, or it already exists on create. */
export class ConcurrencyError extends Error {
  readonly code = 'concurrencyConflict';
  constructor(message: string) {
    super(message);
    this.name = 'ConcurrencyError';
  }
}

/** A row or one of its fields would exceed Table Storage limits (Azurite does not enforce them). */
export class EntityTooLargeError extends Error {
  readonly code = 'entityTooLarge';
  constructor(message: string) {
    super(message);
    this.name = 'EntityTooLargeError';
  }
}

/** Input (or a stored row) does not have the expected shape. */
export class StateValidationError extends Error {
  readonly code = 'invalidState';
  constructor(
    message: string,
    readonly issues: string[] = [],
  ) {
    super(message);
    this.name = 'StateValidationError';
  }
}
