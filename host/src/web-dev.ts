import { createServer } from 'vite';
import { webApps } from './web-apps.js';
import { viteConfig } from './web-build.js';

/**
 * `npm run dev:web -- <app>`: Vite's dev server (hot reload) for one web app, proxying /api and
 * /ws to the host of `npm run dev` (API_ORIGIN, default http://localhost:3000).
 */
const name = process.argv[2] ?? 'portal';
const app = webApps.find((candidate) => candidate.name === name);
if (!app) {
  process.stderr.write(`Unknown web app "${name}". One of: ${webApps.map((a) => a.name).join(', ')}\n`);
  process.exit(1);
}
const server = await createServer({ ...viteConfig(app, 'development'), logLevel: 'info' });
await server.listen(Number(process.env.WEB_DEV_PORT ?? 5173));
server.printUrls();
