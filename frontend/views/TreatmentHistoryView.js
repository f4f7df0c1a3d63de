import { h } from 'vue'
import { api, itemsOf } from '../api.js'
import ExportJobPanel from '../components/ExportJobPanel.js'
import { treatmentBlock } from '../components/appointments.js'
import { card, pageHeader, stateView, useLoader } from '../components/ui.js'

export default {
  name: 'TreatmentHistoryView',
  props: {},
  setup() {
    const treatments = useLoader(async () => itemsOf(await api.get('/patient/treatments', { per_page: 100 }), 'treatments'))
    return () =>
      h('div', [
        pageHeader('Treatment history', 'Diagnoses, prescriptions and notes from your visits.'),
        card([h('p', { class: 'text-secondary' }, 'Download your full history as a spreadsheet (CSV). We also email you a copy.'), h(ExportJobPanel)], { title: 'Export', testid: 'export-card', extraClass: 'mb-4' }),
        stateView(treatments, (list) => h('div', { class: 'stack', 'data-testid': 'treatment-list' }, list.map((t) => h('div', { key: t.id }, treatmentBlock(t)))), {
          emptyText: 'No treatments yet. They appear here after a doctor completes your visit.',
        }),
      ])
  },
}
