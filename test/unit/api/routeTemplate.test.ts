import {
  compareSpecificity,
  matchRoute,
  parseRouteTemplate,
  toOpenApiPath,
} from '../../../shared/api/routeTemplate';

const split = (path: string) => (path === '' ? [] : path.split('/'));

describe('route templates', () => {
  it('matches literals case-insensitively and decodes parameters', () => {
    const route = parseRouteTemplate('tenants/{tenantId}/backups');
    expect(route.paramNames).toEqual(['tenantId']);
    expect(matchRoute(route, split('Tenants/t%2F1/backups'))).toEqual({ tenantId: 't/1' });
    expect(matchRoute(route, split('tenants/t1'))).toBeUndefined();
    expect(matchRoute(route, split('tenants/t1/backups/x'))).toBeUndefined();
    expect(matchRoute(route, split('tenants/%E0%A4%A/backups'))).toBeUndefined();
  });

  it('supports optional, constrained and catch-all parameters', () => {
    const optional = parseRouteTemplate('/jobs/{jobId?}/');
    expect(matchRoute(optional, split('jobs'))).toEqual({});
    expect(matchRoute(optional, split('jobs/j1'))).toEqual({ jobId: 'j1' });
    const constrained = parseRouteTemplate('items/{n:int}');
    expect(matchRoute(constrained, split('items/42'))).toEqual({ n: '42' });
    expect(matchRoute(constrained, split('items/x'))).toBeUndefined();
    const guid = parseRouteTemplate('t/{id:guid}');
    expect(matchRoute(guid, split('t/6f1c2d3e-0000-4000-8000-00000000000a'))).toBeDefined();
    expect(matchRoute(guid, split('t/nope'))).toBeUndefined();
    const rest = parseRouteTemplate('files/{*path}');
    expect(matchRoute(rest, split('files/a/b%20c'))).toEqual({ path: 'a/b c' });
    expect(matchRoute(rest, split('files'))).toEqual({});
  });

  it('renders OpenAPI paths without constraints', () => {
    expect(toOpenApiPath(parseRouteTemplate('a/{id:int}/{rest?}'))).toBe('/a/{id}/{rest}');
    expect(toOpenApiPath(parseRouteTemplate('health'))).toBe('/health');
  });

  it('rejects templates it cannot serve faithfully', () => {
    expect(() => parseRouteTemplate('a/{id?}/b')).toThrow(/last segment/);
    expect(() => parseRouteTemplate('a/{id}/{id}')).toThrow(/repeats/);
    expect(() => parseRouteTemplate('a/x{id}')).toThrow(/not supported/);
  });

  it('sorts literal segments before parameters before catch-alls', () => {
    const templates = ['t/{id}', 'files/{*p}', 't/export', 't/{n:int}'].map(parseRouteTemplate);
    const sorted = [...templates].sort(compareSpecificity).map((t) => t.template);
    expect(sorted.indexOf('t/export')).toBeLessThan(sorted.indexOf('t/{n:int}'));
    expect(sorted.indexOf('t/{n:int}')).toBeLessThan(sorted.indexOf('t/{id}'));
  });
});
