import { writeFileSync } from 'node:fs';
import { ICONS_FILE, iconModuleSource } from './icons';

writeFileSync(new URL(`../${ICONS_FILE}`, import.meta.url), iconModuleSource());
console.log(`wrote ${ICONS_FILE}`);
