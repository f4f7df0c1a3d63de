import { h } from 'vue'
import { RouterLink } from 'vue-router'
import { api } from '../api.js'
import { store } from '../store.js'
import { formatNumber, t } from '../i18n.js'
import DoctorChangesPanel from '../components/DoctorChangesPanel.js'
import { pageHeader, stateView, useLoader } from '../components/ui.js'

function count(data, ...keys) {
  for (const key of keys) {
    const value = key.split('.').reduce((obj, part) => (obj == null ? undefined : obj[part]), data)
    if (typeof value === 'number') return value
    if (Array.isArray(value)) return value.length
  }
  return 0
}

export default {
  name: 'DoctorDashboardView',
  props: {},
  setup() {
    const dashboard = useLoader(() => api.get('/doctor/dashboard'))
    return () =>
      h('div', [
        pageHeader(store.user ? t('doctor.dashboard.greeting_name', { name: store.user.full_name }) : t('doctor.dashboard.greeting'), t('doctor.dashboard.subtitle'), [
          h(RouterLink, { to: '/doctor/queue', class: 'btn btn-primary', 'data-testid': 'open-queue' }, () => t('doctor.dashboard.open_queue')),
          h(RouterLink, { to: '/doctor/schedule', class: 'btn btn-outline-primary' }, () => t('doctor.dashboard.edit_schedule')),
        ]),
        stateView(
          dashboard,
          (data) =>
            h('div', { class: 'grid-3', 'data-testid': 'doctor-stats' }, [
              stat(t('doctor.dashboard.today'), count(data, 'today', 'counts.today', 'today_count'), t('doctor.dashboard.today_caption'), 'stat-today'),
              stat(t('doctor.dashboard.upcoming'), count(data, 'upcoming', 'counts.upcoming', 'upcoming_count'), t('doctor.dashboard.upcoming_caption'), 'stat-upcoming'),
              stat(t('doctor.dashboard.completed'), count(data, 'completed', 'counts.completed', 'completed_count'), t('doctor.dashboard.completed_caption'), 'stat-completed'),
            ]),
          { isEmpty: () => false },
        ),
        h(DoctorChangesPanel),
      ])
  },
}

function stat(label, value, caption, testid) {
  return h('div', { class: 'stat-card', 'data-testid': testid }, [h('p', { class: 'stat-label' }, label), h('p', { class: 'stat-value' }, formatNumber(value)), h('p', { class: 'small text-secondary mb-0' }, caption)])
}
