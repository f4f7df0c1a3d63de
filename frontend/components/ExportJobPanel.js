import { h, onBeforeUnmount, ref } from 'vue'
import { api, jobDownloadUrl } from '../api.js'
import { store } from '../store.js'
import { statusBadge } from './ui.js'
import { localDigits, t } from '../i18n.js'

const FINISHED = new Set(['done', 'succeeded', 'success', 'completed', 'finished'])
const FAILED = new Set(['failed', 'error', 'cancelled'])

// Starts a CSV export, follows the job's progress, then offers the download.
export default {
  name: 'ExportJobPanel',
  // The button's words; the patient's "Export history (CSV)" when not given.
  props: { label: { type: String, default: '' } },
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
        store.notify(t('common.export.nothing'))
      } else if (FINISHED.has(status)) {
        store.notify(t('common.export.ready'))
      } else if (FAILED.has(status)) {
        store.notify(job.value.error || t('common.export.failed_retry'), 'danger')
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
        store.notify(t('common.export.started'))
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
          [starting.value || running ? h('span', { class: 'spinner-border spinner-border-sm me-2', 'aria-hidden': 'true' }) : null, props.label || t('common.export.label')],
        ),
        current
          ? h('div', { class: 'export-status', 'data-testid': 'export-status', 'data-status': current.status }, [
              statusBadge(current.status),
              running ? h('progress', { class: 'cq-progress', max: 100, value: progress, 'aria-label': t('common.export.progress') }, localDigits(`${progress}%`)) : null,
              running ? h('span', { class: 'small text-secondary' }, localDigits(`${progress}%`)) : null,
              FINISHED.has(current.status) && current.rows_done === 0
                ? h('span', { class: 'small text-secondary', 'data-testid': 'export-empty' }, t('common.export.none'))
                : FINISHED.has(current.status)
                ? h('a', { class: 'btn btn-success btn-sm', href: jobDownloadUrl(current.id), download: '', 'data-testid': 'export-download' }, t('common.export.download'))
                : null,
              FAILED.has(current.status) ? h('span', { class: 'text-danger small' }, current.error || t('common.export.failed')) : null,
            ])
          : null,
      ])
    }
  },
}
