import { h, reactive, watch } from 'vue'
import { api } from '../api.js'
import { store } from '../store.js'
import PagerControls from '../components/PagerControls.js'
import { t } from '../i18n.js'
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
        title: t(active ? 'admin.patients.deactivate_title' : 'admin.patients.reactivate_title', { name: patient.full_name }),
        message: t(active ? 'admin.patients.deactivate_text' : 'admin.patients.reactivate_text'),
        confirmLabel: t(active ? 'admin.deactivate' : 'admin.reactivate'),
        danger: active,
      })
      if (!ok) return
      try {
        await api.post(`/admin/users/${userIdOf(patient)}/${active ? 'deactivate' : 'activate'}`)
        store.notify(t(active ? 'admin.patients.deactivated' : 'admin.patients.reactivated', { name: patient.full_name }))
        patients.reload()
      } catch (err) {
        store.notifyError(err)
      }
    }

    return () =>
      h('div', [
        pageHeader(t('admin.patients.title'), t('admin.patients.subtitle')),
        card([
          h('form', { class: 'filter-bar', role: 'search', onSubmit: (e) => e.preventDefault() }, [field(filters, 'q', { label: t('admin.patients.search'), type: 'search', idPrefix: 'patients' })]),
          stateView(
            patients,
            (list) =>
              h('div', [
                dataTable(
                  [
                    [t('admin.name'), (p) => h('span', { class: 'fw-semibold' }, p.full_name)],
                    [t('admin.email'), (p) => p.email || (p.user && p.user.email) || '—'],
                    [t('admin.phone'), (p) => p.phone || '—'],
                    [t('admin.date_of_birth'), (p) => h('span', { class: 'text-nowrap' }, p.date_of_birth ? formatBirthDate(p.date_of_birth) : '—')],
                    [t('admin.status'), (p) => statusBadge(isActive(p) ? 'active' : 'inactive')],
                    [
                      h('span', { class: 'visually-hidden' }, t('admin.actions')),
                      (p) =>
                        h(
                          'button',
                          { type: 'button', class: `btn btn-sm ${isActive(p) ? 'btn-outline-danger' : 'btn-outline-primary'}`, 'data-testid': `patient-toggle-${p.id}`, onClick: () => toggle(p) },
                          t(isActive(p) ? 'admin.deactivate' : 'admin.reactivate'),
                        ),
                    ],
                  ],
                  list,
                  { testid: 'patient-table', rowTestid: 'patient-row', caption: t('admin.patients.title') },
                ),
                h(PagerControls, { page: paging.page, perPage: paging.perPage, total: paging.total, onChange: goTo }),
              ]),
            { emptyText: t('admin.patients.empty') },
          ),
        ]),
      ])
  },
}
