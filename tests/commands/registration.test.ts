import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, startHarness } from "../helpers/harness.js";
import { blockActionPayload, FORM, postSigned, slashCommandBody } from "../helpers/slack-requests.js";

/** What the registration of Bolt's listeners promises, on the real app over HTTP. */
describe("the listeners as registered with Bolt", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h.stop();
  });

  it("acknowledges at once a button no listener knows (a message from an older version)", async () => {
    const started = Date.now();
    const res = await h.interact(
      blockActionPayload("retired_button", "v", { responseUrl: h.fake.responseUrl("z") }),
    );
    expect(res.status).toBe(200);
    // Unacknowledged, Bolt would hold the request ~3 s and Slack would show an error.
    expect(Date.now() - started).toBeLessThan(1000);
    expect(h.logs.join("")).not.toMatch(/acknowledged more than once|multiple/i);
  });

  it("answers an event once, its retries included, in whichever listener and the Assistant's", async () => {
    const dm = {
      type: "message",
      channel: "DONCE",
      channel_type: "im",
      user: "U1",
      text: "We shipped the release after a long month.",
      ts: "1700000500.000100",
    };
    await h.event(dm, "EvONCE");
    await h.event(dm, "EvONCE", { retryNum: 1 });
    const thread = { ...dm, ts: "1700000500.000200", thread_ts: "1700000500.000100" };
    await h.event(thread, "EvONCE2");
    await h.event(thread, "EvONCE2", { retryNum: 2 });
    await h.fake.waitFor(() => h.fake.messages.filter((m) => m.channel === "DONCE").length >= 2 || undefined);
    await new Promise((r) => setTimeout(r, 300));
    expect(h.fake.messages.filter((m) => m.channel === "DONCE")).toHaveLength(2);
    expect(h.logs.filter((l) => /ignored a repeated delivery/.test(l))).toHaveLength(2);
  });

  describe("requests of this app no listener takes", () => {
    const user = { id: "U1", username: "ada", name: "ada", team_id: "T1" };
    const team = { id: "T1", domain: "acme" };
    const view = (callbackId: string) => ({
      id: "V1",
      team_id: "T1",
      type: "modal",
      callback_id: callbackId,
      private_metadata: "",
      state: { values: {} },
      hash: "1.a",
    });
    // Unacknowledged, Bolt holds each ~3 s, then answers 404 and logs an ERROR.
    const unacknowledged = (logged: string[]) =>
      logged.filter((l) => / (ERROR|WARN) /.test(l) || /not acknowledged/.test(l));

    it("answers a slash command it doesn't know at once, with a kind ephemeral pointer to /postcheck", async () => {
      const before = h.logs.length;
      const res = await postSigned(
        h.url,
        slashCommandBody("hello", h.fake.responseUrl("other"), { command: "/other" }),
        FORM,
      );
      expect(res.status).toBe(200);
      const answer = res.json();
      expect(answer.response_type).toBe("ephemeral");
      expect(String(answer.text)).toContain("/other");
      expect(String(answer.text)).toContain("/postcheck help");
      const logged = h.logs.slice(before);
      expect(unacknowledged(logged)).toEqual([]);
      expect(logged.filter((l) => / DEBUG .*\/other/.test(l))).toHaveLength(1);
      // Asked in French, pointed to the French help.
      const fr = await postSigned(
        h.url,
        slashCommandBody("J'ai enfin fini mon premier marathon !", h.fake.responseUrl("other-fr"), {
          command: "/autre",
        }),
        FORM,
      );
      expect(String(fr.json().text)).toContain("/postcheck aide");
    });

    it("acknowledges at once an unknown modal's submission, a closed modal and an unknown shortcut", async () => {
      const payloads = [
        {
          type: "view_submission",
          user,
          team,
          api_app_id: "A1",
          trigger_id: "1.1.t",
          view: view("old_modal"),
        },
        {
          type: "view_closed",
          user,
          team,
          api_app_id: "A1",
          view: view("postcheck_revise_view"),
          is_cleared: false,
        },
        { type: "shortcut", user, team, callback_id: "old_shortcut", trigger_id: "1.1.t", action_ts: "1" },
        {
          type: "message_action",
          user,
          team,
          callback_id: "old_message_shortcut",
          trigger_id: "1.1.t",
          action_ts: "1",
          channel: { id: "C1", name: "general" },
          message: { type: "message", user: "U2", text: "hi", ts: "1700000000.000100" },
          message_ts: "1700000000.000100",
          response_url: h.fake.responseUrl("ms"),
        },
      ];
      const before = h.logs.length;
      for (const payload of payloads) {
        const started = Date.now();
        expect((await h.interact(payload)).status).toBe(200);
        expect(Date.now() - started).toBeLessThan(1000);
      }
      await new Promise((r) => setTimeout(r, 100));
      const logged = h.logs.slice(before);
      expect(unacknowledged(logged)).toEqual([]);
      expect(logged.filter((l) => / DEBUG .*acknowledged/.test(l))).toHaveLength(payloads.length);
      expect(h.fake.calls.filter((c) => c.method.startsWith("views."))).toEqual([]);
    });
  });
});
