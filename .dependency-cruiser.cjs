/**
 * The dependency rules of ARCHITECTURE.md, checked by `npm run lint` and by host/src/boundaries.test.ts:
 * `host -> apps -> packages`, one way; an app never imports another app; an app's web and server
 * share only its contracts; packages/nlp imports nothing of ours; and no import cycles anywhere
 * (type-only imports included: they tangle the code as much).
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-cycles',
      severity: 'error',
      comment: 'Modules import each other in a circle; move the shared part into a module of its own.',
      from: { path: '^(packages|apps|host)/' },
      to: { circular: true },
    },
    {
      name: 'packages-never-import-apps-or-host',
      severity: 'error',
      comment: 'packages/* are the kernel and kits: apps build on them, never the other way.',
      from: { path: '^packages/' },
      to: { path: '^(apps|host)/' },
    },
    {
      name: 'apps-never-import-host',
      severity: 'error',
      from: { path: '^apps/' },
      to: { path: '^host/' },
    },
    {
      name: 'apps-never-import-each-other',
      severity: 'error',
      comment: 'An app talks to another only through the platform (bus, webhooks), never by import.',
      from: { path: '^apps/([^/]+)/' },
      to: { path: '^apps/', pathNot: '^apps/$1/' },
    },
    {
      name: 'web-and-server-share-only-contracts',
      severity: 'error',
      comment: "An app's web and server import its contracts, never each other.",
      from: { path: '^apps/[^/]+/(web|contracts)/' },
      to: { path: '^apps/[^/]+/server/' },
    },
    {
      name: 'server-never-imports-web',
      severity: 'error',
      from: { path: '^apps/[^/]+/(server|contracts)/' },
      to: { path: '^apps/[^/]+/web/' },
    },
    {
      name: 'nlp-imports-nothing-of-ours',
      severity: 'error',
      from: { path: '^packages/nlp/' },
      to: { path: '^(packages/(?!nlp/)|apps/|host/)' },
    },
    {
      name: 'contracts-import-only-contracts',
      severity: 'error',
      comment: 'Contracts are shapes shared by servers and browsers: no server or UI code in them.',
      from: { path: '^(packages/contracts|apps/[^/]+/contracts)/' },
      to: { path: '^(packages/(?!contracts/)|apps/[^/]+/(server|web)/|host/)' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(dist|node_modules|\\.tsbuild)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.base.json' },
    combinedDependencies: false,
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['development', 'import', 'types', 'default'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'],
      mainFields: ['module', 'main', 'types'],
    },
  },
};
