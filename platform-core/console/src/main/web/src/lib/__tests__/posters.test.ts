import { describe, expect, it } from 'vitest'
import { MAX_POSTER_PAGES, gridPath, posterFileName, posterPages, posterUrl } from '../posters'
import type { Grid } from '../../api/client'

const community: Grid = {
  code: '360802001001', name: '阳明社区', level: 'community',
  children: [
    { code: '360802001001001', name: '阳明小区网格', level: 'grid', children: [
      { code: '36080200100100101', name: '1栋', level: 'building', children: [] },
      { code: '36080200100100102', name: '2栋', level: 'building', children: [] },
    ] },
    { code: '360802001001002', name: '后河小区网格', level: 'grid', children: [] },
  ],
}

describe('QR posters', () => {
  it('asks for one grid, or for every grid below it', () => {
    expect(posterUrl('jizhou', '360802001001', false)).toBe('/api/v1/tenants/jizhou/posters?grid=360802001001')
    expect(posterUrl('jizhou', '360802001001', true)).toBe('/api/v1/tenants/jizhou/posters?grid=360802001001&below=true')
    expect(posterUrl('jizhou', 'a b&c', false)).toBe('/api/v1/tenants/jizhou/posters?grid=a+b%26c')
  })
  it('names the file as the platform does', () => {
    expect(posterFileName('jizhou', '360802001001')).toBe('posters-jizhou-360802001001.pdf')
    expect(posterFileName('jizhou', 'a"b/c')).toBe('posters-jizhou-a_b_c.pdf')
  })
  it('counts the pages: every grid under it at every level, or the grid itself', () => {
    expect(posterPages(community, false)).toBe(1)
    expect(posterPages(community, true)).toBe(4)
    expect(posterPages(community.children![1], true)).toBe(1)
    expect(MAX_POSTER_PAGES).toBe(500)
  })
  it('finds the path from the top of the tree down to a grid', () => {
    expect(gridPath(community, '36080200100100102').map((g) => g.name)).toEqual(['阳明社区', '阳明小区网格', '2栋'])
    expect(gridPath(community, '360802001001').map((g) => g.code)).toEqual(['360802001001'])
    expect(gridPath(community, 'nope')).toEqual([])
  })
})
