import { h, ref } from 'vue'
import { api } from '../api.js'
import PagerControls from '../components/PagerControls.js'
import { CATALOGUES, formatNumber, t } from '../i18n.js'
import { card, dataTable, definitionList, formatDateTime, pageHeader, stateView, statusBadge, useLoader, usePagedLoader } from '../components/ui.js'

// An email's kind in words when the catalogue has them, else its name with spaces.
function kindLabel(kind) {
  const key = `admin.outbox.kind.${kind}`
  return key in CATALOGUES.en ? t(key) : String(kind || '').replace(/_/g, ' ')
}

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
          h('h2', { id: 'email-message-title', class: 'card-title h6 mb-0', tabindex: '-1' }, message.data ? message.data.subject : t('admin.outbox.email')),
          h('button', { type: 'button', class: 'btn btn-sm btn-outline-secondary', 'data-testid': 'email-message-close', onClick: close }, t('admin.outbox.close')),
        ]),
        h('div', { class: 'card-body' }, [
          stateView(
            message,
            (m) =>
              h('div', [
                definitionList([
                  [t('admin.outbox.to'), m.recipient],
                  [t('admin.status'), statusBadge(m.status)],
                  [t('admin.outbox.sent'), m.sent_at ? formatDateTime(m.sent_at) : t('admin.outbox.not_sent')],
                  [t('admin.outbox.attempts'), formatNumber(m.attempts ?? 0)],
                  [t('admin.outbox.attachments'), (m.attachments || []).map((a) => a.filename).filter(Boolean).join(', ')],
                  [t('admin.outbox.last_error'), m.last_error],
                ]),
                h('pre', { class: 'email-body mt-3 mb-0', 'data-testid': 'email-message-body' }, m.body_text || ''),
              ]),
            { isEmpty: () => false, loadingText: t('admin.outbox.opening') },
          ),
        ]),
      ])
    }

    return () =>
      h('div', [
        pageHeader(t('admin.outbox.title'), t('admin.outbox.subtitle'), [h('button', { type: 'button', class: 'btn btn-outline-primary', 'data-testid': 'outbox-refresh', onClick: () => outbox.reload() }, t('admin.refresh'))]),
        messagePanel(),
        card(
          stateView(
            outbox,
            (list) =>
              h('div', [
                dataTable(
                  [
                    [t('admin.outbox.kind'), (m) => kindLabel(m.kind)],
                    [t('admin.outbox.to'), (m) => m.recipient],
                    [t('admin.outbox.subject'), (m) => m.subject],
                    [t('admin.status'), (m) => statusBadge(m.status)],
                    [t('admin.outbox.sent'), (m) => h('span', { class: 'text-nowrap' }, m.sent_at ? formatDateTime(m.sent_at) : '—')],
                    [t('admin.outbox.last_error'), (m) => (m.last_error ? h('span', { class: 'text-danger small' }, m.last_error) : '—')],
                    [
                      h('span', { class: 'visually-hidden' }, t('admin.open')),
                      (m) => h('button', { type: 'button', class: 'btn btn-sm btn-outline-primary', 'aria-label': t('admin.outbox.open_label', { subject: m.subject, recipient: m.recipient }), 'data-testid': `outbox-open-${m.id}`, onClick: () => open(m) }, t('admin.open')),
                    ],
                  ],
                  list,
                  { testid: 'outbox-table', rowTestid: 'outbox-row', caption: t('admin.outbox.caption') },
                ),
                h(PagerControls, { page: paging.page, perPage: paging.perPage, total: paging.total, onChange: goTo }),
              ]),
            { emptyText: t('admin.outbox.empty') },
          ),
        ),
      ])
  },
}
