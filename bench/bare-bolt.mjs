// The reference of `npm run bench -- memory`: a bare Bolt app in its own process, HTTP mode, whose
// one /postcheck listener only acks. Plain JavaScript, like the compiled bot. Prints its port.
import Bolt from "@slack/bolt";

const receiver = new Bolt.HTTPReceiver({
  signingSecret: process.env.SLACK_SIGNING_SECRET,
  endpoints: "/slack/events",
});
const app = new Bolt.App({
  receiver,
  token: "xoxb-bench",
  botId: "BBOT",
  botUserId: "UBOT",
  tokenVerificationEnabled: false,
  clientOptions: { slackApiUrl: process.env.SLACK_API_URL },
  logLevel: Bolt.LogLevel.ERROR,
  convoStore: false,
});
app.command("/postcheck", async ({ ack }) => {
  await ack();
});
const server = await app.start(0);
process.stdout.write(`listening on port ${server.address().port}\n`);
