/** App roles of the API's app registration, lowest to highest privilege. */
export const API_ROLES = ['Backup.Reader', 'Backup.Operator', 'Backup.Admin'] as const;
export type ApiRole = (typeof API_ROLES)[number];

const RANK: Record<ApiRole, number> = {
  'Backup.Reader': 1,
  'Backup.Operator': 2,
  'Backup.Admin': 3,
};

export function isApiRole(value: unknown): value is ApiRole {
  return typeof value === 'string' && (API_ROLES as readonly string[]).includes(value);
}

/** Admin implies Operator implies Reader. */
export function roleSatisfies(held: ApiRole, required: ApiRole): boolean {
  return RANK[held] >= RANK[required];
}

/** The strongest role among those held, or undefined when none is an API role. */
export function highestRole(roles: readonly string[]): ApiRole | undefined {
  let best: ApiRole | undefined;
  for (const role of roles) {
    if (isApiRole(role) && (best === undefined || RANK[role] > RANK[best])) best = role;
  }
  return best;
}
