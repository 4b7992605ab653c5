// Where the renderer (src/lib/build/render/) writes a route's path and which URL it asks Astro's App for:
// the same file names and URLs as Astro's static build with `build.format: 'directory'`, or
// a reader would find pages missing or moved after a publish through the fast path.
import { describe, expect, it } from 'vitest';
import { outputFile, pathFromParams, requestUrl, type RouteShape } from '../src/lib/build/render/route-paths.ts';

/** A route like `src/pages/[...lang]/bulletiner/[slug].astro` as Astro generates its paths. */
const bulletinRoute: RouteShape = {
  type: 'page',
  component: 'src/pages/[...lang]/bulletiner/[slug].astro',
  generate: (p) => `${p.lang ? `/${p.lang}` : ''}/bulletiner/${p.slug}`,
};

describe('pathFromParams', () => {
  it.each([
    [{ lang: undefined, slug: 'vatten' }, '/bulletiner/vatten'],
    [{ lang: 'en', slug: 'vatten' }, '/en/bulletiner/vatten'],
    // Astro trims slashes at the ends of a parameter and turns numbers into text.
    [{ lang: '/fi/', slug: 'a' }, '/fi/bulletiner/a'],
    [{ lang: 'en', slug: 7 }, '/en/bulletiner/7'],
  ])('%o → %s', (params, expected) => {
    expect(pathFromParams(bulletinRoute, params)).toBe(expected);
  });

  it('refuses a parameter that is neither text nor a number, naming the route', () => {
    expect(() => pathFromParams(bulletinRoute, { slug: { x: 1 } })).toThrow(/\[slug\]\.astro.*"slug"/);
  });
});

describe('outputFile', () => {
  it.each([
    ['/', 'page', 'index.html'],
    ['/en', 'page', 'en/index.html'],
    ['/en/bulletiner/vatten', 'page', 'en/bulletiner/vatten/index.html'],
    ['/en/bulletiner/vatten/', 'page', 'en/bulletiner/vatten/index.html'],
    // Status pages keep their names, as web hosts expect: 404.html at the root.
    ['/404', 'page', '404.html'],
    ['/rss.xml', 'endpoint', 'rss.xml'],
    ['/fi/tjanster/vatten/rss.xml', 'endpoint', 'fi/tjanster/vatten/rss.xml'],
    ['/_headers', 'endpoint', '_headers'],
    ['/.well-known/security.txt', 'endpoint', '.well-known/security.txt'],
    // Encoded into a URL and back into a file name, as the static build does.
    ['/media/bilder/skylt med å.1a2b-400.webp', 'endpoint', 'media/bilder/skylt med å.1a2b-400.webp'],
    ['/media/bilder/100%.1a2b-400.webp', 'endpoint', 'media/bilder/100%.1a2b-400.webp'],
  ] as const)('%s (%s) → %s', (pathname, kind, expected) => {
    expect(outputFile(pathname, kind)).toBe(expected);
  });
});

describe('requestUrl', () => {
  const origin = 'https://kris.example.org';
  it.each([
    ['/', 'page', '/', 'https://kris.example.org/'],
    ['/', 'page', '/info/', 'https://kris.example.org/info/'],
    ['/en', 'page', '/', 'https://kris.example.org/en/'],
    ['/en/bulletiner/vatten', 'page', '/info/', 'https://kris.example.org/info/en/bulletiner/vatten/'],
    ['/rss.xml', 'endpoint', '/info/', 'https://kris.example.org/info/rss.xml'],
    ['/404', 'page', '/', 'https://kris.example.org/404/'],
  ] as const)('%s (%s) under %s → %s', (pathname, kind, base, expected) => {
    expect(requestUrl(pathname, kind, base, origin, 'ignore').href).toBe(expected);
  });
});
