import { h, reactive, ref, watch } from 'vue'
import { api, itemsOf } from '../api.js'
import { store } from '../store.js'
import PagerControls from '../components/PagerControls.js'
import { t } from '../i18n.js'
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
          store.notify(t('admin.updated', { name: body.full_name }))
        } else {
          await api.post('/admin/doctors', body)
          store.notify(t('admin.doctors.added', { name: body.full_name }))
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
        title: t('admin.doctors.deactivate_title', { name: doctorName(doctor) }),
        message: t('admin.doctors.deactivate_text'),
        confirmLabel: t('admin.deactivate'),
        danger: true,
      })
      if (!ok) return
      try {
        await api.delete(`/admin/doctors/${doctor.id}`)
        store.notify(t('admin.doctors.deactivated', { name: doctorName(doctor) }))
        doctors.reload()
      } catch (err) {
        store.notifyError(err)
      }
    }

    async function reactivate(doctor) {
      try {
        await api.put(`/admin/doctors/${doctor.id}`, { is_active: true })
        store.notify(t('admin.doctors.reactivated', { name: doctorName(doctor) }))
        doctors.reload()
      } catch (err) {
        store.notifyError(err)
      }
    }

    return () => {
      const specChoices = (specializations.data || []).map((s) => ({ value: s.id, label: s.name }))
      const opts = (extra) => ({ errors, idPrefix: 'doctor', ...extra })
      return h('div', [
        pageHeader(t('admin.doctors.title'), t('admin.doctors.subtitle')),
        h('div', { class: 'grid-form-list' }, [
          card(
            h('form', { novalidate: true, onSubmit: save, 'data-testid': 'doctor-form' }, [
              formAlert(formError.value),
              field(form, 'full_name', opts({ label: t('admin.full_name'), required: true })),
              editingId.value ? null : field(form, 'email', opts({ label: t('admin.doctors.email_login'), type: 'email', required: true, autocomplete: 'off' })),
              editingId.value ? null : field(form, 'password', opts({ label: t('admin.doctors.initial_password'), type: 'password', required: true, autocomplete: 'new-password', help: t('admin.doctors.password_help') })),
              field(form, 'specialization_id', opts({ label: t('admin.specialty'), type: 'select', required: true, choices: [{ value: '', label: t('admin.doctors.choose_specialty') }, ...specChoices] })),
              field(form, 'qualification', opts({ label: t('admin.doctors.qualification'), placeholder: t('admin.doctors.qualification_example') })),
              h('div', { class: 'row g-2' }, [
                h('div', { class: 'col-6' }, field(form, 'experience_years', opts({ label: t('admin.doctors.experience'), type: 'number', min: 0, max: 70 }))),
                h('div', { class: 'col-6' }, field(form, 'fee', opts({ label: t('admin.doctors.fee'), type: 'number', min: 0, step: '0.01' }))),
              ]),
              h('div', { class: 'd-flex gap-2 flex-wrap' }, [
                button(editingId.value ? t('admin.save_changes') : t('admin.doctors.add'), { type: 'submit', busy: saving.value, testid: 'doctor-submit' }),
                editingId.value ? button(t('admin.cancel'), { variant: 'outline-secondary', onClick: resetForm, testid: 'doctor-cancel-edit' }) : null,
              ]),
            ]),
            { title: editingId.value ? t('admin.doctors.edit_title') : t('admin.doctors.add_title'), testid: 'doctor-form-card' },
          ),
          card(
            [
              h('div', { class: 'filter-bar' }, [
                field(filters, 'q', { label: t('admin.doctors.search'), type: 'search', idPrefix: 'doctors-filter', placeholder: t('admin.doctors.search_placeholder') }),
                field(filters, 'spec_id', { label: t('admin.specialty'), type: 'select', idPrefix: 'doctors-filter', choices: [{ value: '', label: t('admin.doctors.all') }, ...specChoices] }),
              ]),
              stateView(
                doctors,
                (list) =>
                  h('div', [
                    dataTable(
                      [
                        [t('admin.doctor'), (d) => h('div', [h('div', { class: 'fw-semibold' }, doctorName(d)), h('div', { class: 'small text-secondary' }, breakableEmail(d.email))])],
                        [t('admin.specialty'), (d) => h('div', [h('div', specializationName(d)), d.fee != null ? h('div', { class: 'small text-secondary text-nowrap' }, t('admin.doctors.fee_amount', { fee: formatMoney(d.fee) })) : null])],
                        [t('admin.status'), (d) => statusBadge(d.is_active === false ? 'inactive' : 'active')],
                        [
                          h('span', { class: 'visually-hidden' }, t('admin.actions')),
                          (d) =>
                            h('div', { class: 'd-flex gap-1 justify-content-end' }, [
                              h('button', { type: 'button', class: 'btn btn-sm btn-outline-primary', 'data-testid': `doctor-edit-${d.id}`, onClick: () => edit(d) }, t('admin.edit')),
                              d.is_active === false
                                ? h('button', { type: 'button', class: 'btn btn-sm btn-outline-success', 'data-testid': `doctor-reactivate-${d.id}`, onClick: () => reactivate(d) }, t('admin.reactivate'))
                                : h('button', { type: 'button', class: 'btn btn-sm btn-outline-danger', 'data-testid': `doctor-deactivate-${d.id}`, onClick: () => deactivate(d) }, t('admin.deactivate')),
                            ]),
                        ],
                      ],
                      list,
                      { testid: 'doctor-table', rowTestid: 'doctor-row', caption: t('admin.doctors.title') },
                    ),
                    h(PagerControls, { page: paging.page, perPage: paging.perPage, total: paging.total, onChange: goTo }),
                  ]),
                { emptyText: t('admin.doctors.empty') },
              ),
            ],
            { title: t('admin.doctors.list_title') },
          ),
        ]),
      ])
    }
  },
}
