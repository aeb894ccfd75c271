import { reactive } from 'vue'
import { api, ok, type Schemas } from '../api/client'

/** A district's mode with its emergency plan and (in wartime) the duty roster: `GET …/mode`. */
export type ModeView = Schemas['DistrictModeView']
export type OperatingMode = Schemas['OperatingMode']
export type DutyPost = Schemas['DutyPost']

/** Roles that read the mode (the API decides; the console only avoids calls it would refuse). */
const READERS = ['district-admin', 'dispatcher', 'grid-worker', 'department-handler', 'mediator', 'social-worker', 'screen-viewer', 'city-admin']

export function mayReadMode(roles: readonly string[]): boolean {
  return roles.some((r) => READERS.includes(r))
}

/** Only the district's administrator switches its district (the city switches all of them at once). */
export function maySwitchMode(roles: readonly string[]): boolean {
  return roles.includes('district-admin')
}

/** The mode the switch button leads to. */
export function otherMode(mode: OperatingMode): OperatingMode {
  return mode === 'wartime' ? 'normal' : 'wartime'
}

/** A reason the API accepts: not blank, at most 500 characters. */
export function reasonProblem(reason: string): 'required' | 'tooLong' | null {
  const r = reason.trim()
  if (!r) return 'required'
  if ([...r].length > 500) return 'tooLong'
  return null
}

/** An ISO-8601 limit such as `PT30M`, `PT24H` or `P2D` in words: `30 分钟` / `30 min`, `24 小时` / `24 h`. */
export function limitText(iso: string, locale: string): string {
  const m = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/.exec(iso)
  if (!m) return iso
  const minutes = Number(m[1] ?? 0) * 1440 + Number(m[2] ?? 0) * 60 + Number(m[3] ?? 0)
  const zh = locale !== 'en'
  const parts: string[] = []
  const d = Math.floor(minutes / 1440)
  const h = Math.floor((minutes % 1440) / 60)
  const min = minutes % 60
  if (d && !h && !min && d * 24 > 72) parts.push(zh ? `${d} 天` : `${d} d`)
  else if (d || h) parts.push(zh ? `${d * 24 + h} 小时` : `${d * 24 + h} h`)
  if (min || parts.length === 0) parts.push(zh ? `${min} 分钟` : `${min} min`)
  return parts.join(' ')
}

/** The console's view of the district's mode, shared by the header and the pages. */
export const districtMode = reactive<{ tenant: string | null; view: ModeView | null }>({ tenant: null, view: null })

export async function loadMode(tenant: string): Promise<ModeView> {
  const view = await ok(api.GET('/api/v1/tenants/{tenant}/mode', { params: { path: { tenant } } }))
  districtMode.tenant = tenant
  districtMode.view = view
  return view
}

export async function switchMode(tenant: string, mode: OperatingMode, reason: string): Promise<ModeView> {
  const view = await ok(api.PUT('/api/v1/tenants/{tenant}/mode', { params: { path: { tenant } }, body: { mode, reason: reason.trim() } }))
  districtMode.tenant = tenant
  districtMode.view = view
  return view
}
