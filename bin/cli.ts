const USAGE = `Usage: eventform <command> [options]

Commands:
  synth <blueprint-name | graph.json | template> [--format yaml|json] [-o FILE] [--without-layout]
      Print the CloudFormation template of a diagram, with the diagram's layout in its Metadata
      (so importing it again restores the layout). Exits 1 when the diagram has errors.
  import <template.yaml | template.json> [-o graph.json] [--name NAME]
      Turn a CloudFormation or SAM template into a diagram file. Everything the template holds is
      kept and written back by synth. Problems are printed as FILE:LINE:COLUMN; exits 1 on error.
  export cdk <blueprint-name | graph.json | template> -o DIR
      Write the diagram as an AWS CDK app in TypeScript (package.json, cdk.json, bin/, lib/, the
      function code in functions/) into a new or empty folder. An imported template is included
      whole with CfnInclude. Exits 1 when the diagram has errors.
  export sam <blueprint-name | graph.json | template> [-o DIR]
      Print the diagram as a SAM template (AWS::Serverless::Function with its Events, policy
      templates, Globals), or write DIR/template.yaml and the code of functions that are not inline.
  blueprints
      List the ready-made blueprints.
  deploy <blueprint-name | graph.json> --stack NAME [--profile P] [--region R] [--endpoint URL] [--yes]
      Show the account, preview the change set, ask, deploy while printing the stack's events,
      print the outputs. Exit codes: 0 deployed or nothing to change, 1 failed, 2 bad usage or
      credentials, 4 cancelled.
  destroy --stack NAME [--profile P] [--region R] [--endpoint URL] [--yes]
      Empty the stack's own buckets (after confirming them by name) and delete the stack.
  send-samples <blueprint-name | graph.json> --stack NAME [--count N] [...]
      Send sample social-media events into a deployed diagram's stream (the streaming blueprint).

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
  // Each command's code is loaded when it runs: a deploy does not load the importer, the CDK
  // writer or the YAML library, which is most of the start of a short command.
  switch (command) {
    case 'synth':
      return (await import('./commands/synth')).synthCommand(rest, io);
    case 'import':
      return (await import('./commands/import')).importCommand(rest, io);
    case 'export':
      return (await import('./commands/export')).exportCommand(rest, io);
    case 'blueprints':
      return (await import('./commands/blueprints')).blueprintsCommand(io);
    case 'deploy':
      return (await import('./commands/deploy')).deployCommand(rest, io);
    case 'destroy':
      return (await import('./commands/deploy')).destroyCommand(rest, io);
    case 'send-samples':
      return (await import('./commands/samples')).samplesCommand(rest, io);
    default:
      io.err(`eventform: unknown command "${command}"\n\n${USAGE}`);
      return 2;
  }
}
