/** What `within` resolves with when the time ran out first. */
export const TOO_LATE = Symbol("too late");

/**
 * The promise's value if it settles within `ms`, else TOO_LATE; the promise itself goes on (its
 * caller handles its outcome). For work a reply should not wait long for: a locked database.
 */
export function within<T>(promise: Promise<T>, ms: number): Promise<T | typeof TOO_LATE> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<typeof TOO_LATE>((resolve) => {
    timer = setTimeout(() => resolve(TOO_LATE), ms);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}
