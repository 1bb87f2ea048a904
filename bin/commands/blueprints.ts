import { BLUEPRINTS, servicesOf } from '../../blueprints';
import { serviceOf } from '../../generators';
import type { Io } from '../cli';

export function blueprintsCommand(io: Io): number {
  for (const b of BLUEPRINTS) {
    io.out(
      `${b.id.padEnd(18)} ${b.title}\n${' '.repeat(19)}${servicesOf(b)
        .map((k) => serviceOf(k).shortTitle)
        .join(', ')}\n`,
    );
  }
  return 0;
}
