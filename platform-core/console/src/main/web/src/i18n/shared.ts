/** Messages both pages of the build show (the console and the resident page): channel names, refused calls. */
export const shared = {
  'zh-CN': {
    channel: { 'grid-worker': '网格员上报', 'resident-app': '随手拍', 'qr-code': '码上办', hotline: '12345 热线', department: '部门移交', open311: 'Open311', video: '视频发现' },
    error: { generic: '操作失败：{detail}', network: '无法连接平台', forbidden: '您无权执行此操作', field: '{field}：{detail}' },
  },
  en: {
    channel: { 'grid-worker': 'Grid worker', 'resident-app': 'Resident photo', 'qr-code': 'QR code', hotline: '12345 hotline', department: 'Department', open311: 'Open311', video: 'Video' },
    error: { generic: 'Failed: {detail}', network: 'The platform cannot be reached', forbidden: 'You may not do this', field: '{field}: {detail}' },
  },
}
