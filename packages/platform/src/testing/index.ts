export {
  ageUsedRefreshToken,
  bearer,
  makeAccount,
  signIn,
  type TestAccount,
  tokenFromOutbox,
  verifyAccount,
} from './accounts.js';
export { downloadFile, multipartFile, uploadFile, uploadText } from './files.js';
export { type ListeningApp, listenTestApp } from './listening-app.js';
export { appCaller, type Method, makeAdmin, makePerson, type Person } from './people.js';
export { openSocket, type TestSocket } from './realtime-client.js';
export {
  declaredRoutes,
  describeRouteRoles,
  fillPath,
  type RouteRolesOptions,
  type RouteRolesWorld,
} from './route-roles.js';
export { type StandInSubscription, type StripeStandIn, startStripeStandIn } from './stripe-stand-in.js';
export {
  createTestDatabase,
  provideTestDatabase,
  type TestDatabase,
  type TestDatabaseContext,
  testConfig,
} from './test-database.js';
export { hasTurnServer, startTurnServer, TURNSERVER, type TurnServer } from './turn-server.js';
export { type EnabledTwoFactor, enableTwoFactor, nextTotp } from './two-factor.js';
