import type { IncomingMessage } from "node:http";

/** The most of a refused body read and dropped; past it, the connection is closed mid-body. */
export const MAX_DRAINED = 16 * 1024 * 1024;

/**
 * Reads and drops what is left of a refused request's body, so that the client gets the answer
 * (a 413) rather than a connection reset while it is still writing. Resolves at the body's end,
 * or at once when more than MAX_DRAINED is declared or sent (`alreadyRead` counts what the caller
 * read before refusing). MAX_DRAINED bounds a large body, not a slow one: a sender that trickles
 * is cut by the HTTP server's `requestTimeout` (Node's default, 5 minutes for a whole request),
 * which closes the socket and so resolves this on "close".
 */
export function drainBody(req: IncomingMessage, alreadyRead = 0): Promise<void> {
  return new Promise((resolve) => {
    if (Number(req.headers["content-length"]) > MAX_DRAINED || req.readableEnded) return resolve();
    let drained = alreadyRead;
    req.on("data", (chunk: Buffer) => {
      drained += chunk.length;
      if (drained > MAX_DRAINED) {
        req.pause();
        resolve();
      }
    });
    req.on("end", resolve);
    req.on("error", () => resolve());
    req.on("close", resolve);
    req.resume();
  });
}
