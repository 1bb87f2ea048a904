// `npm run dev`: the Next.js dev server on 127.0.0.1, behind a launch token.
import { execSync } from 'node:child_process';
import { launch } from './launch.mjs';

execSync('node scripts/ensure-deps.mjs', { stdio: 'inherit' });
execSync('node scripts/build-worker.mjs', { stdio: 'inherit' });
launch('dev');
