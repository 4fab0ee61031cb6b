import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const apiServer = 'http://127.0.0.1:3000';

export default defineConfig({
  root: 'src/web',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('./dist/web', import.meta.url)),
    emptyOutDir: true,
    // Inlined assets become data: URLs, which the server's CSP (default-src 'self') refuses.
    assetsInlineLimit: 0,
  },
  server: {
    proxy: {
      '/api': apiServer,
      '/dev': apiServer,
    },
  },
});
