// content/publish.yaml (optional): where `npm run publish` uploads the signed release, and the
// addresses the authenticity page lists as mirrors. Only places go here, never credentials: rclone
// keeps its logins in its own config (`rclone config`), git in ssh keys or its credential helper.
import { FieldReader, isPlainObject, type ReadContext } from './fields.ts';
import type { Problem } from './problems.ts';
import { FALLBACK_TIMEZONE, isAbsoluteHttpUrl, normalisedUrl } from './read-site.ts';
import type { Localized } from '../model/types.ts';
import { basePath } from '../model/urls.ts';
import { parseYaml } from './yaml-source.ts';

export const PUBLISH_FILE = 'publish.yaml';

export type PublishDestination =
  /** A folder: a web server's root, a mounted share, a USB stick. As written; relative to the project folder. */
  | { kind: 'folder'; path: string }
  /** `REMOTE:PATH` for rclone, the remote configured in rclone's own config. */
  | { kind: 'rclone'; remote: string }
  /** A git repository and branch (GitHub or GitLab Pages): one commit per release. */
  | { kind: 'git'; repo: string; branch: string };

export interface PublishTarget {
  name: string;
  /** The public address this target serves, ending in '/'; absent only for a folder nobody serves. */
  url?: string;
  /** Shown to readers on the authenticity page, before the address. */
  title?: Localized;
  destination: PublishDestination;
}

const KINDS = ['folder', 'rclone', 'git'] as const;
/** The fields of one target (schemas/publish.schema.json must list the same). */
export const PUBLISH_FIELDS = ['name', 'url', 'title', ...KINDS];
/** rclone's remote names: letters, digits, `_ - . + @` and spaces, not starting with `-` or a space. */
const RCLONE_RE = /^([\w.+@][\w .+@-]*):(.*)$/;
const GIT_RE = /^(\S.*?)\s+([\w./-]+)$/;

/** Credentials written into an rclone remote: an on-the-fly `:sftp,pass=…:` or `remote,pass=…:`. */
function rcloneHasCredentials(value: string): boolean {
  const remote = value.split(':')[0]!;
  return value.startsWith(':') || remote.includes(',');
}

/** A password or token in a repository address: `https://user:token@…`, `https://token@…`. */
function gitHasCredentials(repo: string): boolean {
  const m = /^([a-z][a-z0-9+.-]*):\/\/([^/@]*)@/i.exec(repo);
  if (!m) return false;
  return /^https?$/i.test(m[1]!) || m[2]!.includes(':');
}

/**
 * @param siteUrl `site.yaml` `url`, when it could be read: every mirror serves the same build, so
 *   it must serve it under the same path (the links in the pages start with it).
 */
export function readPublish(text: string, languages: readonly string[], siteUrl?: string, file = PUBLISH_FILE): { targets: PublishTarget[]; problems: Problem[] } {
  const yaml = parseYaml(text, file);
  const problems = [...yaml.problems];
  const targets: PublishTarget[] = [];
  if (yaml.value === undefined || yaml.value === null) return { targets, problems };
  if (!Array.isArray(yaml.value)) {
    problems.push({ level: 'error', file, line: 1, code: 'yaml.not-list' });
    return { targets, problems };
  }
  const ctx: ReadContext = { file, yaml, problems, timeZone: FALLBACK_TIMEZONE };
  const names = new Set<string>();
  yaml.value.forEach((item, i) => {
    if (!isPlainObject(item)) {
      new FieldReader({}, ctx, [i]).problem('yaml.not-map', undefined);
      return;
    }
    const r = new FieldReader(item, ctx, [i]);
    r.warnUnknown(PUBLISH_FIELDS);
    const before = problems.filter((p) => p.level === 'error').length;
    const name = r.string('name', { required: true, example: 'name: reservserver' });
    if (name !== undefined && names.has(name)) r.problem('publish.duplicate', 'name', { value: name });
    if (name !== undefined) names.add(name);
    const title = r.localized('title', { languages });

    const kinds = KINDS.filter((k) => r.has(k));
    let destination: PublishDestination | undefined;
    if (kinds.length !== 1) {
      r.problem('publish.kind', kinds[1] ?? undefined, { value: kinds.length ? kinds.join(', ') : '–' });
    } else {
      destination = readDestination(r, kinds[0]!);
    }

    let url = r.string('url', { required: destination?.kind !== 'folder', example: 'url: https://reserv.kalix-info.example.net/' });
    if (url !== undefined) {
      if (!isAbsoluteHttpUrl(url)) {
        r.problem('url.invalid', 'url', { value: url });
        url = undefined;
      } else if (new URL(url).username || new URL(url).password) {
        // The authenticity page lists every mirror's address: a token in it would be published.
        r.problem('url.credentials', 'url', { value: url });
        url = undefined;
      } else {
        url = normalisedUrl(url);
        if (siteUrl && basePath({ url }) !== basePath({ url: siteUrl })) {
          r.problem('publish.url-path', 'url', { value: url, path: basePath({ url }), expected: basePath({ url: siteUrl }) });
        }
      }
    }
    const failed = problems.filter((p) => p.level === 'error').length > before;
    if (!failed && name !== undefined && destination) targets.push({ name, url, title, destination });
  });
  return { targets, problems };
}

function readDestination(r: FieldReader, kind: (typeof KINDS)[number]): PublishDestination | undefined {
  const value = r.string(kind, { required: true });
  if (value === undefined) return undefined;
  if (kind === 'folder') return { kind, path: value };
  if (kind === 'rclone') {
    // Checked before the form: the message must not repeat a password back on the screen.
    if (rcloneHasCredentials(value)) return void r.problem('publish.credentials', kind);
    if (!RCLONE_RE.test(value)) return void r.problem('publish.rclone-format', kind, { value });
    return { kind, remote: value };
  }
  const m = GIT_RE.exec(value);
  if (m && gitHasCredentials(m[1]!)) return void r.problem('publish.credentials', kind);
  if (!m) return void r.problem('publish.git-format', kind, { value });
  return { kind, repo: m[1]!, branch: m[2]! };
}
