// Small files for web servers and crawlers: security.txt (RFC 9116), robots.txt, and _headers
// (Netlify, Cloudflare Pages). Pure functions of the site and the build's moment; the endpoints in
// src/pages only return them.
import { headerContentSecurityPolicy } from './csp.ts';
import type { Site } from './types.ts';
import { absoluteUrl, basePath, rootPath } from './urls.ts';

/** security.txt must carry an expiry; half a year keeps it fresh across a long crisis. */
export const SECURITY_TXT_DAYS = 180;

const isoSeconds = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, 'Z');

/** A URI for security.txt's Contact: an address outside the (perhaps compromised) own domain. */
export function securityContactUri(site: Site): string | undefined {
  const written = site.securityContact?.trim() || site.contacts.find((c) => c.email)?.email?.trim();
  if (written) {
    if (/^(https?|mailto|tel):/i.test(written)) return written;
    if (written.includes('@')) return `mailto:${written}`;
    return written;
  }
  const phone = site.contacts.find((c) => c.phone)?.phone;
  return phone ? `tel:${phone.replace(/[^\d+]/g, '')}` : undefined;
}

export function securityTxt(site: Site, now: Date): string {
  const expires = new Date(now.getTime() + SECURITY_TXT_DAYS * 24 * 60 * 60 * 1000);
  const contact = securityContactUri(site);
  const lines = [
    `# ${site.sender}: report a security problem with this site here.`,
    ...(contact ? [`Contact: ${contact}`] : []),
    `Expires: ${isoSeconds(expires)}`,
    `Preferred-Languages: ${site.languages.join(', ')}`,
    `Canonical: ${absoluteUrl(site, rootPath(site, '.well-known/security.txt'))}`,
  ];
  return `${lines.join('\n')}\n`;
}

/**
 * robots.txt. Preview builds (KRISINFO_NOINDEX=1) shut crawlers out; the pages also carry a
 * noindex meta. Crawlers read robots.txt only at the host's root: on a sub-path it is advisory.
 */
export function robotsTxt(site: Site, noindex: boolean): string {
  if (noindex) return `# Preview build: not for search engines.\nUser-agent: *\nDisallow: ${basePath(site)}\n`;
  return `User-agent: *\nAllow: ${basePath(site)}\n\nSitemap: ${absoluteUrl(site, rootPath(site, 'sitemap.xml'))}\n`;
}

/** Cache lifetimes, in seconds, for the folders whose files rarely change. */
export const CACHE_SECONDS = { media: 86400, pagefind: 3600 } as const;

/**
 * _headers for Netlify and Cloudflare Pages. The rules never overlap on a header: Cloudflare
 * joins repeated headers with commas, so pages and feeds keep the hosts' default caching
 * (revalidate on every request: a crisis page must never be stale) and only media/ and
 * pagefind/ get a lifetime.
 */
export function headersFile(site: Site): string {
  const base = basePath(site);
  return [
    `# Security headers for ${site.sender} (Netlify, Cloudflare Pages). See deploy/.`,
    `${base}*`,
    `  Content-Security-Policy: ${headerContentSecurityPolicy()}`,
    '  X-Content-Type-Options: nosniff',
    '  Referrer-Policy: no-referrer',
    '  X-Frame-Options: DENY',
    '  Permissions-Policy: camera=(), microphone=(), geolocation=()',
    '',
    `${base}media/*`,
    `  Cache-Control: public, max-age=${CACHE_SECONDS.media}`,
    '',
    `${base}pagefind/*`,
    `  Cache-Control: public, max-age=${CACHE_SECONDS.pagefind}`,
    '',
  ].join('\n');
}
