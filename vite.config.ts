import { defineConfig } from 'vite';
import { resolve } from 'node:path';

// The browser client: one page per kind of user, built into dist/client and served by the server.
export default defineConfig({
  root: 'client',
  publicDir: 'public',
  build: {
    outDir: '../dist/client',
    emptyOutDir: true,
    rollupOptions: {
      input: {
        console: resolve(import.meta.dirname, 'client/index.html'),
        field: resolve(import.meta.dirname, 'client/field.html'),
        plans: resolve(import.meta.dirname, 'client/plans.html'),
        drill: resolve(import.meta.dirname, 'client/drill.html'),
        review: resolve(import.meta.dirname, 'client/review.html'),
      },
    },
  },
  server: {
    proxy: { '/api': 'http://localhost:3000', '/socket.io': { target: 'ws://localhost:3000', ws: true } },
  },
});
