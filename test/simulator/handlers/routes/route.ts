import { project } from '../../odata/projection';
import type { ResourceDescriptor } from '../../resources/descriptor';
import type { GraphObject } from '../../tenantState';
import { type HandlerContext, type SimResponse, json } from '../context';
import { contextUrl } from '../paging';

/** A matched request: its counter template, resource-unit cost, write flag, and the work. */
export interface Route {
  template: string;
  baseCost: number;
  write: boolean;
  run(ctx: HandlerContext): SimResponse | Promise<SimResponse>;
}

export const route = (
  template: string,
  baseCost: number,
  write: boolean,
  run: Route['run'],
): Route => ({
  template,
  baseCost,
  write,
  run,
});

export interface Segment {
  name: string;
  key?: { property?: string; value: string };
}

export function parseSegment(raw: string): Segment {
  const m = /^([^()]+)\((.*)\)$/.exec(raw);
  if (!m) return { name: raw };
  const named = /^([A-Za-z0-9_]+)='(.*)'$/.exec(m[2]);
  if (named)
    return { name: m[1], key: { property: named[1], value: named[2].replace(/''/g, "'") } };
  return { name: m[1], key: { value: m[2].replace(/^'(.*)'$/, '$1') } };
}

export function created(
  ctx: HandlerContext,
  d: ResourceDescriptor,
  obj: GraphObject,
  entitySet: string,
): SimResponse {
  return json(
    201,
    { '@odata.context': contextUrl(ctx, entitySet, undefined, true), ...project(d, obj) },
    1,
  );
}
