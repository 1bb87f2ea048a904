import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { Io } from './cli';

/** A command's arguments, or null after printing why they could not be read (the caller exits with the usage code). */
export function readArgs<T extends ParseArgsConfig>(config: T, io: Io, command: string, usage = ''): ReturnType<typeof parseArgs<T>> | null {
  try {
    return parseArgs(config);
  } catch (error) {
    io.err(`eventform ${command}: ${(error as Error).message}\n${usage}`);
    return null;
  }
}
