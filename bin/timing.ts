/**
 * How long each part of a command took, printed to stderr when EVENTFORM_TIMING is set (the deploy
 * benchmark reads it). Times are from the process's start, so the first part includes Node's own
 * start and the loading of the command line.
 */
import { performance } from 'node:perf_hooks';
import type { Io } from './cli';

export interface PhaseClock {
  /** Ends the current part under this name. */
  lap(name: string): void;
  /** Prints the parts (only with EVENTFORM_TIMING set). */
  report(): void;
}

export function phaseClock(io: Io): PhaseClock {
  const parts: [string, number][] = [];
  let since = 0;
  return {
    lap(name) {
      const now = performance.now();
      parts.push([name, now - since]);
      since = now;
    },
    report() {
      if (!process.env.EVENTFORM_TIMING) return;
      io.err(`timing: ${parts.map(([name, ms]) => `${name} ${Math.round(ms)} ms`).join(', ')}\n`);
    },
  };
}
