// Node echo server written with 'data' -> write. Usage: node echo_data.js PORT
'use strict';
const net = require('net');

const port = Number(process.argv[2] || 9000);
net.createServer((s) => {
  s.on('error', () => {}); // a client reset must not end the benchmark server
  s.on('data', (chunk) => s.write(chunk));
}).listen(port, '127.0.0.1');
