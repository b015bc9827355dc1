import { register } from 'node:module';
import type { Config } from '../config/index.js';

/** Stops the tracer, flushing spans still in memory. */
export type StopTracing = () => Promise<void>;

/**
 * Starts OpenTelemetry tracing when `OTEL_EXPORTER_OTLP_ENDPOINT` is set: spans for incoming and
 * outgoing HTTP and for PostgreSQL queries, exported over OTLP/HTTP. Call it before the app and
 * `pg` are imported so the instrumentations can patch them; the SDK is loaded lazily so a process
 * without tracing pays nothing for it.
 */
export async function startTracing(config: Config): Promise<StopTracing> {
  const endpoint = config.telemetry.otlpEndpoint;
  if (!endpoint) return async () => {};
  // ESM imports are patched through import-in-the-middle's loader hook; CommonJS through require.
  register('@opentelemetry/instrumentation/hook.mjs', import.meta.url);
  const [{ NodeSDK }, { OTLPTraceExporter }, { HttpInstrumentation }, { PgInstrumentation }] =
    await Promise.all([
      import('@opentelemetry/sdk-node'),
      import('@opentelemetry/exporter-trace-otlp-http'),
      import('@opentelemetry/instrumentation-http'),
      import('@opentelemetry/instrumentation-pg'),
    ]);
  const sdk = new NodeSDK({
    serviceName: config.telemetry.serviceName,
    traceExporter: new OTLPTraceExporter({ url: `${endpoint.replace(/\/+$/, '')}/v1/traces` }),
    instrumentations: [
      new HttpInstrumentation({ ignoreIncomingRequestHook: (req) => isProbe(req.url) }),
      new PgInstrumentation(),
    ],
  });
  sdk.start();
  return () => sdk.shutdown();
}

function isProbe(url: string | undefined): boolean {
  return url === '/health' || url === '/ready' || url === '/metrics';
}
