import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import { BlockList, isIP, type LookupFunction } from 'node:net';

/** Addresses an outbound request from the server must never reach (SSRF): private, loopback, link-local, ... */
const blocked = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const)
  blocked.addSubnet(net, prefix, 'ipv4');
for (const [net, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['64:ff9b::', 96],
  ['100::', 64],
  ['2001:db8::', 32],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const)
  blocked.addSubnet(net, prefix, 'ipv6');

/** Whether `address` (an IP) is private, loopback, link-local, multicast or otherwise not public. */
export function isPrivateAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return blocked.check(address, 'ipv4');
  if (family !== 6) return true;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  if (mapped) return blocked.check(mapped, 'ipv4');
  return blocked.check(address, 'ipv6');
}

/** Thrown when a URL points at an address the server must not call. */
export class ForbiddenTargetError extends Error {
  constructor(readonly host: string) {
    super(`refusing to connect to ${host}: private, loopback or link-local address`);
    this.name = 'ForbiddenTargetError';
  }
}

/** Options of an outbound request. */
export interface OutboundRequest {
  method: 'POST' | 'GET';
  headers: Record<string, string>;
  body?: string | Buffer;
  timeoutMs: number;
  /** Host names or IPs that may be private (development, tests); everything else must be public. */
  allowedPrivateHosts: readonly string[];
  /** Bytes of the response body kept (the rest is read and dropped). */
  maxResponseBytes?: number;
}

/** What came back. */
export interface OutboundResponse {
  status: number;
  body: string;
}

/**
 * Checks that `url` is http(s) and, unless its host is allow-listed, that it does not name a private
 * address. Names are checked again when the socket resolves them (below), so DNS rebinding between
 * the check and the connection does not help an attacker.
 */
export function assertPublicUrl(url: URL, allowedPrivateHosts: readonly string[]): void {
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new ForbiddenTargetError(url.protocol);
  if (url.username || url.password) throw new ForbiddenTargetError('a URL with credentials');
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (allowedPrivateHosts.includes(host)) return;
  if (isIP(host) && isPrivateAddress(host)) throw new ForbiddenTargetError(host);
  if (host === 'localhost' || host.endsWith('.localhost')) throw new ForbiddenTargetError(host);
}

/** A DNS lookup for sockets that fails on any private answer. */
function guardedLookup(allowedPrivateHosts: readonly string[]): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) {
        callback(error, '', 0);
        return;
      }
      const list = addresses as unknown as LookupAddress[];
      const allowed = allowedPrivateHosts.includes(hostname);
      const bad = list.find((entry) => !allowed && isPrivateAddress(entry.address));
      if (bad || list.length === 0) {
        callback(new ForbiddenTargetError(hostname), '', 0);
        return;
      }
      if (options.all) callback(null, list as never);
      else callback(null, list[0]?.address ?? '', list[0]?.family ?? 4);
    });
  };
}

/**
 * Sends one HTTP request to a URL given by a user (webhook endpoints, push services) with SSRF
 * protection, a time limit, no redirects followed, and a bounded response body.
 */
export async function outboundRequest(target: string, request: OutboundRequest): Promise<OutboundResponse> {
  const url = new URL(target);
  assertPublicUrl(url, request.allowedPrivateHosts);
  const client = url.protocol === 'https:' ? https : http;
  const maxBytes = request.maxResponseBytes ?? 4096;
  return new Promise((resolve, reject) => {
    const req = client.request(
      url,
      {
        method: request.method,
        headers: request.headers,
        lookup: guardedLookup(request.allowedPrivateHosts),
        timeout: request.timeoutMs,
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        let kept = 0;
        res.on('data', (chunk: Buffer) => {
          if (kept >= maxBytes) return;
          chunks.push(chunk.subarray(0, maxBytes - kept));
          kept += Math.min(chunk.length, maxBytes - kept);
        });
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
        );
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error(`no response within ${request.timeoutMs} ms`)));
    req.on('error', reject);
    req.end(request.body);
  });
}
