import { GraphError, unsupportedQuery } from '../errors';
import { project, validateSelect } from '../odata/projection';
import { RESOURCE_BY_NAME } from '../resources';
import type { LinkNavigation, ResourceDescriptor } from '../resources/descriptor';
import { type HandlerContext, type SimResponse, json } from './context';
import type { DeltaSession, ObjectChange } from './deltaSessions';
import { contextUrl, decodeToken, encodeToken, preferredPageSize } from './paging';

/** Directory delta tokens live seven days (graph-notes 1.6). */
export const DELTA_TOKEN_LIFETIME_MS = 7 * 24 * 3600 * 1000;
/** Links per page: a big group's members@delta is split across consecutive pages. */
export const LINKS_PER_PAGE = 1000;
const DEFAULT_DELTA_PAGE = 100;

interface DeltaToken {
  r: string;
  s: number;
  e: number;
  t: number;
  sel?: string[];
}

interface PageToken {
  sid: string;
  i: number;
  l: number;
}

function deltaNavs(d: ResourceDescriptor): Record<string, LinkNavigation> {
  const navs: Record<string, LinkNavigation> = {};
  for (const [name, nav] of Object.entries(d.navigation ?? {}))
    if (nav.kind === 'links' && nav.delta) navs[name] = nav;
  return navs;
}

function gone(ctx: HandlerContext, d: ResourceDescriptor, select?: string[]): GraphError {
  const qs = select?.length ? `?$select=${select.join(',')}` : '';
  return new GraphError(
    410,
    'syncStateNotFound',
    'The delta token is expired or invalid and data must be synchronized again.',
    {
      location: `${ctx.apiBase}/${d.path}/delta${qs}`,
    },
  );
}

function isDeltaToken(v: unknown): v is DeltaToken {
  const t = v as DeltaToken;
  return (
    !!t &&
    typeof t.r === 'string' &&
    typeof t.s === 'number' &&
    typeof t.e === 'number' &&
    typeof t.t === 'number'
  );
}

/** Builds the per-id change summary for (fromSeq, toSeq]. */
function changesSince(
  ctx: HandlerContext,
  d: ResourceDescriptor,
  fromSeq: number,
  toSeq: number,
): Map<string, ObjectChange> {
  const changes = new Map<string, ObjectChange>();
  for (const entry of ctx.store.changesSince(d.name, fromSeq)) {
    if (entry.seq > toSeq) break;
    let c = changes.get(entry.id);
    if (!c) {
      c = { props: false, links: new Map() };
      changes.set(entry.id, c);
    }
    if (entry.kind === 'links') {
      let byTarget = c.links.get(entry.nav!);
      if (!byTarget) {
        byTarget = new Map();
        c.links.set(entry.nav!, byTarget);
      }
      byTarget.delete(entry.target!);
      byTarget.set(entry.target!, entry.added!);
    } else c.props = true;
  }
  return changes;
}

function startSession(ctx: HandlerContext, d: ResourceDescriptor): DeltaSession | 'latest' {
  const navs = deltaNavs(d);
  const token = ctx.query.deltaToken;
  if (token === 'latest') return 'latest';
  if (token !== undefined) {
    const decoded = decodeToken(token);
    if (!isDeltaToken(decoded) || decoded.r !== d.name) throw gone(ctx, d);
    if (
      decoded.e !== ctx.store.epoch ||
      ctx.store.now().getTime() - decoded.t > DELTA_TOKEN_LIFETIME_MS
    )
      throw gone(ctx, d, decoded.sel);
    const toSeq = ctx.store.seq;
    const changes = changesSince(ctx, d, decoded.s, toSeq);
    const select = decoded.sel;
    return {
      resource: d.name,
      epoch: ctx.store.epoch,
      select,
      navs: (select ?? []).filter((s) => navs[s]),
      toSeq,
      ids: [...changes.keys()],
      changes,
    };
  }
  const select = ctx.query.select;
  validateSelect(d, select, Object.keys(navs));
  let ids = [...ctx.store.ids(d.name)];
  const filter = ctx.query.filter;
  if (filter) {
    if (!filter.every((c) => c.property === 'id' && c.op !== 'startswith')) {
      throw unsupportedQuery('Only id eq / id in filters are supported on delta queries.');
    }
    const wanted = new Set(
      filter
        .flatMap((c) => (c.op === 'eq' ? [c.value] : c.op === 'in' ? c.values : []))
        .map(String),
    );
    ids = ids.filter((id) => wanted.has(id));
  }
  return {
    resource: d.name,
    epoch: ctx.store.epoch,
    select,
    navs: (select ?? []).filter((s) => navs[s]),
    toSeq: ctx.store.seq,
    ids,
  };
}

