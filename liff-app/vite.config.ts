import { defineConfig } from 'vite';

/**
 * The LIFF mini-app. Served under /liff/ (by the local server in local/emulator mode, by Firebase Hosting in
 * production); every page is /liff/{orgId}/{page} and the app routes on the client. Components are TSX compiled with
 * Preact's automatic JSX runtime, configured once in the root tsconfig (`jsxImportSource: preact`), which Vite reads
 * (docs/decisions/050-liff-ui-library.md).
 */
export default defineConfig({
  root: import.meta.dirname,
  base: '/liff/',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2020',
    sourcemap: false,
    modulePreload: { polyfill: false },
    chunkSizeWarningLimit: 200,
  },
});
