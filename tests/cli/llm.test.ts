import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { answer, FakeOpenAI } from "../helpers/fake-openai.js";
import { runPostcheck } from "../helpers/spawn.js";

describe("postcheck with an LLM", () => {
  const server = new FakeOpenAI();
  const Q = ["Who is this news for?", "What did it cost you to get there?"];
  beforeAll(async () => {
    await server.start();
  });
  afterAll(async () => {
    await server.stop();
  });
  const env = () => ({
    OPENAI_API_KEY: "test-key",
    OPENAI_BASE_URL: server.baseUrl,
    OPENAI_MODEL: "tiny",
    LLM_TIMEOUT_MS: "2000",
  });

  it("uses the LLM's questions when OPENAI_API_KEY is set", async () => {
    server.reply(() => ({ content: answer(Q) }));
    const r = await runPostcheck(["--json", "I'm thrilled to announce my promotion!"], undefined, env());
    const result = JSON.parse(r.stdout);
    expect(result).toMatchObject({ coachedBy: "llm", questions: Q });
    expect(result.findings.map((f: { rule: string }) => f.rule)).toContain("self-congratulation");
  });

  it("--no-llm never calls it", async () => {
    const before = server.requests.length;
    const r = await runPostcheck(
      ["--json", "--no-llm", "I'm thrilled to announce my promotion!"],
      undefined,
      env(),
    );
    expect(JSON.parse(r.stdout).coachedBy).toBe("heuristics");
    expect(server.requests.length).toBe(before);
  });

  it("answers from the heuristics with a note when the LLM is dead", async () => {
    server.reply(() => "hang");
    const r = await runPostcheck(["I'm thrilled to announce my promotion!"], undefined, {
      ...env(),
      LLM_TIMEOUT_MS: "300",
    });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("The AI coach was unavailable");
    expect(r.stdout).toContain("Questions to ask yourself");
  });

  it("keeps the questions in the draft's language when the LLM answers in another", async () => {
    const draft = "Je suis ravie d'annoncer ma promotion au poste de directrice !";
    server.reply(() => ({ content: answer(Q, { audience: "The post is about you, not your reader." }) }));
    const r = await runPostcheck(["--json", draft], undefined, env());
    const result = JSON.parse(r.stdout);
    expect(result).toMatchObject({ language: "fr", coachedBy: "heuristics" });
    expect(result.note).toContain("Le coach IA");
    expect(result.questions).not.toEqual(Q);
    expect(result.observations).toBeUndefined();

    const FR = [
      "À qui cette nouvelle est-elle utile ?",
      "Qu'est-ce que ce poste vous a coûté ?",
      "Who cares?",
    ];
    server.reply(() => ({ content: answer(FR) }));
    const fr = JSON.parse((await runPostcheck(["--json", draft], undefined, env())).stdout);
    // The French ones are kept; the one clearly in English is dropped.
    expect(fr).toMatchObject({ coachedBy: "llm", questions: FR.slice(0, 2) });
  });
});
