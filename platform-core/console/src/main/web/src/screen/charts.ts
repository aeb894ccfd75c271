import * as echarts from 'echarts/core'
import { BarChart, GaugeChart, LineChart, MapChart } from 'echarts/charts'
import { AriaComponent, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent, VisualMapComponent } from 'echarts/components'
import { CanvasRenderer } from 'echarts/renderers'

echarts.use([BarChart, GaugeChart, LineChart, MapChart, AriaComponent, GridComponent, LegendComponent, MarkLineComponent,
  TooltipComponent, VisualMapComponent, CanvasRenderer])

/** ECharts with what the big screen draws: bars, lines, a gauge and the grid map (no tiles: the district's GeoJSON). */
export { echarts }
