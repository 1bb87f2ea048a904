/**
 * Export speed: median time to write 10-, 100- and 1,000-node diagrams as an AWS CDK app and as a
 * SAM template, and in the same run, as the yardstick, Eventform's own template of each (synthesis
 * and YAML), so the ratio says what each export costs over the template it starts from.
 */
import { synthesize, toYaml } from '../generators';
import { exportCdkApp } from '../generators/export/cdk/app';
import { exportSam } from '../generators/export/sam/template';
import { diagramOf } from './diagrams';
import { medianTime } from './median';

const REPEAT = 9;

const time = (run: () => unknown) => medianTime(run, REPEAT);

console.log('size   template (yardstick)   CDK app            SAM template');
for (const size of [10, 100, 1000]) {
  const graph = diagramOf(size);
  const yardstick = time(() => toYaml(synthesize(graph).template));
  const cdk = time(() => exportCdkApp(graph));
  const sam = time(() => exportSam(graph));
  const cell = (ms: number) => `${ms.toFixed(1).padStart(7)} ms (${(ms / yardstick).toFixed(1)}x)`;
  console.log(`${String(size).padStart(5)}  ${yardstick.toFixed(1).padStart(7)} ms            ${cell(cdk)}   ${cell(sam)}`);
}
