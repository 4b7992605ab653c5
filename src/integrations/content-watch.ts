// Preview while writing: `npm run dev` watches the content folder (bulletins, pages, images,
// site.yaml, services.yaml, even when KRISINFO_CONTENT points outside the project) and reloads the
// browser on any change. Pages read content/ again on every request in dev (site-data.ts), so the
// reload shows the new text, or (content-errors.ts) a plain page with the report `npm run check` prints.
import path from 'node:path';
import type { AstroIntegration } from 'astro';
import { isInside } from '../lib/model/paths.ts';

/** Changes closer together than this are one save (editors write a file in several steps). */
const SETTLE_MS = 120;

export default function contentWatch(options: { dir?: string } = {}): AstroIntegration {
  return {
    name: 'krisinfo-content-watch',
    hooks: {
      'astro:server:setup': ({ server, logger }) => {
        const dir = path.resolve(options.dir ?? process.env.KRISINFO_CONTENT ?? 'content');
        server.watcher.add(dir);
        let timer: NodeJS.Timeout | undefined;
        const changed = new Set<string>();
        server.watcher.on('all', (_event, file) => {
          if (!isInside(file, dir)) return;
          changed.add(path.relative(dir, file) || '.');
          clearTimeout(timer);
          timer = setTimeout(() => {
            logger.info(`content/ ändrades (${[...changed].join(', ')}): laddar om.`);
            changed.clear();
            server.ws.send({ type: 'full-reload', path: '*' });
          }, SETTLE_MS);
        });
        logger.info(`Bevakar ${path.relative(process.cwd(), dir) || dir}/: sidan laddas om när du sparar.`);
      },
    },
  };
}
