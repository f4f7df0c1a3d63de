import { h, onBeforeUnmount, onMounted, ref, watch } from 'vue'
import { Chart, registerables } from 'chart.js'
import { formatNumber, intlLocale } from '../i18n.js'

Chart.register(...registerables)

const PALETTE = ['#0f766e', '#2563eb', '#d97706', '#b91c1c', '#7c3aed', '#0891b2', '#65a30d', '#db2777']

// A canvas has no font fallback of its own: Chart.js gets the page's font list, which ends with the
// Bangla web font, so a device without a Bangla font still reads the axes and the legend.
function pageFontFamily() {
  return getComputedStyle(document.documentElement).getPropertyValue('--bs-body-font-family').trim() || Chart.defaults.font.family
}

// A Chart.js chart with a text alternative (a table screen readers can read).
export default {
  name: 'ChartPanel',
  props: {
    type: { type: String, default: 'bar' },
    labels: { type: Array, required: true },
    datasets: { type: Array, required: true },
    title: { type: String, required: true },
    testid: { type: String, default: 'chart' },
    horizontal: { type: Boolean, default: false },
    // The heading of the text alternative's first column (what the labels are), in the screen's language.
    labelHeading: { type: String, default: 'Label' },
  },
  setup(props) {
    const canvas = ref(null)
    let chart = null
    const rendered = ref(false)

    function draw() {
      if (chart) chart.destroy()
      const round = props.type === 'doughnut' || props.type === 'pie'
      Chart.defaults.font.family = pageFontFamily()
      chart = new Chart(canvas.value, {
        type: props.type,
        data: {
          labels: props.labels,
          datasets: props.datasets.map((dataset, index) => ({
            borderWidth: props.type === 'line' ? 2 : round ? 2 : 0,
            borderRadius: props.type === 'bar' ? 6 : 0,
            tension: 0.3,
            fill: props.type === 'line',
            pointRadius: 3,
            backgroundColor: round ? PALETTE : props.type === 'line' ? 'rgba(15,118,110,0.12)' : PALETTE[index % PALETTE.length],
            borderColor: round ? '#ffffff' : PALETTE[index % PALETTE.length],
            ...dataset,
          })),
        },
        options: {
          locale: intlLocale(),
          responsive: true,
          maintainAspectRatio: false,
          animation: false,
          indexAxis: props.horizontal ? 'y' : 'x',
          plugins: { legend: { display: round || props.datasets.length > 1, position: 'bottom' } },
          // A horizontal bar chart names every bar (Chart.js would skip every other label when they crowd).
          scales: round ? {} : { y: { beginAtZero: true, ticks: { precision: 0, autoSkip: !props.horizontal } }, x: { beginAtZero: true, grid: { display: false }, ticks: { precision: 0, autoSkip: !props.horizontal } } },
        },
      })
      rendered.value = true
    }

    // Text drawn before the web font arrived stays in the fallback font: draw again once it is here.
    function drawWhenFontsReady() {
      draw()
      const text = [...props.labels, ...props.datasets.map((d) => d.label || '')].join(' ')
      const font = `${Chart.defaults.font.size}px ${Chart.defaults.font.family}`
      if (document.fonts && !document.fonts.check(font, text)) document.fonts.load(font, text).then(() => canvas.value && draw(), () => null)
    }

    onMounted(drawWhenFontsReady)
    watch(() => [props.labels, props.datasets], drawWhenFontsReady, { deep: true })
    onBeforeUnmount(() => chart && chart.destroy())

    return () =>
      h('figure', { class: 'chart-figure mb-0', 'data-testid': props.testid, 'data-rendered': rendered.value ? 'true' : 'false' }, [
        h('div', { class: 'chart-box', style: props.horizontal ? { height: `${Math.max(260, props.labels.length * 26 + 30)}px` } : undefined }, [h('canvas', { ref: canvas, role: 'img', 'aria-label': props.title })]),
        h('table', { class: 'visually-hidden' }, [
          h('caption', props.title),
          h('thead', [h('tr', [h('th', { scope: 'col' }, props.labelHeading), ...props.datasets.map((d, i) => h('th', { scope: 'col', key: i }, d.label || 'Value'))])]),
          h(
            'tbody',
            props.labels.map((label, row) => h('tr', { key: row }, [h('th', { scope: 'row' }, String(label)), ...props.datasets.map((d, i) => h('td', { key: i }, formatNumber(d.data[row])))])),
          ),
        ]),
      ])
  },
}
