// Entry of the reply worker thread: loads the TypeScript worker through tsx, as bin/postcheck.js does.
import { register } from "tsx/esm/api";

register();
await import("./reply-worker.ts");
