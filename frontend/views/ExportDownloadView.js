import { h, onBeforeUnmount } from 'vue'
import { api, jobDownloadUrl } from '../api.js'
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
      if (data.status === 'failed') return h('p', { class: 'text-danger mb-0' }, data.error || 'This export failed. Please start a new one.')
      if (data.status !== 'done') return h('p', { class: 'mb-0', role: 'status' }, `Preparing your file… ${data.progress ?? 0}%`)
      if (!data.rows_done) return h('p', { class: 'mb-0', 'data-testid': 'export-empty' }, 'There were no treatments to export, so the file is empty.')
      return h('div', { class: 'd-flex flex-wrap align-items-center gap-3' }, [
        h('a', { class: 'btn btn-primary', href: jobDownloadUrl(data.id), download: '', 'data-testid': 'export-download' }, 'Download the CSV'),
        h('span', { class: 'text-secondary' }, `${data.rows_done} rows${data.expires_at ? ` · available until ${formatDateTime(data.expires_at)}` : ''}`),
      ])
    }

    return () =>
      h('div', [
        pageHeader('Your export', 'Treatment history as a CSV file, for a spreadsheet.'),
        stateView(
          job,
          (data) => card([h('p', { class: 'mb-3' }, ['Status: ', statusBadge(data.status)]), body(data)], { testid: 'export-job' }),
          { isEmpty: () => false, loadingText: 'Loading your export…' },
        ),
      ])
  },
}
