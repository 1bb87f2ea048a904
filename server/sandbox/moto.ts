/**
 * The local sandbox: moto_server on 127.0.0.1 on a free port, so a diagram can be deployed with no
 * AWS account. Started on demand and stopped with the process.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';

export const MOTO_INSTALL_HINT = 'The local sandbox needs moto: install it with  pip install "moto[server]"  (then restart Eventform)';

let available: boolean | undefined;

/** Whether moto_server can be started here (asked once: starting Python to ask takes a while). */
export function motoAvailable(): boolean {
  available ??= spawnSync('moto_server', ['--help'], { stdio: 'ignore', timeout: 20_000 }).status === 0;
  return available;
}

/** A port nothing listens on right now, on the loopback interface. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

export interface Sandbox {
  endpoint: string;
  stop(): void;
}

/** moto behind a Host and Origin check (guarded_moto.py): no web page can reach the sandbox. */
const GUARDED_MOTO = join(/*turbopackIgnore: true*/ process.cwd(), 'server', 'sandbox', 'guarded_moto.py');

export async function startMoto(): Promise<Sandbox> {
  const port = await freePort();
  const child: ChildProcess = spawn('python3', [GUARDED_MOTO, String(port)], { stdio: 'ignore', detached: false });
  const endpoint = `http://127.0.0.1:${port}`;
  let exited = false;
  child.on('exit', () => {
    exited = true;
  });
  for (let i = 0; i < 150; i++) {
    if (exited) throw new Error(`moto_server exited before it was ready. ${MOTO_INSTALL_HINT}`);
    try {
      if ((await fetch(`${endpoint}/moto-api/`)).ok) break;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  const stop = () => {
    if (!exited) child.kill('SIGTERM');
  };
  process.once('exit', stop);
  return { endpoint, stop };
}
