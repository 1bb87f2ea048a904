// Starts the Next.js server (`next start` or `next dev`) on 127.0.0.1 with a fresh launch token in
// its environment, and prints the address with the token in its fragment: only who sees this
// terminal can use the server's deploy API (the token is in no command line another user could read).
import { randomBytes } from 'node:crypto';
import { spawn } from 'node:child_process';

export function launch(mode, port = process.env.PORT ?? '3000') {
  const token = randomBytes(24).toString('base64url');
  const server = spawn('npx', ['next', mode, '-H', '127.0.0.1', '-p', port], {
    stdio: ['inherit', 'pipe', 'inherit'],
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', EVENTFORM_TOKEN: token, PORT: port },
  });
  let announced = false;
  server.stdout.on('data', (chunk) => {
    process.stdout.write(chunk);
    if (!announced && /Ready|started server|Local:/i.test(String(chunk))) {
      announced = true;
      console.log(`\nEventform: open http://127.0.0.1:${port}/#token=${token}\n(the token in that address lets the page deploy with your credentials; it changes at every start)\n`);
    }
  });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
  server.on('exit', (code) => process.exit(code ?? 0));
}
