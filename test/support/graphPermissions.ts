import { readGraphPermissions } from './fixtures';

/**
 * Reads Microsoft Graph's permissions reference (microsoft-graph-devx-content permissions.json):
 * permission → path sets, each with HTTP methods, schemes (DelegatedWork, Application…) and per
 * path a `least=Scheme,Scheme;AlsoRequires=Perm,Perm` flag string.
 */

interface RawPermissions {
  permissions: Record<
    string,
    {
      schemes: Record<string, { privilegeLevel?: number }>;
      pathSets?: { schemeKeys: string[]; methods: string[]; paths: Record<string, string> }[];
    }
  >;
}

/** One permission's grant on one path and method. */
export interface Grant {
  permission: string;
  schemes: string[];
  /** Schemes for which the reference flags this permission as least-privileged. */
  leastFor: string[];
  /** Permissions the reference says must be held as well. */
  alsoRequires: string[];
  /** The Application scheme's privilege level (lower is narrower), when known. */
  privilegeLevel?: number;
}

export interface PermissionsReference {
  names: Set<string>;
  /** Key `METHOD normalized-path` → grants. */
  grants: Map<string, Grant[]>;
}

/**
 * The reference's path form: lower case, every `{placeholder}` as `{id}`, no trailing `$ref`
 * (link operations are listed on the navigation path), alternate keys kept as written.
 */
export function normalizeGraphPath(urlPath: string): string {
  return urlPath
    .split('?')[0]
    .replace(/\/\$ref$/, '')
    .replace(/\{[^}]+\}/g, '{id}')
    .toLowerCase();
}

function parseFlags(flags: string): { leastFor: string[]; alsoRequires: string[] } {
  const result = { leastFor: [] as string[], alsoRequires: [] as string[] };
  for (const part of flags.split(';')) {
    const [key, value] = part.split('=');
    const list = (value ?? '').split(',').filter(Boolean);
    if (key.trim() === 'least') result.leastFor = list;
    if (key.trim() === 'AlsoRequires') result.alsoRequires = list;
  }
  return result;
}

export function parsePermissionsReference(raw: RawPermissions): PermissionsReference {
  const reference: PermissionsReference = { names: new Set(), grants: new Map() };
  for (const [permission, entry] of Object.entries(raw.permissions)) {
    reference.names.add(permission);
    for (const pathSet of entry.pathSets ?? []) {
      for (const [graphPath, flags] of Object.entries(pathSet.paths)) {
        for (const method of pathSet.methods) {
          const key = `${method.toUpperCase()} ${normalizeGraphPath(graphPath)}`;
          const list = reference.grants.get(key) ?? [];
          list.push({
            permission,
            schemes: pathSet.schemeKeys,
            ...parseFlags(flags),
            privilegeLevel: entry.schemes.Application?.privilegeLevel,
          });
          reference.grants.set(key, list);
        }
      }
    }
  }
  return reference;
}

let cached: PermissionsReference | undefined;

export function loadPermissionsReference(): PermissionsReference {
  cached ??= parsePermissionsReference(readGraphPermissions<RawPermissions>());
  return cached;
}

/** Grants that give an application (app-only) access to a path and method. */
export function applicationGrants(
  method: string,
  urlPath: string,
  reference: PermissionsReference = loadPermissionsReference(),
): Grant[] {
  return (
    reference.grants.get(`${method.toUpperCase()} ${normalizeGraphPath(urlPath)}`) ?? []
  ).filter((g) => g.schemes.includes('Application'));
}

/**
 * The least-privileged application permissions for a path and method: those the reference flags
 * `least` for Application, else (no flag) those with the lowest privilege level.
 */
export function leastApplicationPermissions(
  method: string,
  urlPath: string,
  reference: PermissionsReference = loadPermissionsReference(),
): string[] {
  const grants = applicationGrants(method, urlPath, reference);
  const flagged = grants.filter((g) => g.leastFor.includes('Application'));
  if (flagged.length > 0) return flagged.map((g) => g.permission);
  const levels = grants.map((g) => g.privilegeLevel ?? Number.MAX_SAFE_INTEGER);
  const lowest = Math.min(...levels);
  return grants
    .filter((g) => (g.privilegeLevel ?? Number.MAX_SAFE_INTEGER) === lowest)
    .map((g) => g.permission);
}
