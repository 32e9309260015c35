/**
 * When a granted permission counts for a required one. Deliberately simple and documented:
 * the exact permission, or `A.ReadWrite.B` for `A.Read.B`. Nothing else — Directory.Read.All,
 * for example, is not treated as covering other reads, because Graph's coverage of such broad
 * permissions differs per API and a wrong "granted" would hide a skipped module.
 */
export function supersetsOf(permission: string): string[] {
  const read = /^([^.]+)\.Read\.(.+)$/.exec(permission);
  return read ? [permission, `${read[1]}.ReadWrite.${read[2]}`] : [permission];
}

export function isSatisfied(permission: string, granted: ReadonlySet<string>): boolean {
  return supersetsOf(permission).some((candidate) => granted.has(candidate));
}
