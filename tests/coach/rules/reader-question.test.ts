import { describe, expect, it } from "vitest";
import { readerQuestion } from "../../../src/coach/rules/reader-question.js";
import { excerpts } from "../../helpers/rules.js";

describe("reader-question", () => {
  it("finds a question asked in English", () => {
    expect(
      excerpts(readerQuestion, "We cut our build time in half. How do you handle slow builds?", "en"),
    ).toEqual(["How do you handle slow builds?"]);
  });
  it("finds a question asked in French, with the French space before '?'", () => {
    expect(excerpts(readerQuestion, "On a réduit le temps de build. Et chez vous ?", "fr")).toEqual([
      "Et chez vous ?",
    ]);
  });
  it("leaves out a question between quotation marks: someone else's, not one put to the reader", () => {
    expect(
      excerpts(readerQuestion, "Ask « qui a fait ça ? » less often. Et vous, que demandez-vous ?", "fr"),
    ).toEqual(["Et vous, que demandez-vous ?"]);
    expect(excerpts(readerQuestion, "The key idea: ask “why did it make sense?” instead.", "en")).toEqual([]);
  });
  it("leaves out a question in single quotes: an example inside a tip (found by a probe)", () => {
    expect(
      excerpts(
        readerQuestion,
        "3. Ask questions instead of giving orders: 'what happens if this list is empty?' beats 'handle empty list'.",
        "en",
      ),
    ).toEqual([]);
    expect(excerpts(readerQuestion, "Demandez plutôt ‘qu'est-ce qui bloque ?’ en réunion.", "fr")).toEqual(
      [],
    );
    // Counter-cases: an apostrophe is no quote, and a real question after the tip still asks.
    expect(
      excerpts(
        readerQuestion,
        "Ask 'what happens if it's empty?' instead. What's your go-to review question?",
        "en",
      ),
    ).toEqual(["What's your go-to review question?"]);
    expect(excerpts(readerQuestion, "What's the one review habit you'd never drop?", "en")).toEqual([
      "What's the one review habit you'd never drop?",
    ]);
  });
  it("keeps a quoted question the author puts to the reader (found by a review)", () => {
    expect(
      excerpts(
        readerQuestion,
        "We cut half the roadmap. So I'll ask you the same: 'What would you cut first?'",
        "en",
      ),
    ).toEqual(["So I'll ask you the same: 'What would you cut first?'"]);
    expect(
      excerpts(readerQuestion, "On a coupé la moitié. Ma question : « que couperiez-vous ? »", "fr"),
    ).toEqual(["Ma question : « que couperiez-vous ? »"]);
    expect(excerpts(readerQuestion, "We cut half the roadmap. 'What would you cut first?' 🤔", "en")).toEqual(
      ["'What would you cut first?'"],
    );
    // Counter-cases: a tip on what to ask others, even closing the draft, is still an example.
    expect(excerpts(readerQuestion, "My tip: ask 'what happens if this list is empty?'", "en")).toEqual([]);
    expect(excerpts(readerQuestion, "Demandez plutôt ‘qu'est-ce qui bloque ?’", "fr")).toEqual([]);
  });
  it("leaves out a quoted question someone else asked, and a tip's second quoted question (found by a final review)", () => {
    expect(excerpts(readerQuestion, "My manager once asked me: 'What would you cut first?'", "en")).toEqual(
      [],
    );
    expect(
      excerpts(readerQuestion, "Mon manager m'a demandé : « Qu'est-ce que tu couperais en premier ? »", "fr"),
    ).toEqual([]);
    expect(
      excerpts(
        readerQuestion,
        "Next time a PR stalls, ask 'what's blocking you?' instead of 'when will it be done?'",
        "en",
      ),
    ).toEqual([]);
    // Counter-cases: the author puts the same question to the reader, and the excerpt is the question.
    expect(
      excerpts(
        readerQuestion,
        "My manager once asked me: 'What would you cut first?' I'll ask you the same: 'What would you cut first?'",
        "en",
      ),
    ).toEqual(["I'll ask you the same: 'What would you cut first?'"]);
    expect(
      excerpts(
        readerQuestion,
        "Mon manager m'a demandé : « Qu'est-ce que tu couperais ? » Je vous pose la même : « Et vous ? »",
        "fr",
      ),
    ).toEqual(["Je vous pose la même : « Et vous ? »"]);
  });
  it("leaves out a hook the author answers at once, and a question that asks nothing", () => {
    expect(excerpts(readerQuestion, "Why did I quit? I was bored.", "en")).toEqual([]);
    expect(excerpts(readerQuestion, "Pourquoi j'ai démissionné ? Je m'ennuyais.", "fr")).toEqual([]);
    expect(excerpts(readerQuestion, "You know what? I'm tired.", "en")).toEqual([]);
    expect(excerpts(readerQuestion, "Devinez quoi ? On a livré.", "fr")).toEqual([]);
    // Asked of the reader: the author's question left open, or one with "you" in it.
    expect(excerpts(readerQuestion, "I got two offers. Should I take the job?", "en")).toEqual([
      "Should I take the job?",
    ]);
    // A yes-no question asks the reader even when the author goes on (found by a review).
    expect(excerpts(readerQuestion, "Should I take the offer? I have until Friday.", "en")).toEqual([
      "Should I take the offer?",
    ]);
    expect(excerpts(readerQuestion, "Why do I do this, you ask? Because it works.", "en")).toEqual([
      "Why do I do this, you ask?",
    ]);
  });
  it("finds nothing without a question", () => {
    expect(excerpts(readerQuestion, "We cut our build time in half.", "en")).toEqual([]);
    expect(excerpts(readerQuestion, "On a réduit le temps de build.", "fr")).toEqual([]);
  });
});
