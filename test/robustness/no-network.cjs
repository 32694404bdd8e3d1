/**
 * Preload (`node --require test/robustness/no-network.cjs`) that forbids outbound networking in this process:
 * every way to open a connection, resolve a name or send a datagram is replaced by a function that appends one
 * line to the file named by ECS_TASKDEF_NETWORK_LOG and throws. Pipes the process already has (stdio, the
 * node-ipc channel) are left alone: they are not created by connect().
 */
'use strict';
const fs = require('node:fs');

const LOG = process.env.ECS_TASKDEF_NETWORK_LOG;

function describe(args) {
  return args
    .filter((a) => typeof a !== 'function')
    .map((a) => {
      if (typeof a === 'string' || typeof a === 'number') return String(a);
      if (a instanceof URL) return a.href;
      if (a && typeof a === 'object') {
        const { href, url, host, hostname, port, path } = a;
        const parts = [href, url, hostname ?? host, port, path].filter((p) => p !== undefined && typeof p !== 'object');
        return parts.length ? parts.join(' ') : '{…}';
      }
      return typeof a;
    })
    .join(' ');
}

function blocked(name) {
  return function blockedNetworkCall(...args) {
    const line = `${name} ${describe(args)}`.trim();
    if (LOG) fs.appendFileSync(LOG, `${line}\n`);
    const err = new Error(`network access blocked by no-network.cjs: ${line}`);
    err.code = 'ECS_TASKDEF_NO_NETWORK';
    throw err;
  };
}

function replace(obj, key, name) {
  if (obj && typeof obj[key] === 'function') obj[key] = blocked(name);
}

const net = require('node:net');
replace(net, 'connect', 'net.connect');
replace(net, 'createConnection', 'net.createConnection');
replace(net.Socket.prototype, 'connect', 'net.Socket.connect');

const tls = require('node:tls');
replace(tls, 'connect', 'tls.connect');

const dns = require('node:dns');
const DNS_METHODS = ['lookup', 'lookupService', 'resolve', 'reverse'].concat(Object.keys(dns).filter((k) => /^resolve./.test(k)));
for (const m of DNS_METHODS) {
  replace(dns, m, `dns.${m}`);
  replace(dns.promises, m, `dns.promises.${m}`);
  replace(dns.Resolver.prototype, m, `dns.Resolver.${m}`);
  replace(dns.promises.Resolver.prototype, m, `dns.promises.Resolver.${m}`);
}

for (const mod of ['http', 'https']) {
  const m = require(`node:${mod}`);
  replace(m, 'request', `${mod}.request`);
  replace(m, 'get', `${mod}.get`);
}
replace(require('node:http2'), 'connect', 'http2.connect');

replace(require('node:dgram'), 'createSocket', 'dgram.createSocket');

replace(globalThis, 'fetch', 'fetch');
replace(globalThis, 'WebSocket', 'WebSocket');
replace(globalThis, 'EventSource', 'EventSource');
