import { bearer } from '../api/client'

/** A console page a district model (plugin) contributes; listed by the platform for the caller's district. */
export interface PluginPageInfo {
  model: string
  id: string
  labels: Record<string, string>
  roles: string[]
  order: number
  moduleUrl: string
}

/** What a plugin page's module receives in `mount(el, ctx)`. */
export interface PluginPageContext {
  tenant: string
  locale: 'zh-CN' | 'en'
  roles: string[]
  /** fetch relative to /api/v1/tenants/<tenant>/ with the signed-in user's token */
  api(path: string, init?: RequestInit): Promise<Response>
}

export interface PluginPageModule {
  mount(el: HTMLElement, ctx: PluginPageContext): void | (() => void)
}

/** The pages of the district's enabled models the caller may see; none when the platform lists none. */
export async function pluginPages(tenant: string): Promise<PluginPageInfo[]> {
  const token = await bearer()
  const res = await fetch(`/api/v1/tenants/${encodeURIComponent(tenant)}/console/pages`, {
    headers: token ? { Authorization: `Bearer ${token}`, Accept: 'application/json' } : { Accept: 'application/json' },
  })
  if (!res.ok) return []
  const pages = (await res.json()) as PluginPageInfo[]
  return [...pages].sort((a, b) => a.order - b.order || a.id.localeCompare(b.id))
}

/** The context handed to a plugin page: its API calls carry the token and stay inside the district. */
export function pageContext(tenant: string, locale: 'zh-CN' | 'en', roles: string[]): PluginPageContext {
  return {
    tenant,
    locale,
    roles: [...roles],
    async api(path: string, init?: RequestInit) {
      if (/^[a-z]+:|^\/\/|\.\./i.test(path)) throw new Error('a plugin page calls its district API with a relative path')
      const token = await bearer()
      const headers = new Headers(init?.headers)
      if (token) headers.set('Authorization', `Bearer ${token}`)
      return fetch(`/api/v1/tenants/${encodeURIComponent(tenant)}/${path.replace(/^\/+/, '')}`, { ...init, headers })
    },
  }
}

export function label(page: PluginPageInfo, locale: string): string {
  return page.labels[locale] ?? page.labels['zh-CN'] ?? page.id
}
