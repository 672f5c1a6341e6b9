import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { bootPreload } from './preloadPlugin.ts';

/**
 * The LIFF mini-app. Served under /liff/ (by the local server in local/emulator mode, by Firebase Hosting in
 * production); every page is /liff/{orgId}/{page} and the app routes on the client. Components are TSX compiled with
 * Preact's automatic JSX runtime, configured once in the root tsconfig (`jsxImportSource: preact`), which Vite reads
 * (docs/decisions/050-liff-ui-library.md).
 */
export default defineConfig({
  root: import.meta.dirname,
  base: '/liff/',
  // The first page's code, the LIFF SDK and the organisation start loading while the HTML is parsed (preloadPlugin.ts).
  plugins: [bootPreload({ routesFile: fileURLToPath(new URL('./src/routes.ts', import.meta.url)), base: '/liff/' })],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2020',
    sourcemap: false,
    modulePreload: { polyfill: false },
    chunkSizeWarningLimit: 200,
  },
});
