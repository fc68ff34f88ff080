import type { AstroIntegration } from 'astro';
import { currentShard, inShard } from '../lib/shard.ts';

/** Astro renders only this shard's paths (a prerenderer that filters its list of them). */
export default function shardPages(): AstroIntegration {
  return {
    name: 'explainer-shard',
    hooks: {
      'astro:build:start': ({ setPrerenderer, logger }) => {
        const shard = currentShard();
        if (!shard) return;
        logger.info(`building shard ${shard.index} of ${shard.count}`);
        setPrerenderer((astro) => ({
          name: 'explainer-shard',
          setup: async () => astro.setup?.(),
          getStaticPaths: async () => (await astro.getStaticPaths()).filter(({ pathname }) => inShard(shard, pathname)),
          render: (request, options) => astro.render(request, options),
          teardown: async () => astro.teardown?.(),
        }));
      },
    },
  };
}
