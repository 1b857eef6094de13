import net from 'node:net';

/**
 * Ports below Linux's ephemeral range (32768 and up by default), so no outgoing connection or `listen(0)` in another
 * test file can take the port between our choosing it and listening on it.
 */
const LOWEST = 20000;
const COUNT = 12000;

function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/** A port on 127.0.0.1 that nothing listens on, for a server that must know its address before it starts. */
export async function unusedPort(): Promise<number> {
  for (;;) {
    const port = LOWEST + Math.floor(Math.random() * COUNT);
    if (await isFree(port)) return port;
  }
}
