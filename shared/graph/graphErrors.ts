/** A Graph call that failed after retries, with what a caller needs to decide (status and Graph's error code). */
export class GraphRequestError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code: string,
    readonly method: string,
    readonly path: string,
  ) {
    super(message);
    this.name = 'GraphRequestError';
  }

  /** The app lacks a permission (Graph answers 403 Authorization_RequestDenied). */
  get isPermissionDenied(): boolean {
    return this.status === 403;
  }

  /** Delta token expired or unknown: restart with a full read (410 Gone or syncStateNotFound). */
  get isDeltaResyncRequired(): boolean {
    return (
      this.status === 410 || /syncStateNotFound|resyncRequired|syncStateInvalid/i.test(this.code)
    );
  }

  get isNotFound(): boolean {
    return this.status === 404;
  }
}

interface GraphErrorBody {
  error?: { code?: string; message?: string };
}

/** Builds a GraphRequestError from a status and a (possibly non-JSON) Graph error body. */
export function graphErrorFrom(
  status: number,
  body: unknown,
  method: string,
  path: string,
): GraphRequestError {
  const error = (body as GraphErrorBody | undefined)?.error;
  const code = error?.code ?? `http${status}`;
  const message = error?.message ?? `Graph answered ${status}`;
  return new GraphRequestError(
    `${method} ${redactPath(path)} failed: ${status} ${code}: ${message}`,
    status,
    code,
    method,
    redactPath(path),
  );
}

/** Delta and skip tokens are opaque state, not secrets, but they make messages unreadable. */
export function redactPath(path: string): string {
  return path.replace(/(\$?(?:skiptoken|deltatoken|skipToken|deltaToken))=[^&]+/g, '$1=…');
}
