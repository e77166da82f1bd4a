import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';

/** The core server answers here in development (`npm start`); the built dashboard is served by core itself. */
const coreOrigin = process.env.HUB_DEV_API ?? 'http://127.0.0.1:8080';

export default defineConfig({
  base: '/',
  plugins: [react(), tailwindcss()],
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true },
  server: {
    proxy: {
      '/api': { target: coreOrigin, changeOrigin: false },
      '/metrics': { target: coreOrigin, changeOrigin: false },
      '/healthz': { target: coreOrigin, changeOrigin: false },
    },
  },
});
