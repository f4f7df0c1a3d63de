import { h } from 'vue'
import { RouterLink } from 'vue-router'
import { api, itemsOf } from '../api.js'
import { store } from '../store.js'
import { t } from '../i18n.js'
import { appointmentRow } from '../components/appointments.js'
import { card, emptyBlock, formatDateTime, pageHeader, specializationName, stateView, urgencyBadge, useLoader } from '../components/ui.js'

export default {
  name: 'PatientDashboardView',
  props: {},
  setup() {
    const dashboard = useLoader(() => api.get('/patient/dashboard'))

    function lastTriage(data) {
      const recent = data.recent_triage ?? data.last_triage ?? data.triage ?? null
      if (Array.isArray(recent)) return recent[0] || null
      return recent
    }

    return () => {
      const firstName = ((store.user && store.user.full_name) || '').split(' ')[0]
      return h('div', [
        pageHeader(firstName ? t('dashboard.hello_name', { name: firstName }) : t('dashboard.hello'), t('dashboard.subtitle')),
        h('div', { class: 'grid-3 mb-4' }, [
          h(RouterLink, { to: '/patient/check', class: 'stat-card text-decoration-none', 'data-testid': 'quick-check' }, () => [
            h('p', { class: 'stat-label' }, t('dashboard.not_well')),
            h('p', { class: 'h5 mb-0 text-primary' }, t('dashboard.check')),
          ]),
          h(RouterLink, { to: '/patient/doctors', class: 'stat-card text-decoration-none', 'data-testid': 'quick-find' }, () => [
            h('p', { class: 'stat-label' }, t('dashboard.know_who')),
            h('p', { class: 'h5 mb-0 text-primary' }, t('dashboard.find')),
          ]),
          h(RouterLink, { to: '/patient/treatments', class: 'stat-card text-decoration-none', 'data-testid': 'quick-treatments' }, () => [
            h('p', { class: 'stat-label' }, t('dashboard.records')),
            h('p', { class: 'h5 mb-0 text-primary' }, t('dashboard.treatments')),
          ]),
        ]),
        stateView(
          dashboard,
          (data) => {
            const upcoming = itemsOf(data.upcoming ?? data.upcoming_appointments)
            const triage = lastTriage(data)
            return h('div', { class: 'grid-2' }, [
              card(
                upcoming.length
                  ? h('ul', { class: 'cq-list' }, upcoming.map((a) => h('li', { key: a.id }, appointmentRow(a))))
                  : emptyBlock(t('dashboard.no_upcoming'), h(RouterLink, { to: '/patient/doctors', class: 'btn btn-primary btn-sm' }, () => t('dashboard.book_visit'))),
                { title: t('dashboard.upcoming'), testid: 'upcoming-appointments', headerActions: h(RouterLink, { to: '/patient/appointments', class: 'small' }, () => t('dashboard.all_appointments')) },
              ),
              card(
                triage
                  ? h('div', { 'data-testid': 'last-triage' }, [
                      h('div', { class: 'd-flex flex-wrap align-items-center gap-2 mb-2' }, [
                        urgencyBadge(triage.urgency),
                        triage.specialization ? h('span', { class: 'text-secondary', 'data-testid': 'last-triage-specialty' }, specializationName(triage)) : null,
                      ]),
                      triage.advice ? h('p', { class: 'mb-2' }, triage.advice) : null,
                      h('p', { class: 'small text-secondary mb-2' }, formatDateTime(triage.created_at)),
                      h(RouterLink, { to: `/patient/check/${triage.id}`, class: 'btn btn-outline-primary btn-sm' }, () => t('dashboard.full_result')),
                      h(RouterLink, { to: '/patient/check/history', class: 'btn btn-link btn-sm', 'data-testid': 'all-triage' }, () => t('dashboard.all_checks')),
                    ])
                  : emptyBlock(t('dashboard.no_check'), h(RouterLink, { to: '/patient/check', class: 'btn btn-primary btn-sm' }, () => t('dashboard.start_check'))),
                { title: t('dashboard.latest_check'), testid: 'latest-triage' },
              ),
            ])
          },
          { isEmpty: () => false },
        ),
      ])
    }
  },
}
