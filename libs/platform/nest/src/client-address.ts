import { isIP } from 'node:net';

/** Where a request may carry the client's address in, set by the gateway. */
export const FORWARDED_FOR_HEADER = 'x-forwarded-for';

const LOOPBACK = ['127.0.0.1', '::1'];

/** `::ffff:10.0.0.1` (an IPv4 address on an IPv6 socket) is `10.0.0.1`. */
export function normalizeAddress(address: string): string {
  const trimmed = address.trim();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(trimmed);
  return (mapped ? mapped[1] : trimmed).toLowerCase();
}

/**
 * The peers whose X-Forwarded-For a service believes: PEIYU_TRUSTED_PROXIES, a comma-separated list
 * of addresses (the gateway's), loopback by default. Anyone else's header is ignored, so a client
 * that reaches a service directly cannot pose as another address.
 */
export function trustedProxiesFromEnv(env: NodeJS.ProcessEnv = process.env): Set<string> {
  const listed = (env.PEIYU_TRUSTED_PROXIES ?? LOOPBACK.join(','))
    .split(',')
    .map((a) => a.trim())
    .filter(Boolean);
  const addresses = listed.flatMap((a) => (a === 'loopback' ? LOOPBACK : [a])).map(normalizeAddress);
  const invalid = addresses.filter((a) => isIP(a) === 0);
  if (invalid.length > 0) throw new Error(`PEIYU_TRUSTED_PROXIES lists what is not an IP address: ${invalid.join(', ')}`);
  return new Set(addresses);
}

interface RequestLike {
  headers: Record<string, string | string[] | undefined>;
  socket?: { remoteAddress?: string };
}

/**
 * The client's address: the last X-Forwarded-For entry (the one the gateway wrote) when the direct
 * peer is a trusted proxy, else the peer itself.
 */
export function clientAddress(req: RequestLike, trusted: ReadonlySet<string>): string | null {
  const peer = req.socket?.remoteAddress ? normalizeAddress(req.socket.remoteAddress) : null;
  if (!peer || !trusted.has(peer)) return peer;
  const header = req.headers[FORWARDED_FOR_HEADER];
  const value = Array.isArray(header) ? header.join(',') : header;
  const last = value?.split(',').at(-1);
  const forwarded = last ? normalizeAddress(last) : '';
  return isIP(forwarded) !== 0 ? forwarded : peer;
}

let cachedTrusted: Set<string> | undefined;

/** Reads PEIYU_TRUSTED_PROXIES once, at boot (SubgraphModule does), so a bad value stops the service there. */
export function configureTrustedProxies(env: NodeJS.ProcessEnv = process.env): Set<string> {
  cachedTrusted = trustedProxiesFromEnv(env);
  return cachedTrusted;
}

/** `clientAddress` with the proxies trusted by this process's environment. */
export function requestClientAddress(req: RequestLike): string | null {
  cachedTrusted ??= trustedProxiesFromEnv();
  return clientAddress(req, cachedTrusted);
}
