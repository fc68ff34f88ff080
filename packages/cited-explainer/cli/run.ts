import { readFileSync } from 'node:fs';
import { ingestCommand } from '../ingest/cli.ts';
import { checkCommand } from './check.ts';
import { type Command, type Output, readArgs, UsageError } from './command.ts';
import { initCommand } from './init.ts';

const commands: Command[] = [initCommand, ingestCommand, checkCommand];

export const version = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;

const mainHelp = `cited-explainer ${version}: an explainer site whose every sentence is cited to an archived source.

Usage: cited-explainer <command> [options]

Commands:
${commands.map((command) => `  ${command.name.padEnd(8)} ${command.summary}`).join('\n')}

Run "cited-explainer <command> --help" for a command's options.
Building and previewing the site are Astro's: astro dev, astro build.`;

const wantsHelp = (args: readonly string[]) => args.includes('--help') || args.includes('-h');

/**
 * Runs `cited-explainer <command> …` and gives the exit code. Every failure is one error (a line,
 * and for content the fix on the next), never a stack trace: the user's mistake is the message.
 */
export async function run(args: readonly string[], output: Output): Promise<number> {
  const [name, ...rest] = args;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    output.out(mainHelp);
    return name === undefined ? 1 : 0;
  }
  if (name === '--version' || name === '-v') {
    output.out(version);
    return 0;
  }
  const command = commands.find((candidate) => candidate.name === name);
  if (!command) {
    output.err(`cited-explainer: unknown command "${name}"; the commands are ${commands.map((c) => c.name).join(', ')} (cited-explainer --help)`);
    return 1;
  }
  if (wantsHelp(rest)) {
    output.out(command.help);
    return 0;
  }
  try {
    await command.run(readArgs(command, rest), output);
    return 0;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const hint = error instanceof UsageError ? ` (cited-explainer ${name} --help)` : '';
    output.err(`cited-explainer ${name}: ${message}${hint}`);
    return 1;
  }
}
