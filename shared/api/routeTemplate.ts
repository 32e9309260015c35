/**
 * Azure Functions route templates (ASP.NET style): `tenants/{tenantId}/backups/{id?}`,
 * `{id:int}`, `files/{*path}`. Parsed once, used by the OpenAPI builder and the local server.
 */
export interface RouteSegment {
  kind: 'literal' | 'param' | 'catchAll';
  /** Literal text, or the parameter name. */
  value: string;
  optional: boolean;
  constraint?: string;
}

export interface RouteTemplate {
  template: string;
  segments: RouteSegment[];
  paramNames: string[];
}

const PARAM = /^\{(\*)?([A-Za-z_][A-Za-z0-9_]*)(?::([A-Za-z]+)(?:\([^)]*\))?)?(\?)?\}$/;

export function parseRouteTemplate(template: string): RouteTemplate {
  const trimmed = template.replace(/^\/+|\/+$/g, '');
  const segments = trimmed === '' ? [] : trimmed.split('/').map(parseSegment(template));
  segments.forEach((segment, index) => {
    const last = index === segments.length - 1;
    if ((segment.kind === 'catchAll' || segment.optional) && !last) {
      throw new Error(`Route "${template}": only the last segment may be optional or catch-all`);
    }
  });
  const paramNames = segments.filter((s) => s.kind !== 'literal').map((s) => s.value);
  if (new Set(paramNames).size !== paramNames.length) {
    throw new Error(`Route "${template}" repeats a parameter name`);
  }
  return { template: trimmed, segments, paramNames };
}

function parseSegment(template: string) {
  return (text: string): RouteSegment => {
    if (!text.includes('{')) {
      if (text.includes('}') || text === '') throw new Error(`Route "${template}" is malformed`);
      return { kind: 'literal', value: text, optional: false };
    }
    const match = PARAM.exec(text);
    if (!match) throw new Error(`Route "${template}": segment "${text}" is not supported`);
    const [, star, name, constraint, question] = match;
    return {
      kind: star ? 'catchAll' : 'param',
      value: name,
      optional: Boolean(question) || Boolean(star),
      constraint: constraint?.toLowerCase(),
    };
  };
}

/** The OpenAPI path for a template, below the `/api` base: `/tenants/{tenantId}/backups`. */
export function toOpenApiPath(route: RouteTemplate): string {
  return (
    '/' + route.segments.map((s) => (s.kind === 'literal' ? s.value : `{${s.value}}`)).join('/')
  );
}

const CONSTRAINTS: Record<string, RegExp> = {
  int: /^-?\d+$/,
  long: /^-?\d+$/,
  bool: /^(true|false)$/i,
  guid: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
  alpha: /^[A-Za-z]+$/,
};

/**
 * Matches a path below `/api/` (already split on `/`, still percent-encoded) against a template.
 * Literal segments compare case-insensitively like the Functions host. Returns decoded params.
 */
export function matchRoute(
  route: RouteTemplate,
  pathSegments: readonly string[],
): Record<string, string> | undefined {
  const params: Record<string, string> = {};
  for (let i = 0; i < route.segments.length; i++) {
    const segment = route.segments[i];
    if (segment.kind === 'catchAll') {
      const rest = pathSegments.slice(i).map(safeDecode);
      if (rest.some((part) => part === undefined)) return undefined;
      if (rest.length > 0) params[segment.value] = rest.join('/');
      return params;
    }
    const raw = pathSegments[i];
    if (raw === undefined || raw === '') {
      if (segment.optional && i === pathSegments.length) return params;
      return undefined;
    }
    const value = safeDecode(raw);
    if (value === undefined) return undefined;
    if (segment.kind === 'literal') {
      if (value.toLowerCase() !== segment.value.toLowerCase()) return undefined;
      continue;
    }
    const constraint = segment.constraint ? CONSTRAINTS[segment.constraint] : undefined;
    if (constraint && !constraint.test(value)) return undefined;
    params[segment.value] = value;
  }
  return pathSegments.length === route.segments.length ? params : undefined;
}

/** Orders templates so literal segments win over parameters (`tenants/export` before `tenants/{id}`). */
export function compareSpecificity(a: RouteTemplate, b: RouteTemplate): number {
  const length = Math.max(a.segments.length, b.segments.length);
  for (let i = 0; i < length; i++) {
    const diff = segmentWeight(a.segments[i]) - segmentWeight(b.segments[i]);
    if (diff !== 0) return diff;
  }
  return 0;
}

function segmentWeight(segment: RouteSegment | undefined): number {
  if (!segment) return 3;
  if (segment.kind === 'literal') return 0;
  if (segment.kind === 'param') return segment.constraint ? 1 : 2;
  return 4;
}

function safeDecode(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}
