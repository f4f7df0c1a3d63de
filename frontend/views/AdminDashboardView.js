import { RouterLink } from 'vue-router'
import { h } from 'vue'
import { api } from '../api.js'
import ChartPanel from '../components/ChartPanel.js'
import { card, formatDate, pageHeader, stateView, useLoader } from '../components/ui.js'
import { formatNumber, t } from '../i18n.js'

// The totals the dashboard knows a name for; any other is shown by its key.
const TOTAL_KEYS = new Set(['patients', 'doctors', 'appointments', 'specializations', 'today', 'upcoming', 'completed', 'cancelled', 'no_show', 'treatments', 'triage'])
const totalLabel = (key) => (TOTAL_KEYS.has(key) ? t(`admin.dashboard.total.${key}`) : key.replace(/_/g, ' '))
const RATES = ['completed', 'cancelled', 'no_show']

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
      const labelHeading = t(labelKey === 'date' ? 'admin.dashboard.date' : 'admin.specialty')
      const { labels, data } = series(list, labelKey)
      return card(
        labels.length
          ? h(ChartPanel, { type, labels, datasets: [{ label: t('admin.dashboard.series'), data }], title, testid, labelHeading, ...extra })
          : h('div', { class: 'state-block', 'data-testid': `${testid}-empty` }, t('admin.dashboard.no_data')),
        { title },
      )
    }

    return () =>
      h('div', [
        pageHeader(t('admin.dashboard.title'), t('admin.dashboard.subtitle'), [h(RouterLink, { to: '/admin/audit', class: 'btn btn-outline-secondary', 'data-testid': 'open-audit' }, () => t('admin.dashboard.audit_log')), h('button', { type: 'button', class: 'btn btn-outline-primary', 'data-testid': 'dashboard-refresh', onClick: () => dashboard.reload() }, t('admin.refresh'))]),
        stateView(
          dashboard,
          (data) => {
            const totals = data.totals || data.counts || {}
            const rates = data.rates || {}
            const rateLabels = RATES.map((rate) => t(`admin.dashboard.rate.${rate}`))
            const rateValues = [percent(rates.completion ?? rates.completed), percent(rates.cancellation ?? rates.cancelled), percent(rates.no_show)]
            return h('div', { class: 'stack' }, [
              h(
                'div',
                { class: 'grid-3', 'data-testid': 'admin-totals' },
                Object.entries(totals)
                  .filter(([, value]) => typeof value === 'number')
                  .map(([key, value]) =>
                    h('div', { key, class: 'stat-card', 'data-testid': `total-${key}` }, [h('p', { class: 'stat-label' }, totalLabel(key)), h('p', { class: 'stat-value' }, formatNumber(value))]),
                  ),
              ),
              h('div', { class: 'grid-2' }, [
                chartCard(t('admin.dashboard.per_day'), 'chart-per-day', data.appointments_per_day, 'date', 'line'),
                chartCard(t('admin.dashboard.by_specialty'), 'chart-by-specialization', data.by_specialization, 'name', 'bar', { horizontal: true }),
                card(
                  h('div', [
                    h(ChartPanel, { type: 'doughnut', labels: rateLabels, datasets: [{ label: t('admin.dashboard.share'), data: rateValues }], title: t('admin.dashboard.outcomes_chart'), testid: 'chart-rates', labelHeading: t('admin.dashboard.outcome') }),
                    h(
                      'ul',
                      { class: 'list-inline mt-3 mb-0 small' },
                      rateLabels.map((label, i) => h('li', { key: label, class: 'list-inline-item me-3' }, [h('strong', `${formatNumber(rateValues[i])}%`), ` ${label.toLowerCase()}`])),
                    ),
                  ]),
                  { title: t('admin.dashboard.outcome_rates') },
                ),
                chartCard(t('admin.dashboard.next_days', { days: 7 }), 'chart-next-7-days', data.next_7_days ?? data.upcoming_load, 'date', 'bar'),
              ]),
            ])
          },
          { isEmpty: () => false, loadingText: t('admin.dashboard.loading') },
        ),
      ])
  },
}
