import { h, onBeforeUnmount } from 'vue'
import { api, jobDownloadUrl } from '../api.js'
import { t } from '../i18n.js'
import { card, formatDateTime, pageHeader, stateView, statusBadge, useLoader } from '../components/ui.js'

// The page an export's email links to: after a login, the file itself (or why it is not there).
export default {
  name: 'ExportDownloadView',
  props: { id: { type: [String, Number], required: true } },
  setup(props) {
    let timer = null
    const job = useLoader(async () => {
      const data = await api.get(`/api/jobs/${encodeURIComponent(props.id)}`)
      clearTimeout(timer)
      if (data.status === 'queued' || data.status === 'running') timer = setTimeout(() => job.reload(), 1500)
      return data
    })
    onBeforeUnmount(() => clearTimeout(timer))

    function body(data) {
      if (data.status === 'failed') return h('p', { class: 'text-danger mb-0' }, data.error || t('common.export_page.failed'))
      if (data.status !== 'done') return h('p', { class: 'mb-0', role: 'status' }, t('common.export_page.preparing', { progress: Number(data.progress) || 0 }))
      if (!data.rows_done) return h('p', { class: 'mb-0', 'data-testid': 'export-empty' }, t('common.export_page.empty'))
      return h('div', { class: 'd-flex flex-wrap align-items-center gap-3' }, [
        h('a', { class: 'btn btn-primary', href: jobDownloadUrl(data.id), download: '', 'data-testid': 'export-download' }, t('common.export_page.download')),
        h('span', { class: 'text-secondary' }, [t('common.export_page.rows', { count: data.rows_done }), data.expires_at ? t('common.export_page.until', { when: formatDateTime(data.expires_at) }) : ''].join('')),
      ])
    }

    return () =>
      h('div', [
        pageHeader(t('common.export_page.title'), t('common.export_page.subtitle')),
        stateView(
          job,
          (data) => card([h('p', { class: 'mb-3' }, [t('common.export_page.status'), statusBadge(data.status)]), body(data)], { testid: 'export-job' }),
          { isEmpty: () => false, loadingText: t('common.export_page.loading') },
        ),
      ])
  },
}
