import { h, reactive, ref } from 'vue'
import { api, itemsOf } from '../api.js'
import { store } from '../store.js'
import { applyFieldErrors, button, card, dataTable, field, formAlert, pageHeader, stateView, useLoader } from '../components/ui.js'
import { RESOURCE_KINDS, kindLabel } from '../components/resources.js'

const EMPTY = { name: '', kind: 'hospital', address: '', phones: '', hours: '', services: '', latitude: '', longitude: '', languages: 'bn; en', source: '', sort_order: '100' }
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
    h('p', { class: 'small text-secondary' }, [
      'Columns: name, kind, address, phones, hours, services, latitude, longitude, languages, source. ',
      'Separate several phones or languages with a semicolon. If any row has a problem, nothing is imported and each bad line is listed.',
    ]),
    importError.value ? h('div', { class: 'alert alert-danger', role: 'alert', 'data-testid': 'resource-import-error' }, [
      h('p', { class: 'mb-1' }, importError.value.message),
      h('ul', { class: 'mb-0' }, Object.entries(importError.value.fields || {}).map(([line, problem]) => h('li', { key: line }, `${line}: ${problem}`))),
    ]) : null,
    h('div', { class: 'mb-3' }, [
      h('label', { class: 'form-label', for: 'resource-import-file' }, 'CSV file'),
      h('input', { id: 'resource-import-file', type: 'file', accept: '.csv,text/csv', class: 'form-control', 'data-testid': 'resource-import-file',
        onChange: (event) => (file.value = event.target.files[0] || null) }),
    ]),
    h('div', { class: 'form-check mb-3' }, [
      h('input', { id: 'resource-import-replace', type: 'checkbox', class: 'form-check-input', checked: replace.value, onChange: (event) => (replace.value = event.target.checked) }),
      h('label', { class: 'form-check-label', for: 'resource-import-replace' }, 'Replace the whole directory (for example the demo set) with this file'),
    ]),
    button('Import', { type: 'submit', busy: importing.value, disabled: !file.value, testid: 'resource-import-submit' }),
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
        errors.name = 'Enter a name.'
        return
      }
      saving.value = true
      const body = toBody(form)
      try {
        if (editingId.value) await api.put(`/admin/resources/${editingId.value}`, body)
        else await api.post('/admin/resources', body)
        store.notify(`${body.name} saved.`)
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
      const ok = await store.confirm({ title: `Delete ${row.name}?`, message: 'Patients will no longer see it.', confirmLabel: 'Delete', danger: true })
      if (!ok) return
      try {
        await api.delete(`/admin/resources/${row.id}`)
        store.notify(`${row.name} deleted.`)
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
        store.notify(`${data.created} resources imported.`)
        resources.reload()
      } catch (err) {
        importError.value = err
      } finally {
        importing.value = false
      }
    }

    const kindChoices = RESOURCE_KINDS.map((kind) => ({ value: kind, label: kindLabel(kind) }))
    return () =>
      h('div', [
        pageHeader('Emergency resources', 'Hospitals, ambulance services, helplines and NGOs shown to patients with an emergency answer.'),
        h('div', { class: 'grid-2' }, [
          h('div', [
            card(
              h('form', { novalidate: true, onSubmit: save, 'data-testid': 'resource-form' }, [
                formAlert(formError.value),
                field(form, 'name', { label: 'Name', errors, idPrefix: 'resource', required: true }),
                field(form, 'kind', { label: 'Kind', type: 'select', choices: kindChoices, errors, idPrefix: 'resource' }),
                field(form, 'address', { label: 'Address', errors, idPrefix: 'resource' }),
                field(form, 'phones', { label: 'Phone numbers', help: 'Separate several with a semicolon. Only numbers you have checked.', errors, idPrefix: 'resource' }),
                field(form, 'hours', { label: 'Hours', errors, idPrefix: 'resource' }),
                field(form, 'services', { label: 'Services', type: 'textarea', rows: 2, errors, idPrefix: 'resource' }),
                h('div', { class: 'row g-2' }, [
                  h('div', { class: 'col' }, field(form, 'latitude', { label: 'Latitude', type: 'number', step: 'any', errors, idPrefix: 'resource' })),
                  h('div', { class: 'col' }, field(form, 'longitude', { label: 'Longitude', type: 'number', step: 'any', errors, idPrefix: 'resource' })),
                ]),
                field(form, 'languages', { label: 'Languages', help: 'Codes such as bn; en', errors, idPrefix: 'resource' }),
                field(form, 'source', { label: 'Source of the numbers', errors, idPrefix: 'resource' }),
                field(form, 'sort_order', { label: 'Order when the location is unknown', type: 'number', errors, idPrefix: 'resource' }),
                h('div', { class: 'd-flex gap-2' }, [
                  button(editingId.value ? 'Save changes' : 'Add resource', { type: 'submit', busy: saving.value, testid: 'resource-submit' }),
                  editingId.value ? button('Cancel', { variant: 'outline-secondary', onClick: resetForm }) : null,
                ]),
              ]),
              { title: editingId.value ? 'Edit resource' : 'Add a resource' },
            ),
            card(importPanel({ file, replace, importing, importError, onImport }), { title: 'Import a CSV file', testid: 'resource-import' }),
          ]),
          card(
            stateView(
              resources,
              (list) =>
                dataTable(
                  [
                    ['Name', (r) => h('div', [h('span', { class: 'fw-semibold' }, r.name), r.is_demo ? h('span', { class: 'badge text-bg-warning ms-2' }, 'Demo') : null])],
                    ['Kind', (r) => kindLabel(r.kind)],
                    ['Phones', (r) => (r.phones || []).join(', ') || '—'],
                    [
                      h('span', { class: 'visually-hidden' }, 'Actions'),
                      (r) =>
                        h('div', { class: 'd-flex gap-1 justify-content-end' }, [
                          h('button', { type: 'button', class: 'btn btn-sm btn-outline-primary', 'data-testid': `resource-edit-${r.id}`, onClick: () => edit(r) }, 'Edit'),
                          h('button', { type: 'button', class: 'btn btn-sm btn-outline-danger', 'data-testid': `resource-delete-${r.id}`, onClick: () => remove(r) }, 'Delete'),
                        ]),
                    ],
                  ],
                  list,
                  { testid: 'resource-table', rowTestid: 'resource-row', caption: 'Emergency resources' },
                ),
              { emptyText: 'No resources yet. Add one or import a CSV file.' },
            ),
            { title: 'Directory' },
          ),
        ]),
      ])
  },
}
