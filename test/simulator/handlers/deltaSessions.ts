/** One delta round being paged: the ids it will report, fixed when the round starts. */
export interface DeltaSession {
  resource: string;
  epoch: number;
  select?: string[];
  /** Link navigations requested via $select (members, owners, manager). */
  navs: string[];
  /** The round covers changes up to and including this seq; the deltaLink resumes from it. */
  toSeq: number;
  ids: string[];
  /** undefined on the initial round; per id what changed on a later round. */
  changes?: Map<string, ObjectChange>;
}

export interface ObjectChange {
  props: boolean;
  /** nav → target → true (added) / false (removed); last operation wins. */
  links: Map<string, Map<string, boolean>>;
}

/**
 * Sessions of delta rounds in progress, keyed by the id carried in @odata.nextLink. Bounded (LRU):
 * an evicted session answers 410 like an expired token, and the client restarts.
 */
export class DeltaSessions {
  private sessions = new Map<string, DeltaSession>();
  private counter = 0;

  constructor(private readonly capacity = 64) {}

  add(session: DeltaSession): string {
    const id = `s${++this.counter}`;
    this.sessions.set(id, session);
    while (this.sessions.size > this.capacity)
      this.sessions.delete(this.sessions.keys().next().value as string);
    return id;
  }

  get(id: string): DeltaSession | undefined {
    const session = this.sessions.get(id);
    if (session) {
      this.sessions.delete(id);
      this.sessions.set(id, session);
    }
    return session;
  }

  delete(id: string): void {
    this.sessions.delete(id);
  }

  clear(): void {
    this.sessions.clear();
  }
}
