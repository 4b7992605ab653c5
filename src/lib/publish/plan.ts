// The order in which a release reaches a target, so that a reader never sees a page whose images,
// styles or search index are not there yet, and `verify` never sees a checksum list for files that
// have not arrived:
//
//   1. assets   new and changed images, styles, scripts, search index: nothing links to them yet
//   2. pages    new and changed pages, feeds and data, which now find their assets in place
//   3. signature SHA256SUMS and SHA256SUMS.minisig: from here on the target is the new release
//   4. remove   files of the old release that the new one no longer has (nothing links to them now)
//
// Interrupted anywhere, a target still serves the old pages (with extra unused files) or the new
// pages under the old signature, and `verify` names every file that differs; the next publish
// compares again and sends what is still missing.
import { SIGNATURE_FILE, SUMS_FILE } from '../release/checksums.ts';

export const PHASES = ['assets', 'pages', 'signature', 'remove'] as const;
export type Phase = (typeof PHASES)[number];

/** Hash kinds we can compute locally and that rclone's backends report (md5: S3, sftp; sha1: sftp, B2). */
export const HASH_TYPES = ['sha256', 'md5', 'sha1'] as const;
export type HashType = (typeof HASH_TYPES)[number];

export interface LocalFile {
  path: string;
  size: number;
  hashes: Record<HashType, string>;
}

export interface RemoteFile {
  path: string;
  size?: number;
  /** What the target can tell about the content; none means it cannot, and the file is sent again. */
  hashes?: Partial<Record<HashType, string>>;
}

/**
 * Files on a target that belong to the host, not to the site, and are never deleted: Apache's
 * per-folder config, GitHub Pages' domain and Jekyll switch, certbot's challenges, a git checkout.
 */
const HOST_FILES = [/^\.htaccess$/, /^CNAME$/, /^\.nojekyll$/, /^\.well-known\/acme-challenge\//, /^\.git\//];

export function isHostFile(path: string): boolean {
  return HOST_FILES.some((re) => re.test(path));
}

/** Assets are what pages load (images, styles, scripts, fonts, the search index); the rest are pages. */
const ASSET_RE = /\.(css|js|mjs|wasm|jpe?g|png|gif|webp|avif|svg|ico|woff2?|ttf|pdf|pagefind|pf_[a-z]+)$/i;

export function phaseOf(path: string): Exclude<Phase, 'remove'> {
  if (path === SUMS_FILE || path === SIGNATURE_FILE) return 'signature';
  return ASSET_RE.test(path) ? 'assets' : 'pages';
}

/** Same size (when known) and the same hash of a kind both sides have. Without one: not known to be the same. */
export function isSameFile(local: LocalFile, remote: RemoteFile): boolean {
  if (remote.size !== undefined && remote.size !== local.size) return false;
  const kind = HASH_TYPES.find((k) => remote.hashes?.[k]);
  return kind !== undefined && remote.hashes![kind]!.toLowerCase() === local.hashes[kind];
}

export interface UploadPlan {
  assets: string[];
  pages: string[];
  signature: string[];
  remove: string[];
  /** Files already on the target as they are in the release. */
  unchanged: number;
  /**
   * Files that are neither the site's nor the host's, on a target that holds no release: it is not
   * a folder of ours (a wrong path), so nothing is deleted or written there.
   */
  foreign: string[];
}

export function planUpload(local: readonly LocalFile[], remote: readonly RemoteFile[]): UploadPlan {
  const there = new Map(remote.map((r) => [r.path, r]));
  const plan: UploadPlan = { assets: [], pages: [], signature: [], remove: [], unchanged: 0, foreign: [] };
  const wanted = new Set<string>();
  for (const file of local) {
    wanted.add(file.path);
    const r = there.get(file.path);
    if (r && isSameFile(file, r)) plan.unchanged++;
    else plan[phaseOf(file.path)].push(file.path);
  }
  plan.remove = remote.map((r) => r.path).filter((p) => !wanted.has(p) && !isHostFile(p)).sort();
  if (!there.has(SUMS_FILE) && plan.remove.length > 0) {
    plan.foreign = plan.remove;
    plan.remove = [];
  }
  return plan;
}
