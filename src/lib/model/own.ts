// Lookups keyed by strings that come from content (service ids, language codes, map keys written in
// YAML). A plain object answers `obj["constructor"]` with Object's own function and `"toString" in
// obj` with true, so a service named `constructor` once showed as "status.function Object() …".
// Every such lookup goes through these two, which only see the object's own keys.

/** `obj[key]` if `obj` has `key` itself, else undefined (never something inherited). */
export function ownValue<T>(obj: Readonly<Record<string, T>> | undefined, key: string): T | undefined {
  return obj !== undefined && Object.hasOwn(obj, key) ? obj[key] : undefined;
}

/**
 * Sets `obj[key]` as an own property even when `key` is `__proto__` (a plain assignment would
 * change the object's prototype instead, and the entry would silently vanish).
 */
export function setOwn<T>(obj: Record<string, T>, key: string, value: T): void {
  Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
}
