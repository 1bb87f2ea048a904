import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { HANDLER_FILES } from './sources.generated';
import { HANDLER_ROLES, handlerSource, INLINE_CODE_LIMIT } from './index';
import { pythonWritesLine, WRITES_LINE } from './writes';

describe('lambda templates', () => {
  it('GIVEN the handler files THEN sources.generated.ts holds exactly them (run npm run lambda-sources)', () => {
    const dir = new URL('./handlers/', import.meta.url);
    const files = readdirSync(dir).filter((f) => /\.(py|js)$/.test(f));
    expect(Object.keys(HANDLER_FILES).sort()).toEqual(files.sort());
    for (const f of files) expect(HANDLER_FILES[f]).toBe(readFileSync(new URL(f, dir), 'utf8'));
  });

  it.each(HANDLER_ROLES)('GIVEN the %s role THEN its composed handler fits inline code and defines handler()', (role) => {
    const source = handlerSource(role, 'python3.13');
    expect(source.length).toBeLessThanOrEqual(INLINE_CODE_LIMIT);
    expect(source).toMatch(/^def handler\(event, context\):/m);
    expect(source).toMatch(/^def deliver\(records\):/m);
  });
});

describe("the handlers' WRITES set", () => {
  it("GIVEN the service modules' access modes THEN common.py delivers along exactly the modes that send something on (run npm run lambda-sources)", () => {
    const common = readFileSync(new URL('./handlers/common.py', import.meta.url), 'utf8');
    expect(common.match(WRITES_LINE)?.[0]).toBe(pythonWritesLine());
    expect(pythonWritesLine()).toContain('"read-write"');
    expect(pythonWritesLine()).not.toContain('"read"');
  });
});
