import type {
  AllMiddlewareArgs,
  App,
  BlockAction,
  Context,
  SlackAction,
  SlackActionMiddlewareArgs,
  SlackCommandMiddlewareArgs,
  SlackEventMiddlewareArgs,
  SlackShortcut,
  SlackShortcutMiddlewareArgs,
  SlackViewAction,
  SlackViewMiddlewareArgs,
} from "@slack/bolt";

type Handler<Args> = (args: Args & AllMiddlewareArgs) => Promise<void>;
// Handlers are stored by id with their arguments widened; each registration method keeps them typed.
// biome-ignore lint/suspicious/noExplicitAny: see above
type AnyHandler = Handler<any>;

/** Decides whether an event is seen for the first time (Slack re-sends events it thinks were lost). */
export type FirstDelivery = (
  body: { event_id?: string; team_id?: string },
  context: Context,
) => Promise<boolean>;

/**
 * Where the Slack surfaces register their handlers, by command, action, callback or event type,
 * with Bolt's own argument types. Bolt runs the middleware of every listener it has for every
 * request, so each listener costs every request something: in the Slack benchmark, 18 listeners
 * cut a bare app's throughput by a quarter. Bolt is given a single middleware that looks the
 * handler up here.
 */
export class Listeners {
  private readonly commands = new Map<string, AnyHandler>();
  private readonly actions = new Map<string, AnyHandler>();
  private readonly shortcuts = new Map<string, AnyHandler>();
  private readonly views = new Map<string, AnyHandler>();
  private readonly events = new Map<string, AnyHandler[]>();

  command(name: string, handler: Handler<SlackCommandMiddlewareArgs>): void {
    setOnce(this.commands, name, handler);
  }

  action<A extends SlackAction = BlockAction>(
    actionId: string,
    handler: Handler<SlackActionMiddlewareArgs<A>>,
  ): void {
    setOnce(this.actions, actionId, handler);
  }

  shortcut<S extends SlackShortcut>(
    callbackId: string,
    handler: Handler<SlackShortcutMiddlewareArgs<S>>,
  ): void {
    setOnce(this.shortcuts, callbackId, handler);
  }

  view<V extends SlackViewAction = SlackViewAction>(
    callbackId: string,
    handler: Handler<SlackViewMiddlewareArgs<V>>,
  ): void {
    setOnce(this.views, callbackId, handler);
  }

  /** Several handlers may share an event type (a message can be a DM, a link share and a mentoring reply). */
  event<T extends string>(type: T, handler: Handler<SlackEventMiddlewareArgs<T>>): void {
    this.events.set(type, [...(this.events.get(type) ?? []), handler]);
  }

  /**
   * Registers the routes with Bolt, as one global middleware (Bolt's own ignoreSelf runs first).
   * Requests nobody handles (a button from a retired message) are acknowledged so that Slack shows
   * no error. An event runs its handlers only on its first delivery, and all of them even if one
   * fails; failures reach Bolt's error handler.
   */
  mount(app: App, firstDelivery: FirstDelivery): void {
    app.use(async (args) => {
      // Bolt has already set the alias of the request's kind (command, event, action…).
      const a = args as unknown as RoutedArgs;
      if (a.command) return route(this.commands, a.command.command, args, a.ack);
      if (a.event) return this.dispatchEvent(a.event.type, args, firstDelivery);
      if (a.shortcut) return route(this.shortcuts, a.shortcut.callback_id ?? "", args, a.ack);
      if (a.action) return route(this.actions, actionId(a.action), args, a.ack);
      if (a.view && a.body.type === "view_submission")
        return route(this.views, a.view.callback_id, args, a.ack);
      await a.next();
    });
  }

  private async dispatchEvent(type: string, args: unknown, firstDelivery: FirstDelivery): Promise<void> {
    const handlers = this.events.get(type);
    const { body, context } = args as { body: Parameters<FirstDelivery>[0]; context: Context };
    if (!handlers || !(await firstDelivery(body, context))) return;
    const failures = (await Promise.allSettled(handlers.map((h) => h(args)))).filter(
      (r): r is PromiseRejectedResult => r.status === "rejected",
    );
    if (failures.length === 1) throw failures[0]!.reason;
    if (failures.length > 1) throw new AggregateError(failures.map((f) => f.reason));
  }
}

/** The aliases Bolt sets on a request's arguments, one per kind of request. */
interface RoutedArgs {
  body: { type?: string };
  ack: () => Promise<void>;
  next: () => Promise<void>;
  command?: { command: string };
  event?: { type: string };
  shortcut?: { callback_id?: string };
  action?: unknown;
  view?: { callback_id: string };
}

function setOnce(map: Map<string, AnyHandler>, id: string, handler: AnyHandler): void {
  if (map.has(id)) throw new Error(`two handlers registered for ${id}`);
  map.set(id, handler);
}

function route(
  map: Map<string, AnyHandler>,
  id: string,
  args: unknown,
  ack: () => Promise<void>,
): Promise<void> {
  const handler = map.get(id);
  return handler ? handler(args) : ack();
}

function actionId(payload: unknown): string {
  const p = payload as { action_id?: string; callback_id?: string };
  return p.action_id ?? p.callback_id ?? "";
}
