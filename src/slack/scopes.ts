/** The bot scopes asked for at install (OAuth): the same as manifest.yml's (a test keeps them so). */
export const BOT_SCOPES = [
  "commands",
  "chat:write",
  "links:read",
  "channels:history",
  "groups:history",
  "im:history",
  "reactions:read",
  "users:read",
  "im:write",
  "files:write",
  "assistant:write",
] as const;
