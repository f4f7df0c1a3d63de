import { h, reactive, ref } from 'vue'
import { api } from '../api.js'
import { store } from '../store.js'
import { SEX_CHOICES, applyFieldErrors, button, card, field, formAlert, pageHeader, stateView, useLoader } from '../components/ui.js'

const FIELDS = ['full_name', 'date_of_birth', 'sex', 'phone', 'allergies', 'conditions', 'medications', 'email_opt_in']

export default {
  name: 'PatientProfileView',
  props: {},
  setup() {
    const form = reactive({})
    const errors = reactive({})
    const error = ref(null)
    const saving = ref(false)
    const profile = useLoader(async () => {
      const data = await api.get('/patient/profile')
      const p = data.profile || data.patient || data
      for (const key of FIELDS) form[key] = key === 'email_opt_in' ? Boolean(p[key]) : p[key] ?? ''
      return p
    })

    async function save(event) {
      event.preventDefault()
      saving.value = true
      error.value = null
      applyFieldErrors(errors, null)
      const body = {}
      for (const key of FIELDS) body[key] = form[key] === '' && key !== 'full_name' ? null : form[key]
      try {
        const data = await api.put('/patient/profile', body)
        const p = data.profile || data.patient || data
        if (store.user && p.full_name) store.user.full_name = p.full_name
        store.notify('Your profile is saved.')
      } catch (err) {
        error.value = err
        applyFieldErrors(errors, err)
      } finally {
        saving.value = false
      }
    }

    const opts = (extra) => ({ errors, idPrefix: 'profile', ...extra })

    return () =>
      h('div', [
        pageHeader('Profile', 'Your details and medical history help doctors care for you.'),
        stateView(
          profile,
          () =>
            h('form', { novalidate: true, onSubmit: save, 'data-testid': 'profile-form', class: 'stack' }, [
              formAlert(error.value),
              h('div', { class: 'grid-2' }, [
                card(
                  [
                    field(form, 'full_name', opts({ label: 'Full name', required: true, autocomplete: 'name' })),
                    field(form, 'date_of_birth', opts({ label: 'Date of birth', type: 'date' })),
                    field(form, 'sex', opts({ label: 'Sex', type: 'select', choices: SEX_CHOICES })),
                    field(form, 'phone', opts({ label: 'Phone', type: 'tel', autocomplete: 'tel' })),
                    field(form, 'email_opt_in', opts({ label: 'Email me appointment reminders and updates', type: 'switch', wrapperClass: 'mb-0' })),
                  ],
                  { title: 'Personal details' },
                ),
                card(
                  [
                    field(form, 'allergies', opts({ label: 'Allergies', type: 'textarea', rows: 2, help: 'For example: penicillin, peanuts.' })),
                    field(form, 'conditions', opts({ label: 'Long-term conditions', type: 'textarea', rows: 2 })),
                    field(form, 'medications', opts({ label: 'Current medications', type: 'textarea', rows: 2, wrapperClass: 'mb-0' })),
                  ],
                  { title: 'Medical history' },
                ),
              ]),
              h('div', [button('Save profile', { type: 'submit', busy: saving.value, testid: 'profile-save' })]),
            ]),
          { isEmpty: () => false },
        ),
      ])
  },
}
