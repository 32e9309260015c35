import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/**
 * The portal is a static SPA. JSX goes through Vite's own transformer (oxc) with React's
 * automatic runtime: @vitejs/plugin-react 6 would pull a Babel 8 peer that conflicts with
 * jest's Babel 7, and Fast Refresh is the only thing it would add.
 */
const portalDir = path.dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  root: portalDir,
  base: '/',
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: path.resolve(portalDir, '../dist/portal'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
    rolldownOptions: {
      // Fluent UI marks its modules 'use client' for React Server Components; a SPA ignores it.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
  server: { proxy: { '/api': 'http://127.0.0.1:7071', '/local-sign-in': 'http://127.0.0.1:7071' } },
});
