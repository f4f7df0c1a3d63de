import { RouterLink } from 'vue-router'
import { h } from 'vue'
import { api } from '../api.js'
import ChartPanel from '../components/ChartPanel.js'
import { card, formatDate, pageHeader, stateView, useLoader } from '../components/ui.js'

const TOTAL_LABELS = {
  patients: 'Patients',
  doctors: 'Doctors',
  appointments: 'Appointments',
  specializations: 'Specialties',
  today: 'Today',
  upcoming: 'Upcoming',
  completed: 'Completed',
  cancelled: 'Cancelled',
  no_show: 'No-shows',
  treatments: 'Treatments',
  triage: 'Symptom checks',
}

function series(list, labelKey) {
  const rows = Array.isArray(list) ? list : []
  return {
    labels: rows.map((row) => (labelKey === 'date' ? formatDate(row.date, { day: 'numeric', month: 'short' }) : row[labelKey] ?? row.specialization ?? row.label ?? '')),
    data: rows.map((row) => Number(row.count ?? row.value ?? 0)),
  }
}

function percent(value) {
  const number = Number(value) || 0
  return number <= 1 ? Math.round(number * 1000) / 10 : Math.round(number * 10) / 10
}

export default {
  name: 'AdminDashboardView',
  props: {},
  setup() {
    const dashboard = useLoader(() => api.get('/admin/dashboard'))

    function chartCard(title, testid, list, labelKey, type, extra = {}) {
      const { labels, data } = series(list, labelKey)
      return card(
        labels.length
          ? h(ChartPanel, { type, labels, datasets: [{ label: 'Appointments', data }], title, testid, ...extra })
          : h('div', { class: 'state-block', 'data-testid': `${testid}-empty` }, 'No data yet.'),
        { title },
      )
    }

    return () =>
      h('div', [
        pageHeader('Clinic dashboard', 'Bookings, outcomes and the week ahead.', [h(RouterLink, { to: '/admin/audit', class: 'btn btn-outline-secondary', 'data-testid': 'open-audit' }, () => 'Audit log'), h('button', { type: 'button', class: 'btn btn-outline-primary', 'data-testid': 'dashboard-refresh', onClick: () => dashboard.reload() }, 'Refresh')]),
        stateView(
          dashboard,
          (data) => {
            const totals = data.totals || data.counts || {}
            const rates = data.rates || {}
            const rateLabels = ['Completed', 'Cancelled', 'No-show']
            const rateValues = [percent(rates.completion ?? rates.completed), percent(rates.cancellation ?? rates.cancelled), percent(rates.no_show)]
            return h('div', { class: 'stack' }, [
              h(
                'div',
                { class: 'grid-3', 'data-testid': 'admin-totals' },
                Object.entries(totals)
                  .filter(([, value]) => typeof value === 'number')
                  .map(([key, value]) =>
                    h('div', { key, class: 'stat-card', 'data-testid': `total-${key}` }, [h('p', { class: 'stat-label' }, TOTAL_LABELS[key] || key.replace(/_/g, ' ')), h('p', { class: 'stat-value' }, String(value))]),
                  ),
              ),
              h('div', { class: 'grid-2' }, [
                chartCard('Appointments per day', 'chart-per-day', data.appointments_per_day, 'date', 'line'),
                chartCard('Appointments by specialty', 'chart-by-specialization', data.by_specialization, 'name', 'bar', { horizontal: true }),
                card(
                  h('div', [
                    h(ChartPanel, { type: 'doughnut', labels: rateLabels, datasets: [{ label: 'Share of appointments (%)', data: rateValues }], title: 'Appointment outcomes (%)', testid: 'chart-rates' }),
                    h(
                      'ul',
                      { class: 'list-inline mt-3 mb-0 small' },
                      rateLabels.map((label, i) => h('li', { key: label, class: 'list-inline-item me-3' }, [h('strong', `${rateValues[i]}%`), ` ${label.toLowerCase()}`])),
                    ),
                  ]),
                  { title: 'Outcome rates' },
                ),
                chartCard('Booked in the next 7 days', 'chart-next-7-days', data.next_7_days ?? data.upcoming_load, 'date', 'bar'),
              ]),
            ])
          },
          { isEmpty: () => false, loadingText: 'Loading dashboard…' },
        ),
      ])
  },
}
