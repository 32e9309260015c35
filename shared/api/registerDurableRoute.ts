import * as df from 'durable-functions';
import type { DefinedRoute } from './routeTable';

/**
 * Registers a route that talks to Durable Functions: `df.app.client.http` adds the durable
 * client binding, which `getOrchestrationClient(context)` then reads.
 */
export function registerDurableHttpRoute(route: DefinedRoute): void {
  const { definition, handler } = route;
  df.app.client.http(definition.name, {
    methods: [...definition.methods],
    route: definition.route,
    authLevel: 'anonymous',
    handler: (request, _client, context) => handler(request, context),
  });
}
