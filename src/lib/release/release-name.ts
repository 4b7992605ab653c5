// The name of a release folder: the signing time in UTC, without colons (which Windows file names
// cannot hold), e.g. release/2026-12-02T120323Z/. `package` and `publish` must name it alike.

export function releaseStamp(d: Date): string {
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/:/g, '');
}
