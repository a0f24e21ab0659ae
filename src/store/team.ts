/**
 * Everything postcoach stores belongs to one workspace. A Slack payload without a team id (an
 * org-wide event read carelessly, a forged request) must not file data under "": the store
 * refuses it here, at its edge, before any SQL runs.
 */
export class MissingTeamError extends Error {
  constructor() {
    super("refused to store or read data without a team id");
    this.name = "MissingTeamError";
  }
}

/** The team id, checked: a non-empty string. */
export function team(teamId: string): string {
  if (typeof teamId !== "string" || teamId.trim() === "") throw new MissingTeamError();
  return teamId;
}
