import { describe, expect, it } from "vitest";
import { runPostcheck } from "../helpers/spawn.js";

describe("postcheck CLI", () => {
  it("prints a readable report for a draft argument", async () => {
    const r = await runPostcheck(["I'm thrilled to announce I won the award."]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/postcoach {2}\d+\/100/);
    expect(r.stdout).toContain("Questions to ask yourself");
    expect(r.stdout).toContain("“I'm thrilled");
    expect(r.stdout).not.toMatch(/\u001b\[/); // no colours off a TTY
  });

  it("prints the contract's JSON with --json, and honours --lang and --platform", async () => {
    const r = await runPostcheck([
      "--json",
      "--lang",
      "fr",
      "--platform",
      "x",
      "Voici trois conseils pour vous.",
    ]);
    expect(r.code).toBe(0);
    const result = JSON.parse(r.stdout);
    expect(result.language).toBe("fr");
    expect(result.platform).toBe("x");
    expect(result.score).toBeGreaterThanOrEqual(0);
    expect(result.questions.length).toBeGreaterThanOrEqual(2);
    expect(result.findings).toBeInstanceOf(Array);
  });

  it("reads the draft from stdin when no argument is given", async () => {
    const r = await runPostcheck(["--json"], "Ravie de vous annoncer ma promotion !");
    expect(JSON.parse(r.stdout).findings.map((f: { rule: string }) => f.rule)).toContain(
      "self-congratulation",
    );
  });

  it("refuses empty input with a clear message and exit code 2", async () => {
    for (const args of [[""], ["--json"]]) {
      const r = await runPostcheck(args, "   \n");
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/nothing to coach/);
      expect(r.stdout).toBe("");
    }
  });

  it("rejects unknown options and values with usage and exit code 2", async () => {
    const r = await runPostcheck(["--platform", "myspace", "hello"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--platform must be one of/);
    expect((await runPostcheck(["--bogus", "x"])).code).toBe(2);
  });

  it("coaches JSON lines and plain lines in order with --jsonl, one result per line", async () => {
    const input = [
      JSON.stringify({ text: "I got promoted!" }),
      "",
      "plain line: what would you do?",
      JSON.stringify({ text: "Voici mes conseils pour vous." }),
      JSON.stringify({ nope: 1 }),
    ].join("\n");
    const r = await runPostcheck(["--jsonl"], input);
    expect(r.code).toBe(0);
    const lines = r.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(4);
    expect(lines[0].findings.map((f: { rule: string }) => f.rule)).toContain("bragging");
    expect(lines[1].strengths.map((f: { rule: string }) => f.rule)).toContain("reader-question");
    expect(lines[2].language).toBe("fr");
    expect(lines[3].error).toMatch(/line 5/);
  });

  it("never crashes on 100,000 characters of any Unicode and says it read the first part", async () => {
    const huge = "Très 🚀 bien\u0301 你好 <!channel> ".repeat(4000).slice(0, 100_000);
    const r = await runPostcheck(["--json"], huge);
    expect(r.code).toBe(0);
    const result = JSON.parse(r.stdout);
    expect(result.truncated).toBe(true);
    expect(result.findings.map((f: { rule: string }) => f.rule)).toContain("draft-truncated");
  });
});
