import { h, reactive, watch } from 'vue'
import { api } from '../api.js'
import PagerControls from '../components/PagerControls.js'
import { formatNumber, t } from '../i18n.js'
import { card, dataTable, field, formatDateTime, pageHeader, stateView, usePagedLoader } from '../components/ui.js'

// The action filter: a prefix of the recorded action and the message naming it.
const ACTIONS = [
  ['', 'admin.audit.any_action'],
  ['record', 'admin.audit.filter.record'],
  ['appointment', 'admin.audit.filter.appointment'],
  ['user', 'admin.audit.filter.user'],
  ['user.login_failed', 'admin.audit.filter.login_failed'],
  ['request.denied', 'admin.audit.filter.denied'],
  ['export', 'admin.audit.filter.export'],
  ['patient', 'admin.audit.filter.patient'],
  ['doctor', 'admin.audit.filter.doctor'],
]
const ROLES = new Set(['admin', 'doctor', 'patient'])
// In brackets after the name, in lower case: "Nusrat Jahan (admin)".
const roleLabel = (role) => (ROLES.has(role) ? t(`admin.role.${role}`).toLowerCase() : role)

// Who did what, and who read whose record. Rows can be read and exported, never changed.
export default {
  name: 'AdminAuditView',
  props: {},
  setup() {
    const filters = reactive({ actor_id: '', patient_id: '', action: '', date_from: '', date_to: '' })
    const { loader, paging, goTo } = usePagedLoader((page) => api.get('/admin/audit', { ...page, ...filters }), 50)
    watch(() => ({ ...filters }), () => goTo(1))
    const csvUrl = () => `/admin/audit/download?${new URLSearchParams(Object.entries(filters).filter(([, v]) => v)).toString()}`
    const details = (d) => Object.entries(d || {}).map(([k, v]) => `${k}: ${v}`).join(', ')

    return () =>
      h('div', [
        pageHeader(t('admin.audit.title'), t('admin.audit.subtitle'), [
          h('a', { href: csvUrl(), class: 'btn btn-outline-primary', 'data-testid': 'audit-csv', download: 'audit-log.csv' }, t('admin.audit.download')),
        ]),
        card([
          h('form', { class: 'filter-bar', onSubmit: (e) => e.preventDefault(), 'aria-label': t('admin.audit.filter') }, [
            field(filters, 'action', { label: t('admin.audit.action'), type: 'select', choices: ACTIONS.map(([value, key]) => ({ value, label: t(key) })), idPrefix: 'audit' }),
            field(filters, 'patient_id', { label: t('admin.audit.patient_number'), type: 'number', idPrefix: 'audit', min: 1 }),
            field(filters, 'actor_id', { label: t('admin.audit.actor_number'), type: 'number', idPrefix: 'audit', min: 1 }),
            field(filters, 'date_from', { label: t('admin.from'), type: 'date', idPrefix: 'audit' }),
            field(filters, 'date_to', { label: t('admin.to'), type: 'date', idPrefix: 'audit' }),
          ]),
          stateView(loader, (list) =>
            h('div', [
              dataTable([
                [t('admin.when'), (r) => h('span', { class: 'text-nowrap' }, formatDateTime(r.at))],
                [t('admin.audit.who'), (r) => (r.actor ? `${r.actor.name} (${roleLabel(r.actor.role)})` : '—')],
                [t('admin.audit.action'), (r) => h('code', r.action)],
                [t('admin.audit.record'), (r) => r.target || '—'],
                [t('admin.patient'), (r) => (r.patient_id ? h('button', { type: 'button', class: 'btn btn-link btn-sm p-0', onClick: () => (filters.patient_id = String(r.patient_id)) }, `#${formatNumber(r.patient_id, { useGrouping: false })}`) : '—')],
                [t('admin.audit.address'), (r) => r.ip || '—'],
                [t('admin.audit.details'), (r) => h('span', { class: 'small text-secondary' }, details(r.details))],
              ], list, { testid: 'audit-table', rowTestid: 'audit-row', caption: t('admin.audit.title') }),
              h(PagerControls, { page: paging.page, perPage: paging.perPage, total: paging.total, onChange: goTo }),
            ]), { emptyText: t('admin.audit.empty') }),
        ]),
      ])
  },
}
