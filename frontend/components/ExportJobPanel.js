import { h, onBeforeUnmount, ref } from 'vue'
import { api, jobDownloadUrl } from '../api.js'
import { store } from '../store.js'
import { statusBadge } from './ui.js'

const FINISHED = new Set(['done', 'succeeded', 'success', 'completed', 'finished'])
const FAILED = new Set(['failed', 'error', 'cancelled'])

// Starts a CSV export, follows the job's progress, then offers the download.
export default {
  name: 'ExportJobPanel',
  props: { label: { type: String, default: 'Export history (CSV)' } },
  setup(props) {
    const job = ref(null)
    const starting = ref(false)
    let timer = null

    async function poll(jobId) {
      try {
        job.value = await api.get(`/api/jobs/${jobId}`)
      } catch (error) {
        job.value = { id: jobId, status: 'failed', error: error.message }
      }
      const status = job.value.status
      if (FINISHED.has(status) && job.value.rows_done === 0) {
        store.notify('There was nothing to export yet, so no email was sent.')
      } else if (FINISHED.has(status)) {
        store.notify('Your export is ready to download. We also emailed it to you.')
      } else if (FAILED.has(status)) {
        store.notify(job.value.error || 'The export failed. Please try again.', 'danger')
      } else {
        timer = setTimeout(() => poll(jobId), 1200)
      }
    }

    async function startExport() {
      starting.value = true
      clearTimeout(timer)
      try {
        const data = await api.post('/api/export/treatments')
        const jobId = data.job_id ?? data.id
        job.value = { id: jobId, status: 'queued', progress: 0 }
        store.notify('Export started. This usually takes a few seconds.')
        poll(jobId)
      } catch (error) {
        store.notifyError(error)
      } finally {
        starting.value = false
      }
    }

    onBeforeUnmount(() => clearTimeout(timer))

    return () => {
      const current = job.value
      const running = current && !FINISHED.has(current.status) && !FAILED.has(current.status)
      const progress = Math.max(0, Math.min(100, Number(current && current.progress) || 0))
      return h('div', { class: 'export-panel', 'data-testid': 'export-panel' }, [
        h(
          'button',
          { type: 'button', class: 'btn btn-outline-primary', disabled: starting.value || running, 'data-testid': 'export-button', onClick: startExport },
          [starting.value || running ? h('span', { class: 'spinner-border spinner-border-sm me-2', 'aria-hidden': 'true' }) : null, props.label],
        ),
        current
          ? h('div', { class: 'export-status', 'data-testid': 'export-status', 'data-status': current.status }, [
              statusBadge(current.status),
              running ? h('progress', { class: 'cq-progress', max: 100, value: progress, 'aria-label': 'Export progress' }, `${progress}%`) : null,
              running ? h('span', { class: 'small text-secondary' }, `${progress}%`) : null,
              FINISHED.has(current.status) && current.rows_done === 0
                ? h('span', { class: 'small text-secondary', 'data-testid': 'export-empty' }, 'No treatments to export yet.')
                : FINISHED.has(current.status)
                ? h('a', { class: 'btn btn-success btn-sm', href: jobDownloadUrl(current.id), download: '', 'data-testid': 'export-download' }, 'Download CSV')
                : null,
              FAILED.has(current.status) ? h('span', { class: 'text-danger small' }, current.error || 'The export failed.') : null,
            ])
          : null,
      ])
    }
  },
}
