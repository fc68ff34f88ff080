import { relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { AstroIntegration } from 'astro';
import { backgroundSteps, forgetBackgroundSteps } from '../lib/build-step.ts';
import { type StagedOutput, stageOutput } from '../lib/staged-output.ts';

/** What Astro's logger hands its destination (its own type is not exported). */
interface LogEvent {
  level: string;
  label: string | null;
  message: string;
}

/**
 * The build's last step: it publishes only a build in which nothing failed. Astro builds into a
 * staging folder beside the output folder (lib/staged-output.ts), which replaces the output folder
 * when every integration, the checks included, is done; a failed build leaves the previous site.
 * And an error that some layer of Astro only logged (a content loader's, a reference check's) fails
 * the build here, at the first hook after it: a refusal that is only logged would be a published lie.
 */
export function publishWhenClean(): AstroIntegration {
  const logged: LogEvent[] = [];
  let staged: StagedOutput | undefined;
  let outDir = '';
  const refuseLoggedErrors = () => {
    const [first] = logged;
    if (first) {
      const line = first.message.split('\n')[0];
      throw new Error(`the build logged ${logged.length === 1 ? 'an error' : `${logged.length} errors`}, which fails it${first.label ? ` [${first.label}]` : ''}: ${line}`);
    }
  };
  return {
    name: 'explainer-publish',
    hooks: {
      'astro:config:setup': ({ command, config, updateConfig, logger }) => {
        if (command !== 'build') return;
        const destination = logger.options.destination as { write: (event: LogEvent) => void };
        const write = destination.write.bind(destination);
        destination.write = (event) => {
          if (event.level === 'error') logged.push(event);
          write(event);
        };
        outDir = fileURLToPath(config.outDir);
        staged = stageOutput(outDir);
        // Whatever ends the process before the site is published (an error, an unfinished step)
        // removes the staging folder; after publishing there is nothing left to remove.
        process.once('exit', staged.discard);
        updateConfig({ outDir: pathToFileURL(`${staged.site}/`) });
      },
      'astro:build:start': () => {
        // Steps in the background belong to one build: none is left from an earlier one in this process.
        forgetBackgroundSteps();
        refuseLoggedErrors();
      },
      'astro:build:done': async ({ logger }) => {
        // A step still running in the background (the search index) is part of the site.
        await backgroundSteps();
        refuseLoggedErrors();
        if (!staged) return;
        const started = performance.now();
        staged.publish();
        logger.info(`published into ${relative(process.cwd(), outDir) || '.'} (${Math.round(performance.now() - started)} ms)`);
      },
    },
  };
}
