import { h, ref } from 'vue'
import { api } from '../api.js'
import PagerControls from '../components/PagerControls.js'
import { card, dataTable, definitionList, formatDateTime, pageHeader, stateView, statusBadge, useLoader, usePagedLoader } from '../components/ui.js'

export default {
  name: 'AdminOutboxView',
  props: {},
  setup() {
    const { loader: outbox, paging, goTo } = usePagedLoader((page) => api.get('/admin/outbox', page), 25)
    const openId = ref(null)
    const message = useLoader(async () => (openId.value ? (await api.get(`/admin/outbox/${openId.value}`)).email : null), { immediate: false })

    function open(row) {
      openId.value = row.id
      message.data = null
      message.reload().then(() => document.getElementById('email-message-title')?.focus())
    }

    function close() {
      const id = openId.value
      openId.value = null
      document.querySelector(`[data-testid='outbox-open-${id}']`)?.focus()
    }

    // One email as it was sent: who, when, the text and the attachments' names.
    function messagePanel() {
      if (!openId.value) return null
      return h('section', { class: 'card cq-card mb-4', 'data-testid': 'email-message', 'aria-labelledby': 'email-message-title' }, [
        h('div', { class: 'card-header d-flex align-items-center justify-content-between gap-2' }, [
          h('h2', { id: 'email-message-title', class: 'card-title h6 mb-0', tabindex: '-1' }, message.data ? message.data.subject : 'Email'),
          h('button', { type: 'button', class: 'btn btn-sm btn-outline-secondary', 'data-testid': 'email-message-close', onClick: close }, 'Close'),
        ]),
        h('div', { class: 'card-body' }, [
          stateView(
            message,
            (m) =>
              h('div', [
                definitionList([
                  ['To', m.recipient],
                  ['Status', statusBadge(m.status)],
                  ['Sent', m.sent_at ? formatDateTime(m.sent_at) : 'Not sent yet'],
                  ['Attempts', String(m.attempts ?? 0)],
                  ['Attachments', (m.attachments || []).map((a) => a.filename).filter(Boolean).join(', ')],
                  ['Last error', m.last_error],
                ]),
                h('pre', { class: 'email-body mt-3 mb-0', 'data-testid': 'email-message-body' }, m.body_text || ''),
              ]),
            { isEmpty: () => false, loadingText: 'Opening the email…' },
          ),
        ]),
      ])
    }

    return () =>
      h('div', [
        pageHeader('Email', 'Every email the clinic sends, with its delivery status.', [h('button', { type: 'button', class: 'btn btn-outline-primary', 'data-testid': 'outbox-refresh', onClick: () => outbox.reload() }, 'Refresh')]),
        messagePanel(),
        card(
          stateView(
            outbox,
            (list) =>
              h('div', [
                dataTable(
                  [
                    ['Kind', (m) => String(m.kind || '').replace(/_/g, ' ')],
                    ['To', (m) => m.recipient],
                    ['Subject', (m) => m.subject],
                    ['Status', (m) => statusBadge(m.status)],
                    ['Sent', (m) => h('span', { class: 'text-nowrap' }, m.sent_at ? formatDateTime(m.sent_at) : '—')],
                    ['Last error', (m) => (m.last_error ? h('span', { class: 'text-danger small' }, m.last_error) : '—')],
                    [
                      h('span', { class: 'visually-hidden' }, 'Open'),
                      (m) => h('button', { type: 'button', class: 'btn btn-sm btn-outline-primary', 'aria-label': `Open the email “${m.subject}” to ${m.recipient}`, 'data-testid': `outbox-open-${m.id}`, onClick: () => open(m) }, 'Open'),
                    ],
                  ],
                  list,
                  { testid: 'outbox-table', rowTestid: 'outbox-row', caption: 'Sent email' },
                ),
                h(PagerControls, { page: paging.page, perPage: paging.perPage, total: paging.total, onChange: goTo }),
              ]),
            { emptyText: 'No emails sent yet.' },
          ),
        ),
      ])
  },
}
