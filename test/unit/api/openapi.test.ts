import { z } from 'zod';
import { buildOpenApiDocument, toSwagger2 } from '../../../shared/api/openapi';
import { defineRoute, findRoute, listRoutes } from '../../../shared/api/route';

/** Response documents are probed field by field; a precise type would only restate them. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type LooseJson = any;

const Owner = z
  .object({ id: z.string(), displayName: z.string().nullable() })
  .meta({ id: 'Owner' });
const TreeNode: z.ZodType = z.lazy(() =>
  z.object({ name: z.string(), children: z.array(TreeNode) }),
);

const treeRoute = defineRoute(
  {
    name: 'unitTree',
    methods: ['GET', 'PUT'],
    route: 'things/{thingId:int}/tree',
    minimumRole: 'Backup.Admin',
    params: z.object({ thingId: z.coerce.number().int() }),
    query: z.object({
      ids: z.array(z.string()).optional(),
      mode: z.union([z.literal('a'), z.number()]),
    }),
    body: z.object({ owner: Owner, backup: Owner.optional() }).optional(),
    summary: 'Tree',
    errors: { 404: 'No such thing', 409: 'The tree is being rebuilt' },
    responses: {
      200: { description: 'The tree', schema: z.object({ root: TreeNode, owner: Owner }) },
      204: { description: 'Nothing' },
      206: { description: 'Archive', contentType: 'application/zip' },
    },
  },
  async () => ({ status: 204 }),
);

describe('route table', () => {
  it('collects defined routes and refuses duplicate names', () => {
    expect(findRoute('unitTree')).toBe(treeRoute);
    expect(listRoutes()).toContain(treeRoute);
    expect(() =>
      defineRoute(
        {
          name: 'unitTree',
          methods: ['GET'],
          route: 'x',
          minimumRole: 'anonymous',
          summary: 'dup',
        },
        async () => ({}),
      ),
    ).toThrow(/defined twice/);
  });
});

describe('OpenAPI builder', () => {
  const doc = buildOpenApiDocument({ routes: [treeRoute], version: '1.2.3' }) as LooseJson;
  const path = doc.paths['/things/{thingId}/tree'];

  it('names operations per method and keeps optional bodies optional', () => {
    expect(path.get.operationId).toBe('unitTree_get');
    expect(path.put.operationId).toBe('unitTree_put');
    expect(path.get.requestBody.required).toBe(false);
    expect(doc.info.version).toBe('1.2.3');
    expect(doc.servers).toEqual([{ url: '/api' }]);
  });

  it('hoists shared and recursive schemas into components', () => {
    const ok = path.get.responses['200'].content['application/json'].schema;
    // Input and output shapes of one schema differ (additionalProperties), so both are kept.
    expect(ok.properties.owner).toEqual({ $ref: '#/components/schemas/OwnerOutput' });
    expect(doc.components.schemas.OwnerOutput.additionalProperties).toBe(false);
    const rootRef: string = ok.properties.root.$ref;
    expect(rootRef).toMatch(/^#\/components\/schemas\/unitTree_get_schema\d+$/);
    const nodeName = rootRef.split('/').pop() as string;
    expect(doc.components.schemas[nodeName].properties.children.items).toEqual({ $ref: rootRef });
    expect(doc.components.schemas.Owner.properties.displayName.nullable).toBe(true);
    const body = path.put.requestBody.content['application/json'].schema;
    expect(body.properties.owner).toEqual({ $ref: '#/components/schemas/Owner' });
  });

  it('documents empty and binary responses and the error set', () => {
    expect(path.get.responses['204']).toEqual({ description: 'Nothing' });
    expect(path.get.responses['206'].content['application/zip'].schema).toEqual({
      type: 'string',
      format: 'binary',
    });
    expect(Object.keys(path.get.responses)).toEqual(
      expect.arrayContaining(['400', '401', '403', '404', '409', '413', '415', '500']),
    );
    expect(path.get.responses['409'].description).toBe('The tree is being rebuilt');
    expect(path.get.responses['409'].content['application/json'].schema).toEqual({
      $ref: '#/components/schemas/Error',
    });
  });

  it('converts to Swagger 2.0', () => {
    const swagger = toSwagger2(
      buildOpenApiDocument({ routes: [treeRoute], serverUrl: 'https://backup.contoso.com/api' }),
    ) as LooseJson;
    expect(swagger).toMatchObject({
      host: 'backup.contoso.com',
      basePath: '/api',
      schemes: ['https'],
    });
    const get = swagger.paths['/things/{thingId}/tree'].get;
    const [thingId, ids, mode, body] = get.parameters;
    expect(thingId).toMatchObject({ name: 'thingId', in: 'path', required: true, type: 'integer' });
    expect(ids).toMatchObject({
      name: 'ids',
      in: 'query',
      type: 'array',
      collectionFormat: 'multi',
    });
    expect(mode).toMatchObject({ name: 'mode', type: 'string' });
    expect(body).toMatchObject({ in: 'body', required: false });
    expect(body.schema.properties.owner).toEqual({ $ref: '#/definitions/Owner' });
    expect(swagger.definitions.Owner.properties.displayName['x-nullable']).toBe(true);
    expect(swagger.definitions.Owner.properties.displayName.nullable).toBeUndefined();
    expect(get.responses['206'].schema).toEqual({ type: 'file' });
    expect(JSON.stringify(swagger)).not.toContain('#/components/');
    expect(JSON.stringify(swagger)).not.toMatch(/"(anyOf|oneOf)"/);
  });
});
