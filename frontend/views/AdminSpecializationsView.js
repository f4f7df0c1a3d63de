import { h, reactive, ref } from 'vue'
import { api, itemsOf } from '../api.js'
import { store } from '../store.js'
import { formatNumber, t } from '../i18n.js'
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
        errors.name = t('admin.enter_name')
        return
      }
      saving.value = true
      const body = { name: form.name.trim(), description: form.description.trim() }
      try {
        if (editingId.value) {
          await api.put(`/admin/specializations/${editingId.value}`, body)
          store.notify(t('admin.updated', { name: body.name }))
        } else {
          await api.post('/admin/specializations', body)
          store.notify(t('admin.added', { name: body.name }))
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
      const ok = await store.confirm({ title: t('admin.delete_title', { name: spec.name }), message: t('admin.specs.delete_text'), confirmLabel: t('admin.delete'), danger: true })
      if (!ok) return
      try {
        await api.delete(`/admin/specializations/${spec.id}`)
        store.notify(t('admin.deleted', { name: spec.name }))
        specs.reload()
      } catch (err) {
        store.notifyError(err)
      }
    }

    return () =>
      h('div', [
        pageHeader(t('admin.specs.title'), t('admin.specs.subtitle')),
        h('div', { class: 'grid-form-list' }, [
          card(
            h('form', { novalidate: true, onSubmit: save, 'data-testid': 'spec-form' }, [
              formAlert(formError.value),
              field(form, 'name', { label: t('admin.name'), errors, idPrefix: 'spec', required: true }),
              field(form, 'description', { label: t('admin.specs.description'), type: 'textarea', rows: 3, errors, idPrefix: 'spec' }),
              h('div', { class: 'd-flex gap-2' }, [
                button(editingId.value ? t('admin.save_changes') : t('admin.specs.add'), { type: 'submit', busy: saving.value, testid: 'spec-submit' }),
                editingId.value ? button(t('admin.cancel'), { variant: 'outline-secondary', onClick: resetForm }) : null,
              ]),
            ]),
            { title: editingId.value ? t('admin.specs.edit_title') : t('admin.specs.add_title') },
          ),
          card(
            stateView(
              specs,
              (list) =>
                dataTable(
                  [
                    [t('admin.name'), (s) => h('span', { class: 'fw-semibold' }, s.name)],
                    [t('admin.specs.description'), (s) => s.description || '—'],
                    [t('admin.specs.doctors'), (s) => { const count = s.doctor_count ?? s.doctors; return count == null ? '—' : formatNumber(count) }],
                    [
                      h('span', { class: 'visually-hidden' }, t('admin.actions')),
                      (s) =>
                        h('div', { class: 'd-flex gap-1 justify-content-end' }, [
                          h('button', { type: 'button', class: 'btn btn-sm btn-outline-primary', 'data-testid': `spec-edit-${s.id}`, onClick: () => edit(s) }, t('admin.edit')),
                          h('button', { type: 'button', class: 'btn btn-sm btn-outline-danger', 'data-testid': `spec-delete-${s.id}`, onClick: () => remove(s) }, t('admin.delete')),
                        ]),
                    ],
                  ],
                  list,
                  { testid: 'spec-table', rowTestid: 'spec-row', caption: t('admin.specs.title') },
                ),
              { emptyText: t('admin.specs.empty') },
            ),
            { title: t('admin.specs.list_title') },
          ),
        ]),
      ])
  },
}
