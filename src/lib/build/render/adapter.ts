// The smallest Astro adapter (Astro's "build your own adapter"): `astro build` with it and
// `output: 'server'` makes a server bundle whose entry exports an `App` (server-entry.ts) that
// renders any page on request. Only server-bundle.ts's bundle build uses it; `astro dev`,
// `astro check` and the fallback `astro build` never see it.
import path from 'node:path';
import type { AstroIntegration } from 'astro';

export const ADAPTER_NAME = 'krisinfo-render';

/** `root` is the project folder: this file may run compiled elsewhere, so no import.meta.url. */
export function renderAdapter(root: string): AstroIntegration {
  const here = path.join(root, 'src/lib/build/render');
  return {
    name: ADAPTER_NAME,
    hooks: {
      'astro:config:setup': ({ injectRoute }) => {
        injectRoute({ pattern: '/500', entrypoint: path.join(here, 'error-route.ts'), prerender: false });
      },
      'astro:config:done': ({ setAdapter }) => {
        setAdapter({
          name: ADAPTER_NAME,
          serverEntrypoint: path.join(here, 'server-entry.ts'),
          exports: ['app'],
          adapterFeatures: { buildOutput: 'server', edgeMiddleware: false },
          supportedAstroFeatures: { serverOutput: 'stable', staticOutput: 'stable', hybridOutput: 'stable', sharpImageService: 'stable' },
        });
      },
    },
  };
}
