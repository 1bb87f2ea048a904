/** Regenerates docs/graph-file.schema.json from the service catalog and the rule table. */
import { writeFileSync } from 'node:fs';
import { documentedSchema } from '../generators/graph/schema';
import { STRUCTURE_VALIDATOR_PATH, structureValidatorSource } from '../generators/graph/structure-validator';

writeFileSync(new URL('../docs/graph-file.schema.json', import.meta.url), `${JSON.stringify(documentedSchema(), null, 2)}\n`);
console.log('wrote docs/graph-file.schema.json');
writeFileSync(new URL(`../${STRUCTURE_VALIDATOR_PATH}`, import.meta.url), structureValidatorSource());
console.log(`wrote ${STRUCTURE_VALIDATOR_PATH}`);
