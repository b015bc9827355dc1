/**
 * Whether `userId` may read the files attached in one scope of its owner. `rest` is what follows
 * `<owner>:` in the file's scope (for eduforum's `eduforum:content:<id>`, it is `content:<id>`).
 * Answer false for anything unknown: the kernel then says the file does not exist.
 */
export type FileScopeResolver = (userId: string, rest: string) => Promise<boolean>;

const PREFIX = /^[a-z][a-z0-9-]*$/;
const SCOPE = /^([a-z][a-z0-9-]*):(.+)$/s;

/**
 * Who decides about which attached files: the owner of each scope prefix. The kernel registers
 * `chat` (room members); each app registers its own name (the app kit does it from `fileScopes`).
 * A scope whose owner is not registered in this process is readable by nobody (fail closed).
 */
export class FileScopes {
  private readonly resolvers = new Map<string, FileScopeResolver>();

  /** Makes `prefix` (an app's name, or a kernel module's) the owner of scopes `<prefix>:...`. */
  register(prefix: string, resolver: FileScopeResolver): void {
    if (!PREFIX.test(prefix)) throw new Error(`file scope prefix ${prefix}: use lower case letters`);
    if (this.resolvers.has(prefix)) throw new Error(`file scope prefix ${prefix} is already registered`);
    this.resolvers.set(prefix, resolver);
  }

  /** Throws (a programming error, not a caller's) unless `scope` is `<registered prefix>:<rest>`. */
  check(scope: string): void {
    const match = SCOPE.exec(scope);
    if (!match?.[1] || !this.resolvers.has(match[1]))
      throw new Error(`file scope ${scope} has no registered owner (register its prefix first)`);
  }

  /** Whether the user may read files attached in `scope`; false for scopes nobody owns here. */
  async canRead(userId: string, scope: string): Promise<boolean> {
    const match = SCOPE.exec(scope);
    const resolver = match?.[1] ? this.resolvers.get(match[1]) : undefined;
    if (!match?.[2] || !resolver) return false;
    return resolver(userId, match[2]);
  }
}
