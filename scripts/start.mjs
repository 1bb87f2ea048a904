// `npm start`: install what is missing, build, and serve the app on 127.0.0.1 only, behind a launch token.
import { execSync } from 'node:child_process';
import { launch } from './launch.mjs';

execSync('node scripts/ensure-deps.mjs', { stdio: 'inherit' });
process.env.NEXT_TELEMETRY_DISABLED = '1';
execSync('node scripts/build-worker.mjs', { stdio: 'inherit' });
execSync('npx next build', { stdio: 'inherit' });
execSync('node scripts/build-cli.mjs', { stdio: 'inherit' });
launch('start');
