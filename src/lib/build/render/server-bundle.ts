// The server bundle: the site's pages compiled once by `astro build` with the adapter of
// adapter.ts, kept in .build/server-<key>/ and used by every publish until the code changes.
// The key covers every input that reaches the bundle, so that a stale bundle can never publish
// old templates: the source (src/, the adapter and renderer included), astro.config.mjs,
// tsconfig.json, package-lock.json and Astro's version, the site's address (Astro bakes `site`
// and `base` into the bundle) and the Node version. Content is not in the key: the bundle reads
// content/ when it renders.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, statSync, utimesSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { listFiles } from '../../release/checksums.ts';
import { removeUnused } from '../unused-files.ts';

/** Bump when the bundle's layout or the renderer's contract with it changes outside src/. */
const KEY_VERSION = '1';
/** Project files and folders whose bytes reach the bundle. */
const KEYED = ['src', 'astro.config.mjs', 'tsconfig.json', 'package-lock.json', 'node_modules/astro/package.json'];
const PREFIX = 'server-';

export interface ServerBundle {
  key: string;
  dir: string;
  /** The module that creates the App (and starts a render worker when run as one). */
  entry: string;
  /** Whether this publish built it (the first after a code change) or found it. */
  built: boolean;
}

/** A bundle could not be built: the reason, in a line. */
export class BundleError extends Error {}

/**
 * What astro.config.mjs makes of site.yaml's `url`: `site` is the origin, `base` the path. The
 * same reading as there (a broken file means no site; the build stops later with a clear message).
 */
export function configuredSite(contentDir: string): { origin?: string; base: string } {
  try {
    const text = readFileSync(path.join(contentDir, 'site.yaml'), 'utf8').replace(/^\uFEFF/, '');
    const url = new URL((parse(text) as { url: string }).url);
    if (!url.pathname.endsWith('/')) url.pathname += '/';
    return { origin: url.origin, base: url.pathname };
  } catch {
    return { base: '/' };
  }
}

function filesUnder(root: string, name: string): string[] {
  const abs = path.join(root, name);
  if (!existsSync(abs)) return [];
  return statSync(abs).isDirectory() ? listFiles(abs).map((f) => `${name}/${f}`) : [name];
}

export function bundleKey(root: string, contentDir: string): string {
  const h = createHash('sha256');
  h.update(`${KEY_VERSION}\u0000${process.version}\u0000`);
  for (const name of KEYED) {
    for (const file of filesUnder(root, name)) h.update(file).update('\u0000').update(readFileSync(path.join(root, file))).update('\u0000');
  }
  const site = configuredSite(contentDir);
  h.update(`${site.origin ?? ''}\u0000${site.base}\u0000`);
  return h.digest('hex').slice(0, 24);
}

function bundlesDir(root: string): string {
  return path.join(root, '.build');
}

function located(root: string, key: string, built: boolean): ServerBundle {
  const dir = path.join(bundlesDir(root), `${PREFIX}${key}`);
  return { key, dir, entry: path.join(dir, 'server', 'entry.mjs'), built };
}

/** The bundle of `key` if it has been built, marked as used now (pruneBundles goes by that time). */
export function foundBundle(root: string, key: string): ServerBundle | undefined {
  const found = located(root, key, false);
  if (!existsSync(found.entry)) return undefined;
  const now = new Date();
  utimesSync(found.dir, now, now);
  return found;
}

/** The last lines of the bundle build's output that say what went wrong. */
function reason(output: string): string {
  const lines = output.split('\n').map((l) => l.replace(/\x1b\[[0-9;]*m/g, '').trim()).filter(Boolean);
  const errors = lines.filter((l) => /error/i.test(l) && !/getStaticPaths\(\) ignored/.test(l));
  return (errors.at(-1) ?? lines.at(-1) ?? 'no output').slice(0, 300);
}

/** A bundle being built by a child process (bundle-child.ts). */
export interface BundleBuild {
  /** Settles when the child has finished; rejects with a BundleError if there is no bundle. */
  done: Promise<ServerBundle>;
  /** Keeps this process alive until the child has finished (it does not, until asked). */
  waitFor(): Promise<ServerBundle>;
}

/**
 * Starts building the bundle for the code as it is now, unless it exists. The child builds into a
 * folder of its own and renames it into place when complete, so a parallel publish never sees half
 * of one, and a publish stopped meanwhile (a content error) leaves it to finish for the next one.
 * Its output goes to a log file beside it, read only if it fails: its warnings ("getStaticPaths()
 * ignored") are expected and never reach the officer.
 */
export function startServerBundle(root: string, contentDir: string): { bundle: ServerBundle } | BundleBuild {
  const key = bundleKey(root, contentDir);
  const existing = foundBundle(root, key);
  if (existing) return { bundle: existing };
  const target = located(root, key, true);
  const tmp = `${target.dir}.tmp-${process.pid}`;
  const log = `${tmp}.log`;
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(path.dirname(tmp), { recursive: true });
  const fd = openSync(log, 'w');
  const child = spawn(process.execPath, [path.join(root, 'scripts/run.mjs'), path.join(root, 'src/lib/build/render/bundle-child.ts'), tmp, target.dir], {
    cwd: root,
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
    stdio: ['ignore', fd, fd],
  });
  closeSync(fd);
  child.unref();
  const done = new Promise<ServerBundle>((resolve, reject) => {
    child.on('error', (e) => reject(new BundleError(e.message)));
    child.on('exit', (code) => {
      if (code === 0 && existsSync(target.entry)) {
        rmSync(log, { force: true });
        resolve(target);
      } else {
        const output = existsSync(log) ? readFileSync(log, 'utf8') : '';
        rmSync(log, { force: true });
        rmSync(tmp, { recursive: true, force: true });
        reject(new BundleError(code === 0 ? 'astro build made no server/entry.mjs' : reason(output)));
      }
    });
  });
  // Nobody may wait for it (the publish stopped): its failure is then no one's error.
  done.catch(() => undefined);
  return {
    done,
    waitFor() {
      child.ref();
      return done;
    },
  };
}

/** Removes bundles (and abandoned half-built ones) that no publish has used for an hour. */
export function pruneBundles(root: string, keep: string): void {
  // Only bundles: .build/ also holds the compiled scripts.
  removeUnused(bundlesDir(root), (name) => !name.startsWith(PREFIX) || name === `${PREFIX}${keep}`);
}
