/**
 * Host names inside a value, for awsvpc-container-hostname: only whole hosts (never a substring of a longer
 * name), so `redis` is found in `redis://redis:6379/0` but not in `redis.example.com` or `my-redis`.
 */

export interface HostRef {
  host: string;
  /** Offset of the host inside the value. */
  start: number;
}

// A container name is [A-Za-z0-9_-]; a host with a dot is an external DNS name and never matches one.
const URL_HOST = /\b[a-z][a-z0-9+.-]*:\/\/(?:[^@/\s?#]*@)?([A-Za-z0-9_-]+)(?=[:/?#\s,;]|$)/gi;
const HOST_PORT = /(?<![\w./@:$-])([A-Za-z][A-Za-z0-9_-]*):(\d{2,5})(?![\w.:])/g;
/** Variable names whose whole value is a host: DD_AGENT_HOST, REDIS_ENDPOINT, KAFKA_BROKERS, DB_SERVER… */
const HOST_KEY = /(HOST|HOSTNAME|ADDR|ADDRESS|ENDPOINT|SERVER|SERVERS|BROKER|BROKERS|URL|URI)$/i;
/** Variable names that hold an image or a version, where `name:1234` is a tag. */
const NOT_HOST_KEY = /(IMAGE|VERSION|TAG)$/i;

/** Hosts in `value`: URL hosts, `host:port`, and (for a host-like variable `key`) the whole value. */
export function containerHostRefs(value: string, key?: string): HostRef[] {
  const out: HostRef[] = [];
  if (value.length > 4096) return out;
  const seen = new Set<number>();
  const add = (host: string, start: number) => {
    if (!seen.has(start)) out.push({ host, start });
    seen.add(start);
  };
  for (const m of value.matchAll(URL_HOST)) add(m[1], m.index! + m[0].length - m[1].length);
  if (!(key && NOT_HOST_KEY.test(key))) {
    for (const m of value.matchAll(HOST_PORT)) {
      const port = Number(m[2]);
      if (port >= 1 && port <= 65535) add(m[1], m.index!);
    }
  }
  const trimmed = value.trim();
  if (key && HOST_KEY.test(key) && /^[A-Za-z0-9_-]+$/.test(trimmed)) add(trimmed, value.indexOf(trimmed));
  return out.sort((a, b) => a.start - b.start);
}
