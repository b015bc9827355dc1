/** What apps may know of an account. */
export interface PersonSummary {
  readonly id: string;
  readonly name: string;
  readonly email: string;
  /** `admin` for platform admins (every app treats them as its admin). */
  readonly platformRole: 'admin' | null;
}
