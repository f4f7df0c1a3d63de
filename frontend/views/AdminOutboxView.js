import { h } from 'vue'
import { api } from '../api.js'
import PagerControls from '../components/PagerControls.js'
import { card, dataTable, formatDateTime, pageHeader, stateView, statusBadge, usePagedLoader } from '../components/ui.js'

export default {
  name: 'AdminOutboxView',
  props: {},
  setup() {
    const { loader: outbox, paging, goTo } = usePagedLoader((page) => api.get('/admin/outbox', page), 25)
    return () =>
      h('div', [
        pageHeader('Email', 'Every email the clinic sends, with its delivery status.', [h('button', { type: 'button', class: 'btn btn-outline-primary', 'data-testid': 'outbox-refresh', onClick: () => outbox.reload() }, 'Refresh')]),
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
                    ['Attempts', (m) => String(m.attempts ?? 0)],
                    ['Sent', (m) => (m.sent_at ? formatDateTime(m.sent_at) : '—')],
                    ['Last error', (m) => (m.last_error ? h('span', { class: 'text-danger small' }, m.last_error) : '—')],
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
