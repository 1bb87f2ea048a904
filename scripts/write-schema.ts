/** Regenerates docs/graph-file.schema.json from the service catalog and the rule table. */
import { writeFileSync } from 'node:fs';
import { documentedSchema } from '../generators/graph/schema';

writeFileSync(new URL('../docs/graph-file.schema.json', import.meta.url), `${JSON.stringify(documentedSchema(), null, 2)}\n`);
console.log('wrote docs/graph-file.schema.json');
