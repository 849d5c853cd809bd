// Node echo server: net.createServer(s => s.pipe(s)). Usage: node echo_pipe.js PORT
'use strict';
const net = require('net');

const port = Number(process.argv[2] || 9000);
net.createServer((s) => {
  s.on('error', () => {}); // a client reset must not end the benchmark server
  s.pipe(s);
}).listen(port, '127.0.0.1');
