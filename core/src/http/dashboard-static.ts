import { existsSync, readFileSync } from 'node:fs';
import { join, normalize, relative } from 'node:path';
import { Hono } from 'hono';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

const PLACEHOLDER = `<!doctype html><html><head><meta charset="utf-8"><title>Webhook hub</title></head>
<body style="font-family:system-ui;margin:4rem auto;max-width:40rem;color:#1f2937">
<h1>Webhook hub is running</h1><p>The dashboard has not been built. Run <code>npm run build:dashboard</code> (done by <code>npm start</code>) and reload.</p>
<p>The API is at <code>/api/v1</code>; health at <a href="/healthz">/healthz</a> and <a href="/readyz">/readyz</a>.</p></body></html>`;

/** Serves the built dashboard (a single-page app): files by path, index.html for the rest. */
export function dashboardStatic(root: string) {
  const app = new Hono();
  app.get('*', (c) => {
    const index = join(root, 'index.html');
    if (!existsSync(index)) return c.html(PLACEHOLDER);
    const wanted = normalize(join(root, decodeURIComponent(c.req.path)));
    const inside = !relative(root, wanted).startsWith('..');
    const file = inside && existsSync(wanted) && !wanted.endsWith('/') && c.req.path !== '/' ? wanted : index;
    const extension = file.slice(file.lastIndexOf('.'));
    const cache = file === index ? 'no-cache' : 'public, max-age=31536000, immutable';
    return c.body(readFileSync(file), 200, { 'content-type': TYPES[extension] ?? 'application/octet-stream', 'cache-control': cache });
  });
  return app;
}
