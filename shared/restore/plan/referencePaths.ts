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

/**
 * A copy of `object` without the reference `value` at `path`: removed from an id list, or, when
 * the id is a property of list items (`includeTargets[].id`), the item that holds it goes.
 */
export function dropReference<T>(object: T, path: string, value: string): T {
  const segments = parse(path);
  const lastEach = segments.map((s) => s.each).lastIndexOf(true);
  if (lastEach < 0 || lastEach === segments.length - 1)
    return rewriteAtPath(object, path, (v) => (v === value ? undefined : v));
  const listPath = segments
    .slice(0, lastEach + 1)
    .map((s) => s.key)
    .join('.');
  const itemPath = segments
    .slice(lastEach + 1)
    .map((s) => s.key)
    .join('.');
  const prefix = segments.slice(0, lastEach);
  const walk = (node: unknown, rest: Segment[]): unknown => {
    if (!node || typeof node !== 'object' || Array.isArray(node)) return node;
    const source = node as Record<string, unknown>;
    if (rest.length === 0) {
      const key = listPath.split('.').pop()!;
      const list = source[key];
      if (!Array.isArray(list)) return node;
      return {
        ...source,
        [key]: list.filter((item) => !collectAtPath(item, itemPath).includes(value)),
      };
    }
    const [head, ...tail] = rest;
    if (!(head.key in source)) return node;
    const next = source[head.key];
    return {
      ...source,
      [head.key]:
        head.each && Array.isArray(next) ? next.map((i) => walk(i, tail)) : walk(next, tail),
    };
  };
  return walk(object, prefix) as T;
}
