export {
  type Config,
  ConfigError,
  loadConfig,
  type OAuthClientConfig,
  type OAuthProviderId,
  type Role,
  withConfig,
} from './config.js';
export { envSchema, type RawEnv } from './env-schema.js';
