import { performance } from 'node:perf_hooks';
import pg from 'pg';

/**
 * Diagnostics for the benchmark server (BENCH_DB_TIMING=1): how long database work waits for a
 * pooled connection and how long each kind of statement takes once it has one, so the vote path's
 * time can be split into pool wait and query time. Wraps pg's prototypes in this process only.
 */
export interface DbTiming {
  /** Pool checkouts: time from asking for a connection to getting it (ms). */
  poolWait: number[];
  /** Per statement kind (its first words): time on the connection, send to result (ms). */
  queries: Record<string, number[]>;
}

const timing: DbTiming = { poolWait: [], queries: {} };

type Callback = (...args: unknown[]) => void;

/** Installs the wrappers; returns a function that hands over (and resets) what was recorded. */
export function installDbTiming(): () => DbTiming {
  const pool = pg.Pool.prototype as unknown as { connect: (...args: unknown[]) => unknown };
  const connect = pool.connect;
  pool.connect = function (this: unknown, ...args: unknown[]) {
    const started = performance.now();
    const done = () => timing.poolWait.push(performance.now() - started);
    const last = args[args.length - 1];
    if (typeof last === 'function') {
      const cb = last as Callback;
      args[args.length - 1] = (...res: unknown[]) => {
        done();
        cb(...res);
      };
      return connect.apply(this, args);
    }
    const result = connect.apply(this, args) as Promise<unknown>;
    return result.then((client) => {
      done();
      return client;
    });
  };
  const client = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const query = client.query;
  client.query = function (this: unknown, ...args: unknown[]) {
    const first = args[0];
    const text = typeof first === 'string' ? first : (first as { text?: string } | undefined)?.text;
    if (typeof text !== 'string') return query.apply(this, args);
    const kind = text.replace(/\s+/g, ' ').trim().slice(0, 48);
    const started = performance.now();
    const done = () => {
      const list = timing.queries[kind] ?? [];
      list.push(performance.now() - started);
      timing.queries[kind] = list;
    };
    const last = args[args.length - 1];
    if (typeof last === 'function') {
      const cb = last as Callback;
      args[args.length - 1] = (...res: unknown[]) => {
        done();
        cb(...res);
      };
      return query.apply(this, args);
    }
    const result = query.apply(this, args);
    if (result && typeof (result as Promise<unknown>).then === 'function')
      (result as Promise<unknown>).then(done, done);
    return result;
  };
  return () => {
    const out = { poolWait: timing.poolWait.splice(0), queries: { ...timing.queries } };
    timing.queries = {};
    return out;
  };
}
