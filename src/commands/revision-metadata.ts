import { z } from "zod";
import { DraftOptions } from "./payloads.js";

/** What the revision modal carries between opening and submit: the first version's outcome, not its text. */
export const RevisionMetadata = z.object({
  score: z.number().int().min(0).max(100),
  rules: z.array(z.string().max(100)).max(100),
  tooShort: z.boolean().optional(),
  options: DraftOptions,
});
export type RevisionMetadata = z.infer<typeof RevisionMetadata>;

/** The modal's private_metadata read back, or undefined when it is missing or not ours. */
export function readRevisionMetadata(json: unknown): RevisionMetadata | undefined {
  try {
    return RevisionMetadata.parse(JSON.parse(String(json)));
  } catch {
    return undefined;
  }
}
