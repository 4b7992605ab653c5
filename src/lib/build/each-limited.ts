// Work on many files at once, but not all at once: a few system calls in Node's thread pool keep
// the disk or the network busy without opening thousands of files together.

/**
 * Runs `work` on every item, `limit` at a time, in the items' order. After the first failure no
 * further item is started, and the call settles only once the items under way have ended (the
 * build deletes a folder after a failure; nothing may still be writing into it), with that failure.
 */
export async function eachLimited<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  let failure: { error: unknown } | undefined;
  const worker = async () => {
    while (!failure && next < items.length) {
      try {
        await work(items[next++]!);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  if (failure) throw failure.error;
}
