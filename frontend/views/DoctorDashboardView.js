import { h } from 'vue'
import { RouterLink } from 'vue-router'
import { api } from '../api.js'
import { store } from '../store.js'
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
        pageHeader(`Good day${store.user ? `, ${store.user.full_name}` : ''}`, 'Your clinic at a glance.', [
          h(RouterLink, { to: '/doctor/queue', class: 'btn btn-primary', 'data-testid': 'open-queue' }, () => "Open today's queue"),
          h(RouterLink, { to: '/doctor/schedule', class: 'btn btn-outline-primary' }, () => 'Edit schedule'),
        ]),
        stateView(
          dashboard,
          (data) =>
            h('div', { class: 'grid-3', 'data-testid': 'doctor-stats' }, [
              stat('Today', count(data, 'today', 'counts.today', 'today_count'), 'appointments today', 'stat-today'),
              stat('Upcoming', count(data, 'upcoming', 'counts.upcoming', 'upcoming_count'), 'booked ahead', 'stat-upcoming'),
              stat('Completed', count(data, 'completed', 'counts.completed', 'completed_count'), 'visits completed', 'stat-completed'),
            ]),
          { isEmpty: () => false },
        ),
        h(DoctorChangesPanel),
      ])
  },
}

function stat(label, value, caption, testid) {
  return h('div', { class: 'stat-card', 'data-testid': testid }, [h('p', { class: 'stat-label' }, label), h('p', { class: 'stat-value' }, String(value)), h('p', { class: 'small text-secondary mb-0' }, caption)])
}
