import { badRequest, unsupportedQuery } from '../errors';

export type FilterClause =
  | { op: 'eq'; property: string; value: unknown }
  | { op: 'in'; property: string; values: unknown[] }
  | { op: 'startswith'; property: string; value: string };

export interface ExpandItem {
  nav: string;
  select?: string[];
}

/** The OData system query options the simulator understands, parsed and range-checked. */
export interface ODataQuery {
  top?: number;
  select?: string[];
  filter?: FilterClause[];
  expand?: ExpandItem[];
  count: boolean;
  skipToken?: string;
  deltaToken?: string;
}

export const MAX_PAGE_SIZE = 999;
export const DEFAULT_PAGE_SIZE = 100;

export function parseQuery(params: URLSearchParams): ODataQuery {
  const query: ODataQuery = { count: false };
  for (const [rawKey, value] of params) {
    const key = rawKey.toLowerCase();
    switch (key) {
      case '$top': {
        const n = Number(value);
        if (!/^\d+$/.test(value) || n < 1 || n > MAX_PAGE_SIZE) {
          throw unsupportedQuery(
            `Invalid page size specified: '${value}'. Must be between 1 and 999 inclusive.`,
          );
        }
        query.top = n;
        break;
      }
      case '$select':
        query.select = splitTopLevel(value)
          .map((s) => s.trim())
          .filter(Boolean);
        break;
      case '$filter':
        query.filter = parseFilter(value);
        break;
      case '$expand':
        query.expand = splitTopLevel(value).map(parseExpandItem);
        break;
      case '$count':
        if (value !== 'true' && value !== 'false')
          throw badRequest(`Invalid value '${value}' for $count.`);
        query.count = value === 'true';
        break;
      case '$skiptoken':
        query.skipToken = value;
        break;
      case '$deltatoken':
        query.deltaToken = value;
        break;
      case '$orderby':
      case '$search':
      case '$skip':
        throw unsupportedQuery(
          `Query option '${rawKey}' is not supported by the Graph simulator for this request.`,
        );
      default:
        if (key.startsWith('$')) throw badRequest(`Query option '${rawKey}' is not allowed.`);
    }
  }
  return query;
}

/** Splits on commas that are not inside parentheses or quotes. */
function splitTopLevel(value: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quoted = false;
  let current = '';
  for (const ch of value) {
    if (ch === "'") quoted = !quoted;
    if (!quoted && ch === '(') depth++;
    if (!quoted && ch === ')') depth--;
    if (!quoted && depth === 0 && ch === ',') {
      parts.push(current);
      current = '';
    } else current += ch;
  }
  if (current) parts.push(current);
  return parts;
}

function parseExpandItem(raw: string): ExpandItem {
  const m = /^\s*([A-Za-z0-9_]+)\s*(?:\((.*)\))?\s*$/.exec(raw);
  if (!m) throw badRequest(`Invalid $expand item '${raw}'.`);
  const item: ExpandItem = { nav: m[1] };
  for (const option of (m[2] ?? '').split(';').filter(Boolean)) {
    const [k, v] = option.split('=');
    if (k.trim().toLowerCase() === '$select') item.select = v.split(',').map((s) => s.trim());
  }
  return item;
}

const LITERAL = String.raw`'(?:[^']|'')*'|true|false|null|-?\d+(?:\.\d+)?`;
const EQ = new RegExp(String.raw`^([A-Za-z0-9_/]+)\s+eq\s+(${LITERAL})$`, 'i');
const IN = new RegExp(
  String.raw`^([A-Za-z0-9_/]+)\s+in\s+\(\s*((?:${LITERAL})(?:\s*,\s*(?:${LITERAL}))*)\s*\)$`,
  'i',
);
const STARTS = new RegExp(
  String.raw`^startswith\(\s*([A-Za-z0-9_/]+)\s*,\s*('(?:[^']|'')*')\s*\)$`,
  'i',
);

function literal(raw: string): unknown {
  if (raw.startsWith("'")) return raw.slice(1, -1).replace(/''/g, "'");
  if (raw === 'true') return true;
  if (raw === 'false') return false;
  if (raw === 'null') return null;
  return Number(raw);
}

/** `a eq 'x'`, `a in ('x','y')`, `startswith(a,'x')`, joined with `and`. */
export function parseFilter(expression: string): FilterClause[] {
  return expression.split(/\s+and\s+/i).map((clause) => {
    const c = clause.trim().replace(/^\((.*)\)$/, '$1');
    let m = EQ.exec(c);
    if (m) return { op: 'eq', property: m[1], value: literal(m[2]) };
    m = IN.exec(c);
    if (m) {
      const values = (m[2].match(new RegExp(LITERAL, 'g')) ?? []).map(literal);
      return { op: 'in', property: m[1], values };
    }
    m = STARTS.exec(c);
    if (m) return { op: 'startswith', property: m[1], value: String(literal(m[2])) };
    throw unsupportedQuery(`Unsupported or invalid query filter clause specified: '${clause}'.`);
  });
}

export function matchesFilter(obj: Record<string, unknown>, filter: FilterClause[]): boolean {
  return filter.every((clause) => {
    const actual = obj[clause.property];
    const eq = (expected: unknown): boolean =>
      typeof actual === 'string' && typeof expected === 'string'
        ? actual.toLowerCase() === expected.toLowerCase()
        : (actual ?? null) === expected;
    if (clause.op === 'eq') return eq(clause.value);
    if (clause.op === 'in') return clause.values.some(eq);
    return (
      typeof actual === 'string' && actual.toLowerCase().startsWith(clause.value.toLowerCase())
    );
  });
}
