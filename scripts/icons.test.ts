import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ICONS_FILE, iconModuleSource } from './icons';

describe('the canvas icons', () => {
  it("GIVEN the service modules' icon names THEN the generated imports hold exactly them (run npm run icons)", () => {
    expect(readFileSync(new URL(`../${ICONS_FILE}`, import.meta.url), 'utf8')).toBe(iconModuleSource());
  });
});
