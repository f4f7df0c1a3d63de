import { h, reactive, watch } from 'vue'
import { api } from '../api.js'
import { store } from '../store.js'
import PagerControls from '../components/PagerControls.js'
import { card, dataTable, field, formatBirthDate, pageHeader, stateView, statusBadge, usePagedLoader } from '../components/ui.js'

export default {
  name: 'AdminPatientsView',
  props: {},
  setup() {
    const filters = reactive({ q: '' })
    const { loader: patients, paging, goTo } = usePagedLoader((page) => api.get('/admin/patients', { ...page, q: filters.q.trim() }))
    let debounce = null
    watch(() => filters.q, () => {
      clearTimeout(debounce)
      debounce = setTimeout(() => goTo(1), 300)
    })

    const userIdOf = (p) => p.user_id ?? (p.user && p.user.id) ?? p.id
    const isActive = (p) => (p.is_active ?? (p.user && p.user.is_active)) !== false

    async function toggle(patient) {
      const active = isActive(patient)
      const ok = await store.confirm({
        title: `${active ? 'Deactivate' : 'Reactivate'} ${patient.full_name}?`,
        message: active ? 'They are logged out everywhere and cannot log in until reactivated.' : 'They can log in and book again.',
        confirmLabel: active ? 'Deactivate' : 'Reactivate',
        danger: active,
      })
      if (!ok) return
      try {
        await api.post(`/admin/users/${userIdOf(patient)}/${active ? 'deactivate' : 'activate'}`)
        store.notify(`${patient.full_name} ${active ? 'deactivated' : 'reactivated'}.`)
        patients.reload()
      } catch (err) {
        store.notifyError(err)
      }
    }

    return () =>
      h('div', [
        pageHeader('Patients', 'Search patients and manage their access.'),
        card([
          h('form', { class: 'filter-bar', role: 'search', onSubmit: (e) => e.preventDefault() }, [field(filters, 'q', { label: 'Search by name, email or phone', type: 'search', idPrefix: 'patients' })]),
          stateView(
            patients,
            (list) =>
              h('div', [
                dataTable(
                  [
                    ['Name', (p) => h('span', { class: 'fw-semibold' }, p.full_name)],
                    ['Email', (p) => p.email || (p.user && p.user.email) || '—'],
                    ['Phone', (p) => p.phone || '—'],
                    ['Date of birth', (p) => h('span', { class: 'text-nowrap' }, p.date_of_birth ? formatBirthDate(p.date_of_birth) : '—')],
                    ['Status', (p) => statusBadge(isActive(p) ? 'active' : 'inactive')],
                    [
                      h('span', { class: 'visually-hidden' }, 'Actions'),
                      (p) =>
                        h(
                          'button',
                          { type: 'button', class: `btn btn-sm ${isActive(p) ? 'btn-outline-danger' : 'btn-outline-primary'}`, 'data-testid': `patient-toggle-${p.id}`, onClick: () => toggle(p) },
                          isActive(p) ? 'Deactivate' : 'Reactivate',
                        ),
                    ],
                  ],
                  list,
                  { testid: 'patient-table', rowTestid: 'patient-row', caption: 'Patients' },
                ),
                h(PagerControls, { page: paging.page, perPage: paging.perPage, total: paging.total, onChange: goTo }),
              ]),
            { emptyText: 'No patients match your search.' },
          ),
        ]),
      ])
  },
}
