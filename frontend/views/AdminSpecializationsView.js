import { h, reactive, ref } from 'vue'
import { api, itemsOf } from '../api.js'
import { store } from '../store.js'
import { applyFieldErrors, button, card, dataTable, field, formAlert, pageHeader, stateView, useLoader } from '../components/ui.js'

export default {
  name: 'AdminSpecializationsView',
  props: {},
  setup() {
    const form = reactive({ name: '', description: '' })
    const errors = reactive({})
    const formError = ref(null)
    const saving = ref(false)
    const editingId = ref(null)
    const specs = useLoader(async () => itemsOf(await api.get('/admin/specializations', { per_page: 100 }), 'specializations'))

    function resetForm() {
      Object.assign(form, { name: '', description: '' })
      editingId.value = null
      applyFieldErrors(errors, null)
      formError.value = null
    }

    async function save(event) {
      event.preventDefault()
      formError.value = null
      applyFieldErrors(errors, null)
      if (!form.name.trim()) {
        errors.name = 'Enter a name.'
        return
      }
      saving.value = true
      const body = { name: form.name.trim(), description: form.description.trim() }
      try {
        if (editingId.value) {
          await api.put(`/admin/specializations/${editingId.value}`, body)
          store.notify(`${body.name} updated.`)
        } else {
          await api.post('/admin/specializations', body)
          store.notify(`${body.name} added.`)
        }
        resetForm()
        specs.reload()
      } catch (err) {
        formError.value = err
        applyFieldErrors(errors, err)
      } finally {
        saving.value = false
      }
    }

    function edit(spec) {
      // A problem shown for the previous row (e.g. a duplicate name) does not belong to this one.
      applyFieldErrors(errors, null)
      formError.value = null
      editingId.value = spec.id
      Object.assign(form, { name: spec.name || '', description: spec.description || '' })
      document.getElementById('spec-name')?.focus()
    }

    async function remove(spec) {
      const ok = await store.confirm({ title: `Delete ${spec.name}?`, message: 'This is only possible while no doctor uses this specialty.', confirmLabel: 'Delete', danger: true })
      if (!ok) return
      try {
        await api.delete(`/admin/specializations/${spec.id}`)
        store.notify(`${spec.name} deleted.`)
        specs.reload()
      } catch (err) {
        store.notifyError(err)
      }
    }

    return () =>
      h('div', [
        pageHeader('Specialties', 'The specialties patients can search and the symptom check can recommend.'),
        h('div', { class: 'grid-form-list' }, [
          card(
            h('form', { novalidate: true, onSubmit: save, 'data-testid': 'spec-form' }, [
              formAlert(formError.value),
              field(form, 'name', { label: 'Name', errors, idPrefix: 'spec', required: true }),
              field(form, 'description', { label: 'Description', type: 'textarea', rows: 3, errors, idPrefix: 'spec' }),
              h('div', { class: 'd-flex gap-2' }, [
                button(editingId.value ? 'Save changes' : 'Add specialty', { type: 'submit', busy: saving.value, testid: 'spec-submit' }),
                editingId.value ? button('Cancel', { variant: 'outline-secondary', onClick: resetForm }) : null,
              ]),
            ]),
            { title: editingId.value ? 'Edit specialty' : 'Add a specialty' },
          ),
          card(
            stateView(
              specs,
              (list) =>
                dataTable(
                  [
                    ['Name', (s) => h('span', { class: 'fw-semibold' }, s.name)],
                    ['Description', (s) => s.description || '—'],
                    ['Doctors', (s) => String(s.doctor_count ?? s.doctors ?? '—')],
                    [
                      h('span', { class: 'visually-hidden' }, 'Actions'),
                      (s) =>
                        h('div', { class: 'd-flex gap-1 justify-content-end' }, [
                          h('button', { type: 'button', class: 'btn btn-sm btn-outline-primary', 'data-testid': `spec-edit-${s.id}`, onClick: () => edit(s) }, 'Edit'),
                          h('button', { type: 'button', class: 'btn btn-sm btn-outline-danger', 'data-testid': `spec-delete-${s.id}`, onClick: () => remove(s) }, 'Delete'),
                        ]),
                    ],
                  ],
                  list,
                  { testid: 'spec-table', rowTestid: 'spec-row', caption: 'Specialties' },
                ),
              { emptyText: 'No specialties yet. Add the first one.' },
            ),
            { title: 'All specialties' },
          ),
        ]),
      ])
  },
}
