/**
 * Graph-shaped errors. Handlers throw GraphError; the dispatcher turns it into
 * `{ error: { code, message, innerError: { date, request-id, client-request-id } } }`.
 */
export class GraphError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'GraphError';
  }
}

export function graphErrorBody(
  code: string,
  message: string,
  requestId: string,
  clientRequestId: string,
  now: Date,
): { error: { code: string; message: string; innerError: Record<string, string> } } {
  return {
    error: {
      code,
      message,
      innerError: {
        date: now.toISOString().replace(/\.\d{3}Z$/, ''),
        'request-id': requestId,
        'client-request-id': clientRequestId,
      },
    },
  };
}

export const badRequest = (message: string): GraphError =>
  new GraphError(400, 'Request_BadRequest', message);

export const unsupportedQuery = (message: string): GraphError =>
  new GraphError(400, 'Request_UnsupportedQuery', message);

export const notFound = (id: string): GraphError =>
  new GraphError(
    404,
    'Request_ResourceNotFound',
    `Resource '${id}' does not exist or one of its queried reference-property objects are not present.`,
  );

export const noRoute = (path: string): GraphError =>
  new GraphError(400, 'BadRequest', `Resource not found for the segment '${path}'.`);

export const methodNotAllowed = (): GraphError =>
  new GraphError(
    405,
    'Request_BadRequest',
    'Specified HTTP method is not allowed for the request uri.',
  );

export const readOnlyProperty = (name: string): GraphError =>
  badRequest(`Property '${name}' is read-only and cannot be set.`);

export const duplicateValue = (name: string): GraphError =>
  badRequest(`Another object with the same value for property ${name} already exists.`);
