import { h } from 'vue'
import { api, itemsOf } from '../api.js'
import ExportJobPanel from '../components/ExportJobPanel.js'
import { treatmentBlock } from '../components/appointments.js'
import { card, pageHeader, stateView, useLoader } from '../components/ui.js'
import { t } from '../i18n.js'

export default {
  name: 'TreatmentHistoryView',
  props: {},
  setup() {
    const treatments = useLoader(async () => itemsOf(await api.get('/patient/treatments', { per_page: 100 }), 'treatments'))
    return () =>
      h('div', [
        pageHeader(t('treat.title'), t('treat.subtitle')),
        card([h('p', { class: 'text-secondary' }, t('treat.export_text')), h(ExportJobPanel)], { title: t('treat.export'), testid: 'export-card', extraClass: 'mb-4' }),
        stateView(treatments, (list) => h('div', { class: 'stack', 'data-testid': 'treatment-list' }, list.map((treatment) => h('div', { key: treatment.id }, treatmentBlock(treatment)))), {
          emptyText: t('treat.none'),
        }),
      ])
  },
}
