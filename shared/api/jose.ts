import type * as Jose from 'jose';

/**
 * jose 6 ships as ESM only. Node >= 20.19 can `require()` it, but jest's module loader cannot, so
 * we load it through Node's own `require` (from `process.getBuiltinModule`) when that exists.
 * Objects it returns come from Node's realm: check jose errors by `code`, never `instanceof`.
 */
function nativeRequire(): NodeJS.Require {
  const moduleApi = process.getBuiltinModule?.('node:module') as
    typeof import('node:module') | undefined;
  return moduleApi ? moduleApi.createRequire(__filename) : require;
}

export const jose: typeof Jose = nativeRequire()('jose');
