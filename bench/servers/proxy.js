// Node two-hop TCP proxy with pipe() both ways.
// Usage: node proxy.js LISTEN_PORT UPSTREAM_HOST:PORT
'use strict';
const net = require('net');

const port = Number(process.argv[2]);
const [upHost, upPort] = (process.argv[3] || '127.0.0.1:9001').split(':');

net.createServer((client) => {
  const upstream = net.connect(Number(upPort), upHost);
  client.pipe(upstream);
  upstream.pipe(client);
  client.on('error', () => upstream.destroy());
  upstream.on('error', () => client.destroy());
}).listen(port, '127.0.0.1');
