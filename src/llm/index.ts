/** The LLM side of postcoach: the client (the only I/O), redaction before anything leaves, the cache key. */
export { type LlmAnswer, type LlmCache, parseText, validateAnswer } from "./answer.js";
export { cacheKey } from "./cache-key.js";
export { CACHE_TTL_MS, LlmCoach, type LlmConfig, type LlmOutcome } from "./client.js";
export { type Coaching, coach, withLlm } from "./coaching.js";
export { redact } from "./redact.js";
