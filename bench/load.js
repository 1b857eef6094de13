// A small closed-loop HTTP load generator: `connections` keep-alive connections, each sending its next request
// as soon as the previous answer arrives, for a fixed time. Returns requests per second (non-2xx counts as error).
import http from 'node:http';

export async function measureRps(url, { seconds = 5, warmupSeconds = 2, connections = 8, headers = {} } = {}) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const once = () =>
    new Promise((resolve, reject) => {
      const request = http.get(url, { agent, headers }, (response) => {
        response.resume();
        response.on('end', () => resolve(response.statusCode));
      });
      request.on('error', reject);
    });
  const runFor = async (ms) => {
    const until = performance.now() + ms;
    let ok = 0;
    let failed = 0;
    await Promise.all(
      Array.from({ length: connections }, async () => {
        while (performance.now() < until) {
          const status = await once();
          if (status >= 200 && status < 300) ok++;
          else failed++;
        }
      }),
    );
    return { ok, failed };
  };
  await runFor(warmupSeconds * 1000);
  const started = performance.now();
  const { ok, failed } = await runFor(seconds * 1000);
  const elapsed = (performance.now() - started) / 1000;
  agent.destroy();
  if (failed > 0) throw new Error(`${url}: ${failed} requests did not answer 2xx`);
  return ok / elapsed;
}
