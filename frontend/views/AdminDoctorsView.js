import { h, reactive, ref, watch } from 'vue'
import { api, itemsOf } from '../api.js'
import { store } from '../store.js'
import PagerControls from '../components/PagerControls.js'
import { applyFieldErrors, breakableEmail, button, card, dataTable, doctorName, field, formAlert, formatMoney, pageHeader, specializationName, stateView, statusBadge, useLoader, usePagedLoader } from '../components/ui.js'

const EMPTY = { email: '', password: '', full_name: '', specialization_id: '', qualification: '', experience_years: '', fee: '' }

export default {
  name: 'AdminDoctorsView',
  props: {},
  setup() {
    const filters = reactive({ q: '', spec_id: '' })
    const form = reactive({ ...EMPTY })
    const errors = reactive({})
    const formError = ref(null)
    const saving = ref(false)
    const editingId = ref(null)
    const specializations = useLoader(async () => itemsOf(await api.get('/admin/specializations', { per_page: 100 }), 'specializations'))
    const { loader: doctors, paging, goTo } = usePagedLoader((page) => api.get('/admin/doctors', { ...page, q: filters.q.trim(), spec_id: filters.spec_id }))
    let debounce = null
    watch(() => [filters.q, filters.spec_id], () => {
      clearTimeout(debounce)
      debounce = setTimeout(() => goTo(1), 300)
    })

    function resetForm() {
      Object.assign(form, EMPTY)
      editingId.value = null
      applyFieldErrors(errors, null)
      formError.value = null
    }

    function edit(doctor) {
      editingId.value = doctor.id
      applyFieldErrors(errors, null)
      formError.value = null
      const spec = doctor.specialization
      Object.assign(form, {
        email: doctor.email || (doctor.user && doctor.user.email) || '',
        password: '',
        full_name: doctor.full_name || '',
        specialization_id: doctor.specialization_id ?? (spec && typeof spec === 'object' ? spec.id : ''),
        qualification: doctor.qualification || '',
        experience_years: doctor.experience_years ?? '',
        fee: doctor.fee ?? '',
      })
      document.getElementById('doctor-full-name')?.focus()
    }

    async function save(event) {
      event.preventDefault()
      saving.value = true
      formError.value = null
      applyFieldErrors(errors, null)
      const body = {
        full_name: form.full_name.trim(),
        specialization_id: form.specialization_id === '' ? null : Number(form.specialization_id),
        qualification: form.qualification.trim(),
        experience_years: form.experience_years === '' ? null : Number(form.experience_years),
        fee: form.fee === '' ? null : Number(form.fee),
      }
      if (!editingId.value) Object.assign(body, { email: form.email.trim(), password: form.password })
      try {
        if (editingId.value) {
          await api.put(`/admin/doctors/${editingId.value}`, body)
          store.notify(`${body.full_name} updated.`)
        } else {
          await api.post('/admin/doctors', body)
          store.notify(`${body.full_name} added. They can log in now.`)
        }
        resetForm()
        doctors.reload()
      } catch (err) {
        formError.value = err
        applyFieldErrors(errors, err)
      } finally {
        saving.value = false
      }
    }

    async function deactivate(doctor) {
      const ok = await store.confirm({
        title: `Deactivate ${doctorName(doctor)}?`,
        message: 'They can no longer log in or be booked. Their history is kept.',
        confirmLabel: 'Deactivate',
        danger: true,
      })
      if (!ok) return
      try {
        await api.delete(`/admin/doctors/${doctor.id}`)
        store.notify(`${doctorName(doctor)} deactivated.`)
        doctors.reload()
      } catch (err) {
        store.notifyError(err)
      }
    }

    async function reactivate(doctor) {
      try {
        await api.put(`/admin/doctors/${doctor.id}`, { is_active: true })
        store.notify(`${doctorName(doctor)} is active again: they can log in and be booked.`)
        doctors.reload()
      } catch (err) {
        store.notifyError(err)
      }
    }

    return () => {
      const specChoices = (specializations.data || []).map((s) => ({ value: s.id, label: s.name }))
      const opts = (extra) => ({ errors, idPrefix: 'doctor', ...extra })
      return h('div', [
        pageHeader('Doctors', 'Add doctors and keep their details current.'),
        h('div', { class: 'grid-form-list' }, [
          card(
            h('form', { novalidate: true, onSubmit: save, 'data-testid': 'doctor-form' }, [
              formAlert(formError.value),
              field(form, 'full_name', opts({ label: 'Full name', required: true })),
              editingId.value ? null : field(form, 'email', opts({ label: 'Email (login)', type: 'email', required: true, autocomplete: 'off' })),
              editingId.value ? null : field(form, 'password', opts({ label: 'Initial password', type: 'password', required: true, autocomplete: 'new-password', help: 'At least 8 characters.' })),
              field(form, 'specialization_id', opts({ label: 'Specialty', type: 'select', required: true, choices: [{ value: '', label: 'Choose a specialty' }, ...specChoices] })),
              field(form, 'qualification', opts({ label: 'Qualification', placeholder: 'e.g. MBBS, FCPS' })),
              h('div', { class: 'row g-2' }, [
                h('div', { class: 'col-6' }, field(form, 'experience_years', opts({ label: 'Years of experience', type: 'number', min: 0, max: 70 }))),
                h('div', { class: 'col-6' }, field(form, 'fee', opts({ label: 'Fee', type: 'number', min: 0, step: '0.01' }))),
              ]),
              h('div', { class: 'd-flex gap-2 flex-wrap' }, [
                button(editingId.value ? 'Save changes' : 'Add doctor', { type: 'submit', busy: saving.value, testid: 'doctor-submit' }),
                editingId.value ? button('Cancel', { variant: 'outline-secondary', onClick: resetForm, testid: 'doctor-cancel-edit' }) : null,
              ]),
            ]),
            { title: editingId.value ? 'Edit doctor' : 'Add a doctor', testid: 'doctor-form-card' },
          ),
          card(
            [
              h('div', { class: 'filter-bar' }, [
                field(filters, 'q', { label: 'Search', type: 'search', idPrefix: 'doctors-filter', placeholder: 'Name or email' }),
                field(filters, 'spec_id', { label: 'Specialty', type: 'select', idPrefix: 'doctors-filter', choices: [{ value: '', label: 'All' }, ...specChoices] }),
              ]),
              stateView(
                doctors,
                (list) =>
                  h('div', [
                    dataTable(
                      [
                        ['Doctor', (d) => h('div', [h('div', { class: 'fw-semibold' }, doctorName(d)), h('div', { class: 'small text-secondary' }, breakableEmail(d.email))])],
                        ['Specialty', (d) => h('div', [h('div', specializationName(d)), d.fee != null ? h('div', { class: 'small text-secondary text-nowrap' }, `Fee ${formatMoney(d.fee)}`) : null])],
                        ['Status', (d) => statusBadge(d.is_active === false ? 'inactive' : 'active')],
                        [
                          h('span', { class: 'visually-hidden' }, 'Actions'),
                          (d) =>
                            h('div', { class: 'd-flex gap-1 justify-content-end' }, [
                              h('button', { type: 'button', class: 'btn btn-sm btn-outline-primary', 'data-testid': `doctor-edit-${d.id}`, onClick: () => edit(d) }, 'Edit'),
                              d.is_active === false
                                ? h('button', { type: 'button', class: 'btn btn-sm btn-outline-success', 'data-testid': `doctor-reactivate-${d.id}`, onClick: () => reactivate(d) }, 'Reactivate')
                                : h('button', { type: 'button', class: 'btn btn-sm btn-outline-danger', 'data-testid': `doctor-deactivate-${d.id}`, onClick: () => deactivate(d) }, 'Deactivate'),
                            ]),
                        ],
                      ],
                      list,
                      { testid: 'doctor-table', rowTestid: 'doctor-row', caption: 'Doctors' },
                    ),
                    h(PagerControls, { page: paging.page, perPage: paging.perPage, total: paging.total, onChange: goTo }),
                  ]),
                { emptyText: 'No doctors match.' },
              ),
            ],
            { title: 'All doctors' },
          ),
        ]),
      ])
    }
  },
}
