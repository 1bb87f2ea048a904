// `npm start`: install what is missing, build, and serve the app on 127.0.0.1 only.
import { execSync, spawn } from 'node:child_process';

execSync('node scripts/ensure-deps.mjs', { stdio: 'inherit' });
process.env.NEXT_TELEMETRY_DISABLED = '1';
execSync('npx next build', { stdio: 'inherit' });
execSync('node scripts/build-cli.mjs', { stdio: 'inherit' });
const port = process.env.PORT ?? '3000';
console.log(`Eventform: http://127.0.0.1:${port}`);
const server = spawn('npx', ['next', 'start', '-H', '127.0.0.1', '-p', port], { stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
