declare module 'vitest' {
  export interface ProvidedContext {
    /** URL of the migrated template database; each test file copies it (see createTestDatabase). */
    templateDatabaseUrl: string;
    /** URL of a maintenance database on the same server, for CREATE/DROP DATABASE. */
    adminDatabaseUrl: string;
    /** Prefix of every database this run creates, so teardown can find them. */
    testDatabasePrefix: string;
  }
}

export {};
