import { startTracing } from '@app/platform/bootstrap';
import { loadConfigOrExit } from './config.js';

/**
 * `npm start`: parse the config (a bad value stops here, naming the variable), start tracing
 * before anything it instruments is loaded, then run the server until SIGTERM/SIGINT.
 */
async function main(): Promise<void> {
  const config = loadConfigOrExit(process.argv.slice(2));
  const stopTracing = await startTracing(config);
  // Loaded only now, so the tracer can instrument http, fastify and pg as they load.
  const [{ createLogger }, { startServer }, { default: closeWithGrace }] = await Promise.all([
    import('@app/platform'),
    import('./server.js'),
    import('close-with-grace'),
  ]);
  const logger = createLogger(config);
  const started = Date.now();
  const starting = startServer(config, logger);
  // Signals are handled from the first moment: one that arrives while the server is still starting
  // (embedded database, migrations, demo data) waits for it to be up, then stops it properly.
  closeWithGrace({ delay: config.server.shutdownTimeoutMs, logger }, async ({ signal, err }) => {
    if (err) logger.error({ err }, 'shutting down after an unexpected error');
    else logger.info({ signal }, 'shutting down');
    const server = await starting.catch(() => undefined);
    await server?.stop();
    await stopTracing();
    logger.info('stopped');
  });
  let server: Awaited<typeof starting>;
  try {
    server = await starting;
  } catch (error) {
    logger.fatal({ err: error }, 'start-up failed');
    await stopTracing();
    process.exit(1);
  }
  logger.info({ ms: Date.now() - started }, 'started');
  process.stdout.write(server.banner);
}

await main();
