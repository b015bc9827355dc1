import type { OAuthClientConfig, OAuthProviderId } from '../../config/index.js';

/** What we need from any provider about the person signing in. */
export interface ExternalProfile {
  subject: string;
  email: string | undefined;
  emailVerified: boolean;
  name: string | undefined;
}

interface Common {
  id: OAuthProviderId;
  label: string;
  scope: string;
}

/** OpenID Connect: endpoints come from discovery; the ID token carries the profile. */
export interface OidcProvider extends Common {
  kind: 'oidc';
  issuer: string;
}

/** Plain OAuth 2: fixed endpoints, the profile comes from an API call with the access token. */
export interface OAuth2Provider extends Common {
  kind: 'oauth2';
  authorize: string;
  token: string;
  userinfo: string;
  /** Turns the profile API's JSON (and, for GitHub, its email list) into a profile. */
  profile(json: unknown, emails?: unknown): ExternalProfile;
  /** GitHub lists emails (with their verification state) at a separate endpoint. */
  emails?: (userinfo: string) => string;
}

export type ProviderSpec = OidcProvider | OAuth2Provider;

type Json = Record<string, unknown>;
const obj = (value: unknown): Json => (value && typeof value === 'object' ? (value as Json) : {});
const str = (value: unknown): string | undefined =>
  typeof value === 'string' && value.length > 0 ? value : undefined;

/** The provider catalogue, with endpoint overrides applied (OAUTH_ENDPOINTS). */
export function providerSpec(id: OAuthProviderId, client: OAuthClientConfig): ProviderSpec {
  const e = client.endpoints;
  switch (id) {
    case 'google':
      return {
        id,
        label: 'Google',
        kind: 'oidc',
        scope: 'openid email profile',
        issuer: e.issuer ?? 'https://accounts.google.com',
      };
    case 'microsoft':
      return {
        id,
        label: 'Microsoft',
        kind: 'oidc',
        scope: 'openid email profile',
        issuer: e.issuer ?? `https://login.microsoftonline.com/${client.tenant ?? 'organizations'}/v2.0`,
      };
    case 'github':
      return {
        id,
        label: 'GitHub',
        kind: 'oauth2',
        scope: 'read:user user:email',
        authorize: e.authorize ?? 'https://github.com/login/oauth/authorize',
        token: e.token ?? 'https://github.com/login/oauth/access_token',
        userinfo: e.userinfo ?? 'https://api.github.com/user',
        emails: (userinfo) => `${userinfo.replace(/\/user$/, '')}/user/emails`,
        profile(json, emails) {
          const user = obj(json);
          const list = Array.isArray(emails) ? emails.map(obj) : [];
          const primary =
            list.find((m) => m.primary === true && m.verified === true) ??
            list.find((m) => m.verified === true);
          return {
            subject: String(user.id ?? ''),
            email: str(primary?.email),
            emailVerified: primary !== undefined,
            name: str(user.name) ?? str(user.login),
          };
        },
      };
    case 'naver':
      return {
        id,
        label: '네이버',
        kind: 'oauth2',
        scope: '',
        authorize: e.authorize ?? 'https://nid.naver.com/oauth2.0/authorize',
        token: e.token ?? 'https://nid.naver.com/oauth2.0/token',
        userinfo: e.userinfo ?? 'https://openapi.naver.com/v1/nid/me',
        profile(json) {
          const response = obj(obj(json).response);
          // Naver only returns an email the account holder confirmed with Naver.
          const email = str(response.email);
          return {
            subject: String(response.id ?? ''),
            email,
            emailVerified: email !== undefined,
            name: str(response.name) ?? str(response.nickname),
          };
        },
      };
    case 'kakao':
      return {
        id,
        label: '카카오',
        kind: 'oauth2',
        scope: 'account_email profile_nickname',
        authorize: e.authorize ?? 'https://kauth.kakao.com/oauth/authorize',
        token: e.token ?? 'https://kauth.kakao.com/oauth/token',
        userinfo: e.userinfo ?? 'https://kapi.kakao.com/v2/user/me',
        profile(json) {
          const user = obj(json);
          const account = obj(user.kakao_account);
          const email = str(account.email);
          return {
            subject: String(user.id ?? ''),
            email,
            emailVerified:
              email !== undefined && account.is_email_verified === true && account.is_email_valid !== false,
            name: str(obj(account.profile).nickname),
          };
        },
      };
    default:
      throw new Error(`unknown provider ${String(id)}`);
  }
}
