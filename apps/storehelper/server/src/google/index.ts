export { type AccessTokens, GoogleApiError, GoogleBusinessApi } from './api.js';
export { BUSINESS_MANAGE_SCOPE, CALLBACK_PATH, GoogleBusiness } from './business.js';
export { type GoogleConfig, googleConfigFromEnv, googleEnvVariables } from './config.js';
export { GoogleReplies } from './replies.js';
export { googleRoutes } from './routes.js';
export { googleSource } from './source.js';
