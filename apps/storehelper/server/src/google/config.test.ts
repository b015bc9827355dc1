import { describe, expect, it } from 'vitest';
import { googleConfigFromEnv } from './config.js';

describe('Google connector configuration', () => {
  it('is off without client credentials and points at Google’s hosts by default', () => {
    const config = googleConfigFromEnv({});
    expect(config.client).toBeUndefined();
    expect(config.api).toEqual({
      accounts: 'https://mybusinessaccountmanagement.googleapis.com/v1',
      businessInformation: 'https://mybusinessbusinessinformation.googleapis.com/v1',
      reviews: 'https://mybusiness.googleapis.com/v4',
    });
    expect(config.oauth.token).toBe('https://oauth2.googleapis.com/token');
    expect(config.maxAttempts).toBe(4);
  });

  it('takes credentials, overridden endpoints (trailing slash dropped) and limits', () => {
    const config = googleConfigFromEnv({
      GOOGLE_BUSINESS_CLIENT_ID: 'id.apps.googleusercontent.com',
      GOOGLE_BUSINESS_CLIENT_SECRET: ' secret ',
      GOOGLE_BUSINESS_API_BASE: 'http://127.0.0.1:9999/mybusiness/v4/',
      GOOGLE_BUSINESS_MAX_ATTEMPTS: '2',
    });
    expect(config.client).toEqual({ id: 'id.apps.googleusercontent.com', secret: 'secret' });
    expect(config.api.reviews).toBe('http://127.0.0.1:9999/mybusiness/v4');
    expect(config.maxAttempts).toBe(2);
  });

  it('names the variable that is wrong, or the missing half of the credentials', () => {
    expect(() => googleConfigFromEnv({ GOOGLE_BUSINESS_API_BASE: 'ftp://x' })).toThrow(
      /GOOGLE_BUSINESS_API_BASE/,
    );
    expect(() => googleConfigFromEnv({ GOOGLE_BUSINESS_TIMEOUT_MS: 'soon' })).toThrow(
      /GOOGLE_BUSINESS_TIMEOUT_MS/,
    );
    expect(() => googleConfigFromEnv({ GOOGLE_BUSINESS_CLIENT_ID: 'id' })).toThrow(
      /GOOGLE_BUSINESS_CLIENT_SECRET/,
    );
  });
});
