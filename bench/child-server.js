// Benchmarks that run the service in a child process (bench/servers.js): start it, stop it, read its memory.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import readline from 'node:readline';

/**
 * The options `npm run serve` gives Node (package.json), so that the benchmarks measure the service as it runs: the
 * heap limit there decides how much garbage V8 lets pile up between full collections (see README, Benchmarks).
 */
export const serviceNodeOptions = /^node((?: --\S+)*) dist\/main\.js$/
  .exec(JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).scripts.serve)[1]
  .split(' ')
  .filter(Boolean);

/** Starts `node bench/servers.js ...args` (with the service's Node options) and waits until it listens; returns the child and its address. */
export async function startServer(args, env = {}) {
  const child = spawn(process.execPath, [...serviceNodeOptions, 'bench/servers.js', ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, ...env },
  });
  const line = await new Promise((resolve, reject) => {
    readline.createInterface({ input: child.stdout }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`the server (${args[0]}) exited with ${code}`)));
  });
  return { child, base: `http://127.0.0.1:${JSON.parse(line).port}` };
}

export async function stop(child) {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

/** The resident memory of a process, in bytes (Linux). */
export function residentBytes(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)[1]) * 1024;
}

/** Samples a process's resident memory every 10 ms while `work()` runs; returns its result and the peak. */
export async function peakDuring(pid, work) {
  let peak = residentBytes(pid);
  const sampler = setInterval(() => {
    try {
      peak = Math.max(peak, residentBytes(pid));
    } catch {
      // the process has gone; work() reports why
    }
  }, 10);
  try {
    const result = await work();
    peak = Math.max(peak, residentBytes(pid));
    return { result, peak };
  } finally {
    clearInterval(sampler);
  }
}
