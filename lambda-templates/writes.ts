/** The handlers' WRITES set (the access modes whose edges a function delivers records along), generated from the service modules. */
import { sendingModes } from '../generators/services/registry';

/** The line in handlers/common.py that `npm run lambda-sources` rewrites. */
export const WRITES_LINE = /^WRITES = \{.*\} {2}# generated: npm run lambda-sources$/m;

export const pythonWritesLine = () =>
  `WRITES = {${sendingModes()
    .map((m) => JSON.stringify(m))
    .join(', ')}}  # generated: npm run lambda-sources`;
