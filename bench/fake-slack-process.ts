/**
 * Runs the fake Slack Web API in its own process for the load benchmark: in production Slack is
 * remote, so receiving the replies must not eat the benchmarked process's CPU.
 * Prints its port on stdout; answers "count <id-prefix>" lines on stdin with how many replies arrived.
 */
import { createInterface } from "node:readline";
import { FakeSlack } from "../tests/helpers/fake-slack.js";

const fake = await new FakeSlack().start();
process.stdout.write(`${fake.port}\n`);
for await (const line of createInterface({ input: process.stdin })) {
  const [cmd, arg = ""] = line.split(" ");
  if (cmd === "count") process.stdout.write(`${fake.responses.filter((r) => r.id.startsWith(arg)).length}\n`);
  if (cmd === "times") {
    const times = fake.responses.filter((r) => r.id.startsWith(arg)).map((r) => [r.id, r.at]);
    process.stdout.write(`${JSON.stringify(times)}\n`);
  }
  if (cmd === "clear") {
    fake.responses.length = 0;
    fake.calls.length = 0;
    process.stdout.write("ok\n");
  }
}
