// The Element Plus components the resident page uses: only these are bundled (the console installs
// the whole library). Their styles are imported by report.css, ahead of the page's own. Check
// boxes, progress bars and status labels are the browser's own elements: lighter, and as accessible.
import type { App } from 'vue'
import { ElButton } from 'element-plus/es/components/button/index.mjs'
import { ElInput } from 'element-plus/es/components/input/index.mjs'
import { ElRate } from 'element-plus/es/components/rate/index.mjs'

export function useElements(app: App): void {
  for (const c of [ElButton, ElInput, ElRate]) app.use(c)
}
