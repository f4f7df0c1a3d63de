import { h, reactive, watch } from 'vue'
import { api } from '../api.js'
import PagerControls from '../components/PagerControls.js'
import { card, dataTable, field, formatDateTime, pageHeader, stateView, usePagedLoader } from '../components/ui.js'

const ACTIONS = [
  { value: '', label: 'Any action' },
  { value: 'record', label: 'Records read' },
  { value: 'appointment', label: 'Appointments' },
  { value: 'user', label: 'Accounts and logins' },
  { value: 'user.login_failed', label: 'Failed logins' },
  { value: 'request.denied', label: 'Denied requests' },
  { value: 'export', label: 'Exports' },
  { value: 'patient', label: 'Patient records changed' },
  { value: 'doctor', label: 'Doctors' },
]

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
        pageHeader('Audit log', 'Who did what, and who read whose record. Rows cannot be changed or deleted.', [
          h('a', { href: csvUrl(), class: 'btn btn-outline-primary', 'data-testid': 'audit-csv', download: 'audit-log.csv' }, 'Download CSV'),
        ]),
        card([
          h('form', { class: 'filter-bar', onSubmit: (e) => e.preventDefault(), 'aria-label': 'Filter the audit log' }, [
            field(filters, 'action', { label: 'Action', type: 'select', choices: ACTIONS, idPrefix: 'audit' }),
            field(filters, 'patient_id', { label: 'Patient number', type: 'number', idPrefix: 'audit', min: 1 }),
            field(filters, 'actor_id', { label: 'Done by (user number)', type: 'number', idPrefix: 'audit', min: 1 }),
            field(filters, 'date_from', { label: 'From', type: 'date', idPrefix: 'audit' }),
            field(filters, 'date_to', { label: 'To', type: 'date', idPrefix: 'audit' }),
          ]),
          stateView(loader, (list) =>
            h('div', [
              dataTable([
                ['When', (r) => h('span', { class: 'text-nowrap' }, formatDateTime(r.at))],
                ['Who', (r) => (r.actor ? `${r.actor.name} (${r.actor.role})` : '—')],
                ['Action', (r) => h('code', r.action)],
                ['Record', (r) => r.target || '—'],
                ['Patient', (r) => (r.patient_id ? h('button', { type: 'button', class: 'btn btn-link btn-sm p-0', onClick: () => (filters.patient_id = String(r.patient_id)) }, `#${r.patient_id}`) : '—')],
                ['Address', (r) => r.ip || '—'],
                ['Details', (r) => h('span', { class: 'small text-secondary' }, details(r.details))],
              ], list, { testid: 'audit-table', rowTestid: 'audit-row', caption: 'Audit log' }),
              h(PagerControls, { page: paging.page, perPage: paging.perPage, total: paging.total, onChange: goTo }),
            ]), { emptyText: 'Nothing matches these filters.' }),
        ]),
      ])
  },
}
