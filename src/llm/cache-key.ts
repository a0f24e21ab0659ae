import { createHash } from "node:crypto";
import { PROMPT_VERSION } from "../coach/prompt.js";
import type { CoachResult, Platform } from "../coach/types.js";

/** The answer cache's key: a hash of what makes an answer (prompt version, model, redacted draft), never the draft. */
export function cacheKey(
  model: string,
  redactedDraft: string,
  result: CoachResult,
  platform: Platform,
): string {
  return createHash("sha256")
    .update([PROMPT_VERSION, model, platform, result.language, redactedDraft].join("\u0000"))
    .digest("hex");
}
