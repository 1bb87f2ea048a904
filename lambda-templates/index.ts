/**
 * Lambda handler templates, one per role a function plays in a diagram. Each Python handler is the
 * shared prelude (handlers/common.py: deliver records to whatever the function is connected to)
 * followed by its role's handler, inlined into the template as one file.
 */
import { HANDLER_FILES } from './sources.generated';

import type { HandlerRole } from './roles';

export { HANDLER_ROLES, type HandlerRole } from './roles';

/** CloudFormation's limit on inline function code (Code.ZipFile). */
export const INLINE_CODE_LIMIT = 4096;

export function handlerSource(role: HandlerRole, runtime: string): string {
  if (runtime.startsWith('nodejs')) return HANDLER_FILES['generic.js'];
  return `${HANDLER_FILES['common.py']}\n\n${HANDLER_FILES[`${role}.py`]}`;
}
