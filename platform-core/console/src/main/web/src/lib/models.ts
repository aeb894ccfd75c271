import type { Schemas } from '../api/client'

export type ModelInfo = Schemas['ModelInfo']
export type TenantModel = Schemas['TenantModel']

/** A district model (plugin) as the city administrator switches it for one district. */
export interface ModelSwitch {
  id: string
  nameZh?: string
  nameEn?: string
  version?: string
  /** Its plugin runs now. */
  deployed: boolean
  /** The district has it switched on (it may be enabled before its plugin is installed). */
  enabled: boolean
}

/**
 * Every model either deployed or enabled for the district, by id: deployed ones the district has
 * not enabled are off; enabled ones whose plugin is not installed are on but not deployed.
 */
export function modelSwitches(deployed: ModelInfo[], district: TenantModel[]): ModelSwitch[] {
  const byId = new Map<string, ModelSwitch>()
  for (const m of deployed) byId.set(m.id, { id: m.id, nameZh: m.nameZh, nameEn: m.nameEn, version: m.version, deployed: true, enabled: false })
  for (const m of district) {
    const known = byId.get(m.id)
    byId.set(m.id, {
      id: m.id,
      nameZh: m.nameZh ?? known?.nameZh,
      nameEn: m.nameEn ?? known?.nameEn,
      version: m.version ?? known?.version,
      deployed: known !== undefined || m.deployed,
      enabled: m.enabled,
    })
  }
  return [...byId.values()].sort((a, b) => a.id.localeCompare(b.id))
}

/** A model's name in the chosen language, its id when it has none. */
export function modelName(m: { id: string; nameZh?: string; nameEn?: string }, locale: string): string {
  return (locale === 'en' ? m.nameEn || m.nameZh : m.nameZh || m.nameEn) || m.id
}
