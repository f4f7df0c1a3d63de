import { h } from 'vue'
import { api, jobDownloadUrl } from '../api.js'
import ExportJobPanel from '../components/ExportJobPanel.js'
import PagerControls from '../components/PagerControls.js'
import { card, dataTable, formatDateTime, pageHeader, stateView, statusBadge, usePagedLoader } from '../components/ui.js'

const FINISHED = new Set(['done', 'succeeded', 'success', 'completed', 'finished'])

export default {
  name: 'AdminJobsView',
  props: {},
  setup() {
    const { loader: jobs, paging, goTo } = usePagedLoader((page) => api.get('/admin/jobs', page), 25)
    return () =>
      h('div', [
        pageHeader('Jobs', 'Exports and other background work.', [h('button', { type: 'button', class: 'btn btn-outline-primary', 'data-testid': 'jobs-refresh', onClick: () => jobs.reload() }, 'Refresh')]),
        card([h('p', { class: 'text-secondary' }, 'Export every treatment in the clinic as CSV.'), h(ExportJobPanel, { label: 'Export all treatments (CSV)' })], { title: 'Export', extraClass: 'mb-4' }),
        card(
          stateView(
            jobs,
            (list) =>
              h('div', [
                dataTable(
                  [
                    ['Job', (j) => h('span', [h('span', { class: 'fw-semibold' }, String(j.kind || 'job').replace(/_/g, ' ')), ` #${j.id}`])],
                    ['Started by', (j) => (j.owner ? h('div', [h('div', j.owner.name), h('div', { class: 'small text-secondary' }, j.owner.role === 'patient' ? 'Patient' : j.owner.role === 'doctor' ? 'Doctor' : 'Admin')]) : '—')],
                    ['Status', (j) => statusBadge(j.status)],
                    ['Progress', (j) => (j.progress != null ? `${j.progress}%` : '—')],
                    ['Created', (j) => h('span', { class: 'text-nowrap' }, formatDateTime(j.created_at))],
                    ['Result', (j) => (FINISHED.has(j.status) && j.rows_done === 0 ? h('span', { class: 'text-secondary' }, 'No rows') : FINISHED.has(j.status) ? h('a', { href: jobDownloadUrl(j.id), download: '', 'data-testid': `job-download-${j.id}` }, 'Download') : j.error ? h('span', { class: 'text-danger small' }, j.error) : '—')],
                  ],
                  list,
                  { testid: 'job-table', rowTestid: 'job-row', caption: 'Jobs' },
                ),
                h(PagerControls, { page: paging.page, perPage: paging.perPage, total: paging.total, onChange: goTo }),
              ]),
            { emptyText: 'No jobs yet.' },
          ),
        ),
      ])
  },
}
