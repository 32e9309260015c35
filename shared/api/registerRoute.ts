import { app } from '@azure/functions';
import type { DefinedRoute } from './routeTable';

/**
 * Registers a defined route with the Functions host. Host-level auth is anonymous on purpose:
 * the wrapper validates the Entra bearer token itself (function keys would be a second secret).
 */
export function registerHttpRoute(route: DefinedRoute): void {
  const { definition, handler } = route;
  app.http(definition.name, {
    methods: [...definition.methods],
    route: definition.route,
    authLevel: 'anonymous',
    handler,
  });
}
