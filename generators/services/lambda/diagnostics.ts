import { INLINE_CODE_LIMIT } from '../../../lambda-templates';
import { FUNCTION_NAME_PREFIX_LENGTH, functionPrefix } from '../../template/naming';
import type { ServiceDiagnostics } from '../types';
import type { FunctionNode } from './cfn';
import type { CfnValue } from '../../template/cfn';
import { codeLocationOf } from './code-location';
import { CURRENT_RUNTIME, familyOf, runtimeInfo, writesCodeFor } from './runtimes';

export const lambdaDiagnostics: ServiceDiagnostics<FunctionNode> = {
  node(fn, { index, report }) {
    if (index.into(fn).length === 0) report('warning', 'untriggered-function', `Nothing triggers ${fn.name}: it runs only when invoked by hand`, [fn]);
    // A function drawn here becomes an asset when its code is long; an imported one is written back
    // inline as its template had it, so only code the user changed is held to the limit.
    const edited = fn.origin && fn.props.code !== fn.origin.props.code;
    if (edited && fn.props.code.length > INLINE_CODE_LIMIT)
      report('error', 'code-too-long', `${fn.name}'s edited code is longer than the ${INLINE_CODE_LIMIT} characters CloudFormation allows inline in its imported template`, [fn]);
    if (fn.origin) {
      const resource = index.graph.template?.Resources as Record<string, { Properties?: Record<string, CfnValue> }> | undefined;
      const where = codeLocationOf(resource?.[fn.origin.logicalIds[0]]?.Properties);
      if (where.kind === 'path')
        report(
          'error',
          'code-at-local-path',
          `${fn.name}'s ${where.text} is a folder on the machine that wrote the template: deploying needs the code in S3. Run sam build and sam package (or zip the folder, upload it and point CodeUri at the s3:// address), then import the packaged template`,
          [fn],
        );
      if (where.kind === 'object') report('info', 'code-in-s3', `${fn.name}'s ${where.text}: the deploy needs that object readable in the target account and region`, [fn]);
    }
    const runtime = runtimeInfo(fn.props.runtime);
    if (runtime?.deprecated)
      report(
        'warning',
        'runtime-deprecated',
        `${fn.name} runs ${runtime.id}, which Lambda deprecated on ${runtime.deprecated}: no new function can be created with it and updates are blocked soon after. Upgrade to ${CURRENT_RUNTIME[runtime.family]} (and test the code on it)`,
        [fn],
      );
    // A drawn function's code is Eventform's to write; an imported one brings its own.
    if (!fn.origin && !writesCodeFor(fn.props.runtime))
      report('error', 'runtime-without-code', `${fn.name} runs ${fn.props.runtime}, but Eventform writes function code in Python and Node.js only: choose one of those runtimes`, [fn]);
    if (familyOf(fn.props.runtime) !== 'nodejs' && fn.props.dependencies.trim())
      report('error', 'packages-need-nodejs', `${fn.name} lists npm packages but runs ${fn.props.runtime}: packages are for Node.js functions (for Python, add the library's files or a layer)`, [fn]);
  },
  all(functions, { report }) {
    const seen = new Map<string, FunctionNode>();
    for (const fn of functions) {
      const prefix = functionPrefix(fn).toLowerCase();
      const other = seen.get(prefix);
      if (other)
        report('error', 'function-name-clash', `${other.name} and ${fn.name} give the same function name prefix: make their first ${FUNCTION_NAME_PREFIX_LENGTH} characters differ`, [other, fn]);
      seen.set(prefix, fn);
    }
  },
};
