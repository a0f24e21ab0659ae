import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, startHarness } from "../helpers/harness.js";
import { blockActionPayload } from "../helpers/slack-requests.js";

describe("/postcheck privacy, export and forget in French", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h.stop();
  });

  const reply = async (text: string, id: string, user: string) => {
    await h.command(text, id, { user_id: user });
    return (await h.fake.waitForResponse(id)).body as { text: string; blocks?: unknown[] };
  };

  it("answers the French words in French, and the English words in English", async () => {
    expect((await reply("confidentialité", "c1", "UFR1")).text).toMatch(
      /^\*Ce que postcoach garde de vous\*\n• 0 brouillon vérifié :/,
    );
    expect((await reply("privacy", "c2", "UFR1")).text).toMatch(/^\*What postcoach stores about you\*/);
    expect((await reply("exporter", "c3", "UFR1")).text).toBe(
      "Envoyé : le fichier est dans vos messages directs avec moi.",
    );
  });

  it("answers in French someone who chose French in the App Home, whichever words they use", async () => {
    await h.store.users.update("T1", "UFR2", { language: "fr" });
    const text = (await reply("privacy", "c4", "UFR2")).text;
    expect(text).toContain("Pas le texte de vos brouillons");
    expect(text).toContain("langue fr");
  });

  it("keeps the language through the forget button, and reads a forged value as English", async () => {
    await h.command(`Voici trois choses que j'ai apprises en recrutant, et une question pour vous.`, "c5", {
      user_id: "UFR3",
    });
    await h.fake.waitForResponse("c5");
    const prompt = await reply("oublier", "c6", "UFR3");
    expect(prompt.text).toBe("Effacer tout ce que postcoach garde de vous ?");
    expect(JSON.stringify(prompt.blocks)).toContain('"value":"forget:fr"');
    expect(JSON.stringify(prompt.blocks)).toContain("Tout effacer");
    await h.interact({
      ...blockActionPayload("privacy_forget_confirmed", "forget:fr", {
        responseUrl: h.fake.responseUrl("c7"),
      }),
      user: { id: "UFR3", team_id: "T1" },
    });
    expect((await h.fake.waitForResponse("c7")).body.text).toBe(
      "C'est fait : tout ce que postcoach gardait de vous est effacé.",
    );
    expect(await h.store.checks.count("T1", "UFR3")).toBe(0);
    await h.interact({
      ...blockActionPayload("privacy_forget_confirmed", "forget:de", {
        responseUrl: h.fake.responseUrl("c8"),
      }),
      user: { id: "UFR3", team_id: "T1" },
    });
    expect((await h.fake.waitForResponse("c8")).body.text).toBe(
      "Done: everything postcoach stored about you is deleted.",
    );
  });
});
