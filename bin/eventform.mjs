#!/usr/bin/env node
// The eventform command line. It runs the same TypeScript core as the app, through tsx.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('./cli.ts');
process.exitCode = await main(process.argv.slice(2));
