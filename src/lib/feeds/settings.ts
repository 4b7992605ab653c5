// Numbers every feed shares, with the reasons for them (docs/feeds.md repeats these).

/**
 * Minutes a feed reader may cache a feed (RSS `<ttl>`). During a crisis news comes by the hour;
 * 15 minutes lets readers that honour ttl see an update within a quarter of an hour without
 * asking more often than a static host can comfortably serve.
 */
export const FEED_TTL_MINUTES = 15;

/**
 * Most items in one feed. A bulletin and each of its updates are items, so a long crisis makes
 * many; readers keep items they have already fetched, so the feed only needs the news a reader
 * polling a few times a day could miss. 50 covers weeks of updates while keeping the feed small
 * on a slow link (the archive page and bulletiner.txt always have everything).
 */
export const FEED_MAX_ITEMS = 50;

/** JSON Feed version this site writes. */
export const JSON_FEED_VERSION = 'https://jsonfeed.org/version/1.1';

/** Generator name written into feeds. */
export const GENERATOR = 'krisinfo';
