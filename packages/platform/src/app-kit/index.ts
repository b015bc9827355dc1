export {
  appChannel,
  type ChannelHandler,
  type ChannelHandlers,
  type ChannelImplementation,
} from './channel.js';
export {
  type AppChannel,
  type AppDeclaration,
  type AppDefinition,
  type AppParts,
  type AppPlatform,
  type AppTask,
  appTask,
  defineApp,
} from './define-app.js';
export { type DemoPerson, demoPeople } from './demo-people.js';
export type { MountedApp } from './mount.js';
export {
  type Caller,
  callerId,
  definePolicy,
  Policy,
  type PolicyDeclaration,
  type ScopeResolver,
} from './policy.js';
