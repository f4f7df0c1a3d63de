import { h } from 'vue'
import { api, jobDownloadUrl } from '../api.js'
import ExportJobPanel from '../components/ExportJobPanel.js'
import PagerControls from '../components/PagerControls.js'
import { CATALOGUES, formatNumber, t } from '../i18n.js'
import { card, dataTable, formatDateTime, pageHeader, stateView, statusBadge, usePagedLoader } from '../components/ui.js'

const FINISHED = new Set(['done', 'succeeded', 'success', 'completed', 'finished'])
const ROLES = new Set(['admin', 'doctor', 'patient'])
// A job's kind in words when the catalogue has them, else its name with spaces.
const kindLabel = (kind) => {
  const key = `admin.jobs.kind.${kind}`
  return key in CATALOGUES.en ? t(key) : String(kind || 'job').replace(/_/g, ' ')
}

export default {
  name: 'AdminJobsView',
  props: {},
  setup() {
    const { loader: jobs, paging, goTo } = usePagedLoader((page) => api.get('/admin/jobs', page), 25)
    return () =>
      h('div', [
        pageHeader(t('admin.jobs.title'), t('admin.jobs.subtitle'), [h('button', { type: 'button', class: 'btn btn-outline-primary', 'data-testid': 'jobs-refresh', onClick: () => jobs.reload() }, t('admin.refresh'))]),
        card([h('p', { class: 'text-secondary' }, t('admin.jobs.export_text')), h(ExportJobPanel, { label: t('admin.jobs.export_button') })], { title: t('admin.jobs.export_title'), extraClass: 'mb-4' }),
        card(
          stateView(
            jobs,
            (list) =>
              h('div', [
                dataTable(
                  [
                    [t('admin.jobs.job'), (j) => h('span', [h('span', { class: 'fw-semibold' }, kindLabel(j.kind)), ` #${formatNumber(j.id, { useGrouping: false })}`])],
                    [t('admin.jobs.started_by'), (j) => (j.owner ? h('div', [h('div', j.owner.name), h('div', { class: 'small text-secondary' }, t(`admin.role.${ROLES.has(j.owner.role) ? j.owner.role : 'admin'}`))]) : '—')],
                    [t('admin.status'), (j) => statusBadge(j.status)],
                    [t('admin.jobs.progress'), (j) => (j.progress != null ? `${formatNumber(j.progress)}%` : '—')],
                    [t('admin.jobs.created'), (j) => h('span', { class: 'text-nowrap' }, formatDateTime(j.created_at))],
                    [t('admin.jobs.result'), (j) => (FINISHED.has(j.status) && j.rows_done === 0 ? h('span', { class: 'text-secondary' }, t('admin.jobs.no_rows')) : FINISHED.has(j.status) ? h('a', { href: jobDownloadUrl(j.id), download: '', 'data-testid': `job-download-${j.id}` }, t('admin.jobs.download')) : j.error ? h('span', { class: 'text-danger small' }, j.error) : '—')],
                  ],
                  list,
                  { testid: 'job-table', rowTestid: 'job-row', caption: t('admin.jobs.title') },
                ),
                h(PagerControls, { page: paging.page, perPage: paging.perPage, total: paging.total, onChange: goTo }),
              ]),
            { emptyText: t('admin.jobs.empty') },
          ),
        ),
      ])
  },
}
