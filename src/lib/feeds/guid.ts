// The identity of a feed item. Readers use it to tell new items from ones they have already
// shown, so it must never change when the text is edited or the site is rebuilt: it is made of
// the slug, the feed's language and the update id (which comes from the update's time), and of
// nothing that an edit or a build changes. It is not a URL (`isPermaLink="false"`), and it
// leaves out the host so that moving the site to another address does not duplicate every item.
// The same item has the same id in every feed (main, staff, per service; RSS and JSON Feed).

export function itemGuid(slug: string, lang: string, updateId?: string): string {
  return updateId ? `krisinfo:${lang}:${slug}:${updateId}` : `krisinfo:${lang}:${slug}`;
}
