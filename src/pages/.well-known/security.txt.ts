// /.well-known/security.txt (RFC 9116): where to report a security problem, expiring half a year
// after the build.
import type { APIRoute } from 'astro';
import { securityTxt } from '../../lib/model/host-files.ts';
import { getSiteModel } from '../../lib/site/site-data.ts';

export const GET: APIRoute = () => {
  const model = getSiteModel();
  return new Response(securityTxt(model.site, model.now), { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
