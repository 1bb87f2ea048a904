import { sendSampleEvents } from '../../server/deploy/samples';
import type { Io } from '../cli';
import { readArgs } from '../args';
import { loadDiagram } from '../load-diagram';
import { environmentFrom, EXIT, terminalPrompt } from './deploy';

export async function samplesCommand(argv: string[], io: Io): Promise<number> {
  const parsed = readArgs(
    {
      args: argv,
      allowPositionals: true,
      options: { stack: { type: 'string' }, count: { type: 'string', default: '20' }, profile: { type: 'string' }, region: { type: 'string' }, endpoint: { type: 'string' } },
    },
    io,
    'send-samples',
  );
  if (!parsed) return EXIT.usage;
  const { values, positionals } = parsed;
  const count = Number(values.count);
  if (positionals.length !== 1 || !values.stack || !Number.isInteger(count) || count < 1) {
    io.err('Usage: eventform send-samples <blueprint-name | graph.json> --stack NAME [--count N] [--profile P] [--region R] [--endpoint URL]\n');
    return EXIT.usage;
  }
  const loaded = await loadDiagram(positionals[0]);
  if (!loaded.ok) {
    io.err(`eventform send-samples: ${loaded.error}\n`);
    return EXIT.usage;
  }
  const env = await environmentFrom(values, io, terminalPrompt);
  if (!env) return EXIT.usage;
  try {
    const { sent, via } = await sendSampleEvents(env, loaded.graph, values.stack, count);
    io.out(`Sent ${sent} sample events to ${via}\n`);
    return EXIT.ok;
  } catch (error) {
    io.err(`eventform send-samples: ${(error as Error).message}\n`);
    return EXIT.failed;
  }
}
