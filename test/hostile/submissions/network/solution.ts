// Hostile: lists the network interfaces it sees and connects to 127.0.0.1:PORT, a listener the
// test started outside the sandbox (argv: nonce port). Loopback only.
import net from 'node:net';
import os from 'node:os';

const port = Number(process.argv[3]);
console.log(`interfaces ${Object.keys(os.networkInterfaces()).sort().join(',')}`);
const socket = net.connect({ host: '127.0.0.1', port });
socket.setTimeout(1000);
socket.on('connect', () => {
  console.log('connected to the host');
  socket.end('hello from the sandbox\n');
});
socket.on('error', (error: NodeJS.ErrnoException) => console.log(`refused ${error.code ?? 'unknown'}`));
socket.on('timeout', () => {
  console.log('refused timeout');
  socket.destroy();
});
