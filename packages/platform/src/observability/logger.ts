import pino, { type Logger, type LoggerOptions } from 'pino';
import type { Config } from '../config/index.js';

/**
 * Paths whose values never reach a log line: credentials in bodies, headers and cookies. Request
 * bodies are not logged at all, but handlers may log parts of them; these paths cover that too.
 */
export const redactPaths = [
  'password',
  '*.password',
  '*.newPassword',
  '*.currentPassword',
  'token',
  '*.token',
  '*.accessToken',
  '*.refreshToken',
  '*.apiKey',
  '*.secret',
  '*.code',
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-api-key"]',
  'res.headers["set-cookie"]',
  'headers.authorization',
  'headers.cookie',
  'databaseUrl',
  '*.databaseUrl',
];

/** Builds pino options: JSON lines, redaction, and the pretty transport only when asked for. */
export function loggerOptions(config: Config): LoggerOptions {
  return {
    level: config.log.level,
    base: { instance: config.instanceId, role: config.role },
    redact: { paths: redactPaths, censor: '[redacted]' },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    ...(config.log.pretty
      ? { transport: { target: 'pino-pretty', options: { colorize: true, translateTime: 'SYS:HH:MM:ss.l' } } }
      : {}),
  };
}

/** Creates the process logger. */
export function createLogger(config: Config): Logger {
  return pino(loggerOptions(config));
}

export type { Logger };
