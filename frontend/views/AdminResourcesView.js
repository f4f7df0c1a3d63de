import { h, reactive, ref } from 'vue'
import { api, itemsOf } from '../api.js'
import { store } from '../store.js'
import { applyFieldErrors, button, card, dataTable, field, formAlert, pageHeader, stateView, useLoader } from '../components/ui.js'
import { RESOURCE_KINDS, kindLabel } from '../components/resources.js'
import { localDigits, t } from '../i18n.js'

const EMPTY = { name: '', kind: 'hospital', address: '', phones: '', hours: '', services: '', latitude: '', longitude: '', languages: 'bn; en', source: '', sort_order: '100' }
// The CSV's column names are typed exactly as they are, whatever the language on screen.
const CSV_COLUMNS = 'name, kind, address, phones, hours, services, latitude, longitude, languages, source'
const splitList = (text) => String(text || '').split(/[;,]/).map((part) => part.trim()).filter(Boolean)

// What the admin typed, as the API takes it.
function toBody(form) {
  const number = (text) => (String(text).trim() === '' ? null : Number(text))
  return {
    name: form.name.trim(),
    kind: form.kind,
    address: form.address.trim(),
    phones: splitList(form.phones),
    hours: form.hours.trim(),
    services: form.services.trim(),
    latitude: number(form.latitude),
    longitude: number(form.longitude),
    languages: splitList(form.languages),
    source: form.source.trim(),
    sort_order: number(form.sort_order) ?? 100,
  }
}

function importPanel({ file, replace, importing, importError, onImport }) {
  return h('form', { novalidate: true, onSubmit: onImport, 'data-testid': 'resource-import-form' }, [
    h('p', { class: 'small text-secondary' }, [t('admin.resources.columns', { columns: CSV_COLUMNS }), t('admin.resources.import_help')]),
    importError.value ? h('div', { class: 'alert alert-danger', role: 'alert', 'data-testid': 'resource-import-error' }, [
      h('p', { class: 'mb-1' }, importError.value.message),
      h('ul', { class: 'mb-0' }, Object.entries(importError.value.fields || {}).map(([line, problem]) => h('li', { key: line }, `${line}: ${problem}`))),
    ]) : null,
    h('div', { class: 'mb-3' }, [
      h('label', { class: 'form-label', for: 'resource-import-file' }, t('admin.resources.csv_file')),
      h('input', { id: 'resource-import-file', type: 'file', accept: '.csv,text/csv', class: 'form-control', 'data-testid': 'resource-import-file',
        onChange: (event) => (file.value = event.target.files[0] || null) }),
    ]),
    h('div', { class: 'form-check mb-3' }, [
      h('input', { id: 'resource-import-replace', type: 'checkbox', class: 'form-check-input', checked: replace.value, onChange: (event) => (replace.value = event.target.checked) }),
      h('label', { class: 'form-check-label', for: 'resource-import-replace' }, t('admin.resources.replace')),
    ]),
    button(t('admin.resources.import'), { type: 'submit', busy: importing.value, disabled: !file.value, testid: 'resource-import-submit' }),
  ])
}

