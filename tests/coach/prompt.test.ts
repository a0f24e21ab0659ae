import { describe, expect, it } from "vitest";
import { analyze } from "../../src/coach/index.js";
import { PROMPT_VERSION, SYSTEM_PROMPT, userPrompt } from "../../src/coach/prompt.js";

describe("the LLM prompt", () => {
  it("is versioned, and any change shows in this snapshot (bump PROMPT_VERSION with it)", () => {
    const draft = "Ravie de vous annoncer ma promotion ! Merci à tous.";
    expect({
      version: PROMPT_VERSION,
      system: SYSTEM_PROMPT,
      user: userPrompt({ draft, result: analyze(draft), platform: "linkedin" }),
    }).toMatchSnapshot();
  });
});
