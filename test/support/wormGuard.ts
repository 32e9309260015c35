import { addBlobRequestPolicy, type BlobRequestPolicy } from '../../shared/config/storage';

type BlobRequest = Parameters<BlobRequestPolicy['sendRequest']>[0];

export interface WormGuard {
  /** Requests that would have overwritten, changed or deleted a blob of the guarded container. */
  violations: string[];
  /** Create-only writes (`If-None-Match: *`) the guard let through: proof it saw the traffic. */
  createOnlyWrites: number;
  remove(): void;
}

/**
 * Watches every Blob request of clients created while installed. A request to a blob of the
 * guarded container that is a DELETE, or a PUT that is not create-only (`If-None-Match: *`), is
 * refused before it reaches storage and recorded: what an immutability policy would refuse.
 * Staging uncommitted blocks (`comp=block`) changes no blob and is let through.
 */
export function installWormGuard(isGuardedContainer: (name: string) => boolean): WormGuard {
  const guard: WormGuard = { violations: [], createOnlyWrites: 0, remove: () => undefined };
  const check = (request: BlobRequest): void => {
    const url = new URL(request.url);
    const segments = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
    // Azurite is path-style (/account/container/blob); Azure is /container/blob.
    const at = segments.findIndex((segment) => isGuardedContainer(segment));
    if (at < 0 || at > 1 || segments.length <= at + 1) return;
    const blob = segments.slice(at).join('/');
    const comp = url.searchParams.get('comp');
    const method = request.method.toUpperCase();
    let violation: string | undefined;
    if (method === 'DELETE') violation = `DELETE ${blob}`;
    else if (method === 'PUT' && comp !== 'block') {
      if (request.headers.get('If-None-Match') === '*') guard.createOnlyWrites++;
      else violation = `PUT${comp ? ` comp=${comp}` : ''} ${blob}`;
    }
    if (violation) {
      guard.violations.push(violation);
      throw new Error(`WORM guard refused ${violation}`);
    }
  };
  const policy: BlobRequestPolicy = {
    name: 'wormGuard',
    sendRequest: async (request, next) => {
      check(request);
      return next(request as never);
    },
  };
  guard.remove = addBlobRequestPolicy(policy);
  return guard;
}
