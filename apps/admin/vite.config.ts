import { defineConfig, type ProxyOptions } from 'vite';
import react from '@vitejs/plugin-react';

// The browser only ever talks to its own origin: `/graphql` is proxied to the gateway, both by the
// dev server and by `vite preview`, so there is no CORS to configure anywhere.
const port = Number(process.env.ADMIN_PORT ?? 4200);
const gatewayUrl = process.env.GATEWAY_URL ?? 'http://127.0.0.1:4000';
// The members CSV import is a plain HTTP endpoint of the organizations service (not part of the graph).
const organizationsOrigin = new URL(process.env.ORGANIZATIONS_URL ?? `http://127.0.0.1:${Number(new URL(gatewayUrl).port || 4000) + 2}/graphql`).origin;

const proxy: Record<string, ProxyOptions> = {
  '/graphql': { target: gatewayUrl, changeOrigin: true },
  '/imports': { target: organizationsOrigin, changeOrigin: true },
};

export default defineConfig({
  plugins: [react()],
  server: { host: '127.0.0.1', port, strictPort: true, proxy },
  preview: { host: '127.0.0.1', port, strictPort: true, proxy },
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true },
});
