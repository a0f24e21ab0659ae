import type { Logger, SocketModeReceiver } from "@slack/bolt";

type SocketClient = SocketModeReceiver["client"];
type MessageListener = (data: unknown, isBinary: boolean) => Promise<void>;

/** Messages the Socket Mode client handles itself. */
const CONTROL = new Set(["hello", "disconnect"]);
/** The envelopes Slack sends with a request in their payload. */
const REQUESTS = new Set(["events_api", "slash_commands", "interactive"]);
/**
 * The client emits an events_api envelope, on itself, under its event's type: an event named like
 * one of its own ("close", "error", "connected"…) would work its connection's machinery.
 */
const CLIENT_EVENTS = new Set([
  "close",
  "error",
  "ws_message",
  "slack_event",
  "outgoing_message",
  "connecting",
  "connected",
  "reconnecting",
  "disconnecting",
  "disconnected",
  "authenticated",
]);

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** Why the client could not serve a WebSocket message, if it could not; never its content. */
function unservable(text: string): { why: string; envelopeId?: string } | undefined {
  let envelope: unknown;
  try {
    envelope = JSON.parse(text);
  } catch {
    return { why: "a message that is not JSON" };
  }
  if (!isObject(envelope)) return { why: "a message that is not a JSON object" };
  const { type, envelope_id, payload } = envelope;
  const envelopeId = typeof envelope_id === "string" ? envelope_id : undefined;
  if (typeof type === "string" && CONTROL.has(type)) return undefined;
  const named = `an envelope of type ${typeof type === "string" && /^[a-z_]{1,40}$/.test(type) ? type : "?"}`;
  if (typeof type !== "string" || !REQUESTS.has(type))
    return { why: `${named}, which postcoach doesn't serve`, envelopeId };
  if (!isObject(payload)) return { why: `${named} without a payload`, envelopeId };
  if (type === "events_api" && (!isObject(payload.event) || CLIENT_EVENTS.has(String(payload.event.type))))
    return { why: `${named} without a readable event`, envelopeId };
  return undefined;
}

/**
 * Puts a check in front of the Socket Mode client's handling of each WebSocket message. The client
 * reads `payload.event.type` of an events_api envelope before anything else can, so one without a
 * payload (or with `payload: null`, or `event: null`) was never acknowledged (Slack sends it again)
 * and its TypeError became an unhandled rejection; an envelope typed like one of the client's own
 * events ("close", "error", "ws_message") worked its machinery. Such an envelope is acknowledged
 * when it has an id, and ignored with one debug line. What the check lets through goes to the
 * client as before, and then to Bolt, where CheckedApp checks the request itself.
 */
export function guardEnvelopes(client: SocketClient, logger: Logger): void {
  // The client's own handler, bound in its constructor (@slack/socket-mode 2 and 3).
  const [serve, ...others] = client.listeners("ws_message") as MessageListener[];
  if (!serve || others.length > 0)
    throw new Error("the Socket Mode client no longer handles WebSocket messages as postcoach expects");
  // What the client's own ack() calls: an empty acknowledgement of the envelope.
  const acknowledge = (envelopeId: string) =>
    (client as unknown as { send(id: string, body: object): Promise<void> }).send(envelopeId, {});
  client.removeAllListeners("ws_message");
  client.on("ws_message", (data: unknown, isBinary: boolean) => {
    // A text message is a string (undici's WebSocket); the client ignores binary ones itself.
    const problem = typeof data === "string" ? unservable(data) : undefined;
    if (!problem) {
      serve(data, isBinary).catch((err: unknown) =>
        logger.warn(`a Socket Mode message could not be served: ${(err as Error).message}`),
      );
      return;
    }
    logger.debug(
      `Socket Mode: ${problem.envelopeId ? "acknowledged and ignored" : "ignored"} ${problem.why}`,
    );
    if (problem.envelopeId)
      acknowledge(problem.envelopeId).catch((err: unknown) =>
        logger.debug(`Socket Mode: the acknowledgement was not sent: ${(err as Error).message}`),
      );
  });
}
