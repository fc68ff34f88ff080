import { type ParseArgsOptionsConfig, parseArgs } from 'node:util';

/** A mistake in how a command was called: shown as one line, with the way to its --help. */
export class UsageError extends Error {}

/** What a command writes: lines for the terminal (tests pass their own). */
export interface Output {
  out: (line: string) => void;
  err: (line: string) => void;
}

/** One subcommand of `cited-explainer`: its help text, its options and what it does. */
export interface Command {
  name: string;
  /** One line for the list of commands. */
  summary: string;
  /** The full --help text. */
  help: string;
  options: ParseArgsOptionsConfig;
  run(args: { values: Record<string, string | boolean | undefined>; positionals: string[] }, output: Output): Promise<void> | void;
}

/** The command's arguments, read strictly: an unknown option or a missing value is a UsageError. */
export function readArgs(command: Command, args: string[]) {
  try {
    const { values, positionals } = parseArgs({ args, options: command.options, allowPositionals: true, strict: true });
    return { values: values as Record<string, string | boolean | undefined>, positionals };
  } catch (error) {
    // node:util's messages are long and mention internals; the first sentence says what is wrong.
    throw new UsageError((error as Error).message.split('. ')[0]);
  }
}
