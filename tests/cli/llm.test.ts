import { spawn } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { answer, FakeOpenAI } from "../helpers/fake-openai.js";
import { ROOT, runPostcheck } from "../helpers/spawn.js";

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

  it("--jsonl writes each line as soon as the LLM has coached it, and stops when the reader does", async () => {
    const slow = async () => {
      await new Promise((resolve) => setTimeout(resolve, 300));
      return { content: answer(Q) };
    };
    server.reply(slow);
    const lines = [
      "I won the award!",
      "We shipped the new billing system.",
      "Just got promoted!",
      "My new car!",
    ];
    const started = Date.now();
    const firstLineAt = await new Promise<{ first: number; closed: number; lines: number }>((resolve) => {
      const child = spawn(process.execPath, [`${ROOT}/bin/postcheck.js`, "--jsonl"], {
        cwd: ROOT,
        env: { ...process.env, ...env() },
      });
      let out = "";
      let first = 0;
      child.stdout.setEncoding("utf8").on("data", (d) => {
        out += d;
        if (!first && out.includes("\n")) first = Date.now() - started;
      });
      child.on("close", () =>
        resolve({ first, closed: Date.now() - started, lines: out.split("\n").length - 1 }),
      );
      child.stdin.end(`${lines.join("\n")}\n`);
    });
    expect(firstLineAt.lines).toBe(4);
    // Four answers of 300 ms each: the first line is out long before the last is coached.
    expect(firstLineAt.closed - firstLineAt.first).toBeGreaterThanOrEqual(800);

    // `| head -1`: once the reader is gone, no more LLM calls are made.
    const before = server.requests.length;
    const code = await new Promise<number | null>((resolve) => {
      const child = spawn(process.execPath, [`${ROOT}/bin/postcheck.js`, "--jsonl"], {
        cwd: ROOT,
        env: { ...process.env, ...env() },
      });
      child.stdout.once("data", () => child.stdout.destroy());
      child.on("close", resolve);
      child.stdin.end(`${Array(12).fill("I won the award!").join("\n")}\n`);
    });
    expect(code).toBe(141);
    expect(server.requests.length - before).toBeLessThanOrEqual(3);
  });

  it("says on stderr why the LLM did not answer, once per reason, and logs its timings at debug", async () => {
    server.reply(() => ({
      status: 401,
      body: { error: { message: "Incorrect API key provided: test-key" } },
    }));
    const drafts = ["I won the award!", "We shipped it.", "Just got promoted!"].join("\n");
    const r = await runPostcheck(["--jsonl"], `${drafts}\n`, env());
    expect(r.code).toBe(0);
    expect(r.stdout.trim().split("\n")).toHaveLength(3);
    const told = r.stderr.split("\n").filter((l) => l.includes("did not answer"));
    expect(told).toEqual([
      "postcheck: the AI coach did not answer (HTTP 401), so the questions come from postcoach's own rules. Check OPENAI_API_KEY.",
    ]);
    expect(r.stderr).not.toContain("test-key");
    // A batch stops asking a server that failed three lines in a row.
    const before = server.requests.length;
    const batch = await runPostcheck(["--jsonl"], `${Array(8).fill("I won the award!").join("\n")}\n`, env());
    expect(server.requests.length - before).toBe(3);
    const results = batch.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(results).toHaveLength(8);
    for (const result of results)
      expect(result).toMatchObject({ coachedBy: "heuristics", note: expect.any(String) });
    expect(batch.stderr).toContain("failed 3 lines in a row; postcoach's own rules coach the next lines");
    // Every 25th line asks again: a short outage does not cost the rest of a long batch.
    const resting = server.requests.length;
    server.reply((_req, n) =>
      n <= resting + 3
        ? { status: 401, body: { error: { message: "Incorrect API key provided" } } }
        : { content: answer(Q) },
    );
    const recovered = await runPostcheck(
      ["--jsonl"],
      `${Array(30).fill("I won the award!").join("\n")}\n`,
      env(),
    );
    const coachedBy = recovered.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l).coachedBy);
    expect(server.requests.length - resting).toBe(6);
    expect(coachedBy.slice(0, 27).every((c) => c === "heuristics")).toBe(true);
    expect(coachedBy.slice(27)).toEqual(["llm", "llm", "llm"]);
    // LOG_LEVEL=error keeps stderr for errors.
    const quiet = await runPostcheck(["I won the award!"], undefined, { ...env(), LOG_LEVEL: "error" });
    expect(quiet.stderr).toBe("");

    server.reply(() => ({ content: answer(Q) }));
    const debug = await runPostcheck(["--json", "I won the award!"], undefined, {
      ...env(),
      LOG_LEVEL: "debug",
    });
    expect(debug.stderr).toMatch(/DEBUG postcoach llm tiny answered in \d+ ms/);
    expect(debug.stderr).not.toContain("award");
    expect(debug.stderr).not.toContain("test-key");
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
