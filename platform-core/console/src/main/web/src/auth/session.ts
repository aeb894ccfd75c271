import Keycloak from 'keycloak-js'
import { reactive } from 'vue'
import { api, ok, useTokenSource, type SignIn } from '../api/client'
import { setDisplayZone, zoneOfRealm } from '../lib/zone'

/** Who is signed in, as the console needs it. Tokens stay in memory only. */
export interface Session {
  realm: string | null
  username: string
  roles: string[]
  department?: string
  grids: string[]
  ready: boolean
}

export const session = reactive<Session>({ realm: null, username: '', roles: [], grids: [], ready: false })

let keycloak: Keycloak | null = null
let signInFacts: Promise<SignIn> | null = null
let refreshTimer: number | undefined

/** The public sign-in facts (Keycloak address, districts), fetched once. */
export function signInInfo(): Promise<SignIn> {
  signInFacts ??= ok(api.GET('/api/v1/sign-in'))
  return signInFacts
}

/** Claims the console reads from a verified access token (the API checks them again). */
export function claimsOf(parsed: Record<string, unknown> | undefined): Omit<Session, 'realm' | 'ready'> {
  const access = (parsed?.realm_access ?? {}) as { roles?: unknown }
  const roles = Array.isArray(access.roles) ? access.roles.filter((r): r is string => typeof r === 'string') : []
  const grids = Array.isArray(parsed?.grids) ? (parsed!.grids as unknown[]).filter((g): g is string => typeof g === 'string') : []
  const department = typeof parsed?.department === 'string' ? parsed.department : undefined
  const username = typeof parsed?.preferred_username === 'string' ? parsed.preferred_username : ''
  return { username, roles, grids, department }
}

/**
 * How a page signs in. The console uses the defaults. A wall screen (kiosk) asks for an offline
 * token (`scope: 'openid offline_access'`, its refresh outlives Keycloak's SSO session) and keeps
 * trying when a refresh fails for a moment (`kiosk`): it goes back to Keycloak's login page only
 * once its refresh token has expired, never because Keycloak or the network was briefly away.
 * A kiosk keeps its tokens in the tab's `sessionStorage` (gone with the tab): Keycloak 26.1+ ends
 * the browser's SSO session when the first sign-in asks for an offline token, so without them a
 * reload of the wall would ask for the password again.
 */
export interface SignInOptions {
  scope?: string
  kiosk?: boolean
}

/** The tokens a kiosk tab keeps between reloads. */
interface KioskTokens {
  token: string
  refreshToken: string
  idToken?: string
}

const kioskKey = (realm: string) => `gongzhi.kiosk.${realm}`

/** A kiosk tab's stored tokens for `realm`, if any (junk is ignored). */
export function readKioskTokens(storage: Pick<Storage, 'getItem'> | undefined, realm: string): KioskTokens | null {
  try {
    const value = JSON.parse(storage?.getItem(kioskKey(realm)) ?? 'null') as Partial<KioskTokens> | null
    return value && typeof value.token === 'string' && typeof value.refreshToken === 'string'
      ? { token: value.token, refreshToken: value.refreshToken, idToken: typeof value.idToken === 'string' ? value.idToken : undefined }
      : null
  } catch {
    return null
  }
}

function keepKioskTokens(realm: string, kc: Keycloak): void {
  if (kc.token && kc.refreshToken) {
    sessionStorage.setItem(kioskKey(realm), JSON.stringify({ token: kc.token, refreshToken: kc.refreshToken, idToken: kc.idToken }))
  } else {
    sessionStorage.removeItem(kioskKey(realm))
  }
}

/**
 * Whether a failed refresh must send the browser to the login page: always for the console; in
 * kiosk mode only once the refresh token has expired (an offline token has no expiry). A refresh
 * token Keycloak refuses (HTTP 400: revoked, session ended) sends keycloak-js to the login page itself.
 */
export function mustSignInAgain(kiosk: boolean, refreshExpiresAt: number | undefined, nowSeconds: number): boolean {
  return !kiosk || (refreshExpiresAt !== undefined && refreshExpiresAt > 0 && refreshExpiresAt <= nowSeconds)
}

/**
 * Signs in to a realm (a district's id, or the city realm) with the authorization code flow and
 * PKCE (S256): Keycloak's own login page on the first visit, its session cookie afterwards.
 * Resolves once a token is held; refreshes it silently before it expires. After Keycloak's login
 * page the browser comes back to `returnPath` (the console page being opened, with its base).
 */
export async function ensureSignedIn(realm: string, returnPath: string, options: SignInOptions = {}): Promise<void> {
  if (keycloak && session.realm === realm && keycloak.authenticated) return
  if (keycloak && session.realm !== realm) {
    // another realm: a new Keycloak session in a fresh page at the address being opened
    window.location.assign(new URL(returnPath, window.location.origin).href)
    return new Promise(() => {})
  }
  const facts = await signInInfo()
  if (!facts.keycloakUrl) throw new Error('identity server not configured')
  setDisplayZone(zoneOfRealm(realm, facts.districts))
  const kiosk = options.kiosk ?? false
  keycloak = new Keycloak({ url: facts.keycloakUrl, realm, clientId: facts.clientId })
  await keycloak.init({
    onLoad: 'login-required',
    pkceMethod: 'S256',
    checkLoginIframe: false,
    scope: options.scope ?? 'openid',
    redirectUri: new URL(returnPath, window.location.origin).href,
    // a kiosk tab's tokens from before a reload: refreshed at once, the login page only if Keycloak refuses them
    ...(kiosk ? readKioskTokens(sessionStorage, realm) ?? {} : {}),
  })
  const kc = keycloak
  Object.assign(session, claimsOf(kc.tokenParsed as Record<string, unknown>), { realm, ready: true })
  if (kiosk) {
    keepKioskTokens(realm, kc)
    kc.onAuthLogout = () => sessionStorage.removeItem(kioskKey(realm))
  }
  const failed = async () => {
    const exp = (kc.refreshTokenParsed as { exp?: number } | undefined)?.exp
    if (mustSignInAgain(kiosk, exp, Date.now() / 1000)) await kc.login()
  }
  useTokenSource(async () => {
    try {
      await kc.updateToken(30)
    } catch {
      await failed()
    }
    return kc.token ?? null
  })
  kc.onAuthRefreshSuccess = () => {
    Object.assign(session, claimsOf(kc.tokenParsed as Record<string, unknown>))
    if (kiosk) keepKioskTokens(realm, kc)
  }
  window.clearInterval(refreshTimer)
  refreshTimer = window.setInterval(() => {
    kc.updateToken(60).catch(failed)
  }, 20_000)
}

/** Ends the Keycloak session and returns to the start page. */
export async function signOut(): Promise<void> {
  window.clearInterval(refreshTimer)
  const kc = keycloak
  keycloak = null
  Object.assign(session, { realm: null, username: '', roles: [], grids: [], department: undefined, ready: false })
  if (kc) await kc.logout({ redirectUri: `${window.location.origin}/console/` })
}