export default {
  name: 'AdminResourcesView',
  props: {},
  setup() {
    const form = reactive({ ...EMPTY })
    const errors = reactive({})
    const formError = ref(null)
    const saving = ref(false)
    const editingId = ref(null)
    const file = ref(null)
    const replace = ref(false)
    const importing = ref(false)
    const importError = ref(null)
    const resources = useLoader(async () => itemsOf(await api.get('/admin/resources', { per_page: 100 })))

    function resetForm() {
      Object.assign(form, EMPTY)
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
      const body = toBody(form)
      try {
        if (editingId.value) await api.put(`/admin/resources/${editingId.value}`, body)
        else await api.post('/admin/resources', body)
        store.notify(t('admin.resources.saved', { name: body.name }))
        resetForm()
        resources.reload()
      } catch (err) {
        formError.value = err
        applyFieldErrors(errors, err)
      } finally {
        saving.value = false
      }
    }

    function edit(row) {
      editingId.value = row.id
      Object.assign(form, {
        ...row,
        phones: (row.phones || []).join('; '),
        languages: (row.languages || []).join('; '),
        latitude: row.latitude ?? '',
        longitude: row.longitude ?? '',
        sort_order: String(row.sort_order ?? 100),
      })
      document.getElementById('resource-name')?.focus()
    }

    async function remove(row) {
      const ok = await store.confirm({ title: t('admin.delete_title', { name: row.name }), message: t('admin.resources.delete_text'), confirmLabel: t('admin.delete'), danger: true })
      if (!ok) return
      try {
        await api.delete(`/admin/resources/${row.id}`)
        store.notify(t('admin.deleted', { name: row.name }))
        resources.reload()
      } catch (err) {
        store.notifyError(err)
      }
    }

    async function onImport(event) {
      event.preventDefault()
      if (!file.value) return
      importing.value = true
      importError.value = null
      try {
        const text = await file.value.text()
        const data = await api.postRaw(`/admin/resources/import${replace.value ? '?replace=true' : ''}`, text, 'text/csv')
        store.notify(t('admin.resources.imported', { count: data.created }))
        resources.reload()
      } catch (err) {
        importError.value = err
      } finally {
        importing.value = false
      }
    }

    return () => {
      const kindChoices = RESOURCE_KINDS.map((kind) => ({ value: kind, label: kindLabel(kind) }))
      return h('div', [
        pageHeader(t('admin.resources.title'), t('admin.resources.subtitle')),
        h('div', { class: 'grid-2' }, [
          h('div', [
            card(
              h('form', { novalidate: true, onSubmit: save, 'data-testid': 'resource-form' }, [
                formAlert(formError.value),
                field(form, 'name', { label: t('admin.name'), errors, idPrefix: 'resource', required: true }),
                field(form, 'kind', { label: t('admin.resources.kind'), type: 'select', choices: kindChoices, errors, idPrefix: 'resource' }),
                field(form, 'address', { label: t('admin.resources.address'), errors, idPrefix: 'resource' }),
                field(form, 'phones', { label: t('admin.resources.phone_numbers'), help: t('admin.resources.phones_help'), errors, idPrefix: 'resource' }),
                field(form, 'hours', { label: t('admin.resources.hours'), errors, idPrefix: 'resource' }),
                field(form, 'services', { label: t('admin.resources.services'), type: 'textarea', rows: 2, errors, idPrefix: 'resource' }),
                h('div', { class: 'row g-2' }, [
                  h('div', { class: 'col' }, field(form, 'latitude', { label: t('admin.resources.latitude'), type: 'number', step: 'any', errors, idPrefix: 'resource' })),
                  h('div', { class: 'col' }, field(form, 'longitude', { label: t('admin.resources.longitude'), type: 'number', step: 'any', errors, idPrefix: 'resource' })),
                ]),
                field(form, 'languages', { label: t('admin.resources.languages'), help: t('admin.resources.languages_help', { codes: 'bn; en' }), errors, idPrefix: 'resource' }),
                field(form, 'source', { label: t('admin.resources.source'), errors, idPrefix: 'resource' }),
                field(form, 'sort_order', { label: t('admin.resources.sort_order'), type: 'number', errors, idPrefix: 'resource' }),
                h('div', { class: 'd-flex gap-2' }, [
                  button(editingId.value ? t('admin.save_changes') : t('admin.resources.add'), { type: 'submit', busy: saving.value, testid: 'resource-submit' }),
                  editingId.value ? button(t('admin.cancel'), { variant: 'outline-secondary', onClick: resetForm }) : null,
                ]),
              ]),
              { title: editingId.value ? t('admin.resources.edit_title') : t('admin.resources.add_title') },
            ),
            card(importPanel({ file, replace, importing, importError, onImport }), { title: t('admin.resources.import_title'), testid: 'resource-import' }),
          ]),
          card(
            stateView(
              resources,
              (list) =>
                dataTable(
                  [
                    [t('admin.name'), (r) => h('div', [h('span', { class: 'fw-semibold' }, r.name), r.is_demo ? h('span', { class: 'badge text-bg-warning ms-2' }, t('resources.demo')) : null])],
                    [t('admin.resources.kind'), (r) => kindLabel(r.kind)],
                    [t('admin.resources.phones'), (r) => (r.phones || []).map(localDigits).join(', ') || '—'],
                    [
                      h('span', { class: 'visually-hidden' }, t('admin.actions')),
                      (r) =>
                        h('div', { class: 'd-flex gap-1 justify-content-end' }, [
                          h('button', { type: 'button', class: 'btn btn-sm btn-outline-primary', 'data-testid': `resource-edit-${r.id}`, onClick: () => edit(r) }, t('admin.edit')),
                          h('button', { type: 'button', class: 'btn btn-sm btn-outline-danger', 'data-testid': `resource-delete-${r.id}`, onClick: () => remove(r) }, t('admin.delete')),
                        ]),
                    ],
                  ],
                  list,
                  { testid: 'resource-table', rowTestid: 'resource-row', caption: t('admin.resources.title') },
                ),
              { emptyText: t('admin.resources.empty') },
            ),
            { title: t('admin.resources.list_title') },
          ),
        ]),
      ])
    }
  },
}
