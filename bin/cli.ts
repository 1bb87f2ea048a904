import { synthCommand } from './commands/synth';

const USAGE = `Usage: eventform <command> [options]

Commands:
  synth <blueprint-name | graph.json> [--format yaml|json] [-o FILE]
      Print the CloudFormation template of a diagram. Exits 1 when the diagram has errors.

Options:
  -h, --help   Show this help.
`;

export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
}

const stdio: Io = { out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t) };

/** Runs a command; returns the exit code (0 ok, 1 the diagram or the operation failed, 2 bad usage). */
export async function main(argv: string[], io: Io = stdio): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === '-h' || command === '--help') {
    io.out(USAGE);
    return command ? 0 : 2;
  }
  switch (command) {
    case 'synth':
      return synthCommand(rest, io);
    default:
      io.err(`eventform: unknown command "${command}"\n\n${USAGE}`);
      return 2;
  }
}
