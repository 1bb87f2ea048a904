import { perMillion } from '../../cost/types';
import type { ServiceCost } from '../types';
import type { FunctionNode } from './cfn';

/** us-east-1 on-demand list prices (see cost/prices.ts for the date), x86. */
const LAMBDA_PRICES = { perMillionRequests: 0.2, perGbSecond: 0.0000166667 } as const;

export const lambdaCost: ServiceCost<FunctionNode> = {
  estimate(node, usage) {
    const calls = usage.invocations(node);
    const gbSeconds = calls * (usage.load.averageDurationMs / 1000) * (node.props.memoryMiB / 1024);
    return {
      items: [
        { label: 'Invocations', quantity: calls, unit: 'requests', usd: perMillion(calls, LAMBDA_PRICES.perMillionRequests) },
        { label: `Compute at ${node.props.memoryMiB} MiB`, quantity: gbSeconds, unit: 'GB-seconds', usd: gbSeconds * LAMBDA_PRICES.perGbSecond },
      ],
    };
  },
};
