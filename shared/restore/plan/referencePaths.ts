/**
 * Walks a module's reference paths (`conditions.users.includeGroups[]`, `principalId`) inside an
 * object: collecting the ids found there, or rewriting them.
 */

type Segment = { key: string; each: boolean };

function parse(path: string): Segment[] {
  return path.split('.').map((part) => {
    const each = part.endsWith('[]');
    return { key: each ? part.slice(0, -2) : part, each };
  });
}

export function collectAtPath(object: unknown, path: string): string[] {
  const found: string[] = [];
  const walk = (value: unknown, segments: Segment[]): void => {
    if (segments.length === 0) {
      if (typeof value === 'string') found.push(value);
      return;
    }
    if (!value || typeof value !== 'object' || Array.isArray(value)) return;
    const [head, ...rest] = segments;
    const next = (value as Record<string, unknown>)[head.key];
    if (head.each) {
      if (Array.isArray(next)) next.forEach((item) => walk(item, rest));
    } else walk(next, rest);
  };
  walk(object, parse(path));
  return found;
}

/**
 * A copy of `object` with each id at `path` replaced by `rewrite(id)`; `undefined` drops the id
 * (from a list) or sets the property to null (a single reference).
 */
export function rewriteAtPath<T>(
  object: T,
  path: string,
  rewrite: (id: string) => string | undefined,
): T {
  const walk = (value: unknown, segments: Segment[]): unknown => {
    if (segments.length === 0) return typeof value === 'string' ? rewrite(value) : value;
    if (!value || typeof value !== 'object' || Array.isArray(value)) return value;
    const [head, ...rest] = segments;
    const source = value as Record<string, unknown>;
    if (!(head.key in source)) return value;
    const next = source[head.key];
    let replaced: unknown;
    if (head.each) {
      if (!Array.isArray(next)) return value;
      const mapped = next.map((item) => walk(item, rest));
      replaced = rest.length === 0 ? mapped.filter((item) => item !== undefined) : mapped;
    } else {
      const r = walk(next, rest);
      replaced = r === undefined && rest.length === 0 ? null : r;
    }
    return { ...source, [head.key]: replaced };
  };
  return walk(object, parse(path)) as T;
}
