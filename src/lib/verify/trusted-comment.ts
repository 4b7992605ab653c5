// The release facts `npm run package` signs into the trusted comment of SHA256SUMS.minisig:
// `timestamp:… file:SHA256SUMS site:… sender:… files:… date:…`, tab-separated.

export interface ReleaseInfo {
  /** When the release was made, ISO 8601 in UTC. */
  date?: string;
  /** The number of files SHA256SUMS must list. */
  files?: number;
  /** The address the release was built for. */
  site?: string;
  sender?: string;
}

export function parseTrustedComment(comment: string): ReleaseInfo {
  const fields = new Map<string, string>();
  for (const part of comment.split('\t')) {
    const i = part.indexOf(':');
    if (i > 0) fields.set(part.slice(0, i), part.slice(i + 1));
  }
  const info: ReleaseInfo = {};
  const timestamp = Number(fields.get('timestamp'));
  const date = fields.get('date') ?? (Number.isFinite(timestamp) && timestamp > 0 ? new Date(timestamp * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z') : undefined);
  if (date) info.date = date;
  const files = fields.get('files');
  if (files !== undefined && /^\d+$/.test(files)) info.files = Number(files);
  if (fields.has('site')) info.site = fields.get('site');
  if (fields.has('sender')) info.sender = fields.get('sender');
  return info;
}