function linkEntry(ctx: HandlerContext, target: string, added: boolean): Record<string, unknown> {
  if (!added) return { id: target, '@removed': { reason: 'deleted' } };
  const resource = ctx.store.anyDirectoryResourceOf(target);
  const type = resource
    ? RESOURCE_BY_NAME.get(resource)!.odataType
    : 'microsoft.graph.directoryObject';
  return { '@odata.type': `#${type}`, id: target };
}

/** GET /{resource}/delta: initial round, later rounds, paging with nextLink, final deltaLink. */
export function handleDelta(ctx: HandlerContext, d: ResourceDescriptor): SimResponse {
  for (const [name, present] of [
    ['$top', ctx.query.top !== undefined],
    ['$expand', ctx.query.expand !== undefined],
  ] as const) {
    if (present) throw unsupportedQuery(`${name} is not supported on delta queries.`);
  }
  const navs = deltaNavs(d);
  let session: DeltaSession;
  let sid: string;
  let position = { i: 0, l: 0 };
  if (ctx.query.skipToken !== undefined) {
    const decoded = decodeToken(ctx.query.skipToken) as PageToken | undefined;
    const found =
      decoded && typeof decoded.sid === 'string' ? ctx.deltaSessions.get(decoded.sid) : undefined;
    if (!found || found.resource !== d.name || found.epoch !== ctx.store.epoch)
      throw gone(ctx, d, found?.select);
    session = found;
    sid = decoded!.sid;
    position = { i: Number(decoded!.i) || 0, l: Number(decoded!.l) || 0 };
  } else {
    const started = startSession(ctx, d);
    if (started === 'latest') {
      const deltaLink = `${ctx.apiBase}/${d.path}/delta?$deltatoken=${encodeToken({ r: d.name, s: ctx.store.seq, e: ctx.store.epoch, t: ctx.store.now().getTime(), sel: ctx.query.select })}`;
      return json(200, {
        '@odata.context': contextUrl(ctx, d.path, ctx.query.select),
        '@odata.deltaLink': deltaLink,
        value: [],
      });
    }
    session = started;
    sid = ctx.deltaSessions.add(session);
  }

  const pageSize = preferredPageSize(ctx) ?? DEFAULT_DELTA_PAGE;
  const value: Record<string, unknown>[] = [];
  let linkBudget = LINKS_PER_PAGE;
  let { i, l } = position;
  while (i < session.ids.length && value.length < pageSize && linkBudget > 0) {
    const id = session.ids[i];
    const live = ctx.store.get(d.name, id);
    const change = session.changes?.get(id);
    if (!live) {
      if (change) {
        const reason = ctx.store.getDeleted(d.name, id) ? 'changed' : 'deleted';
        value.push({ id, '@removed': { reason } });
      }
      i++;
      l = 0;
      continue;
    }
    // Links to report for this object, flattened across the selected navigations.
    const links: Array<[string, string, boolean]> = [];
    for (const nav of session.navs) {
      if (change) {
        for (const [target, added] of change.links.get(nav) ?? []) links.push([nav, target, added]);
      } else {
        for (const target of ctx.store.linkTargets(navs[nav].store, id))
          links.push([nav, target, true]);
      }
    }
    if (change && !change.props && links.length === 0) {
      i++;
      continue;
    }
    const item: Record<string, unknown> =
      !change || change.props ? project(d, live, session.select) : { id };
    const slice = links.slice(l, l + linkBudget);
    for (const [nav, target, added] of slice) {
      const key = `${nav}@delta`;
      ((item[key] as unknown[] | undefined) ?? ((item[key] = [] as unknown[]) as unknown[])).push(
        linkEntry(ctx, target, added),
      );
    }
    for (const nav of session.navs) if (!change && !item[`${nav}@delta`]) item[`${nav}@delta`] = [];
    value.push(item);
    linkBudget -= slice.length;
    if (l + slice.length < links.length) {
      l += slice.length;
      break;
    }
    i++;
    l = 0;
  }

  const body: Record<string, unknown> = {
    '@odata.context': contextUrl(ctx, d.path, session.select),
  };
  if (i < session.ids.length) {
    body['@odata.nextLink'] =
      `${ctx.apiBase}/${d.path}/delta?$skiptoken=${encodeToken({ sid, i, l })}`;
  } else {
    ctx.deltaSessions.delete(sid);
    const token: DeltaToken = {
      r: d.name,
      s: session.toSeq,
      e: session.epoch,
      t: ctx.store.now().getTime(),
      sel: session.select,
    };
    body['@odata.deltaLink'] = `${ctx.apiBase}/${d.path}/delta?$deltatoken=${encodeToken(token)}`;
  }
  body.value = value;
  return json(200, body, value.length);
}
