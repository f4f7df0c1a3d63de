import { h, reactive, ref } from 'vue'
import { api } from '../api.js'
import { store } from '../store.js'
import { t } from '../i18n.js'
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
        store.notify(t('account.profile.saved'))
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
        pageHeader(t('account.profile.title'), t('account.profile.subtitle')),
        stateView(
          profile,
          () =>
            h('form', { novalidate: true, onSubmit: save, 'data-testid': 'profile-form', class: 'stack' }, [
              formAlert(error.value),
              h('div', { class: 'grid-2' }, [
                card(
                  [
                    field(form, 'full_name', opts({ label: t('account.field.full_name'), required: true, autocomplete: 'name' })),
                    field(form, 'date_of_birth', opts({ label: t('account.field.date_of_birth'), type: 'date' })),
                    field(form, 'sex', opts({ label: t('account.field.sex'), type: 'select', choices: SEX_CHOICES })),
                    field(form, 'phone', opts({ label: t('account.field.phone'), type: 'tel', autocomplete: 'tel' })),
                    field(form, 'email_opt_in', opts({ label: t('account.settings.email_opt_in'), type: 'switch', wrapperClass: 'mb-0' })),
                  ],
                  { title: t('account.profile.personal') },
                ),
                card(
                  [
                    field(form, 'allergies', opts({ label: t('account.profile.allergies'), type: 'textarea', rows: 2, help: t('account.profile.allergies_help') })),
                    field(form, 'conditions', opts({ label: t('account.profile.conditions'), type: 'textarea', rows: 2 })),
                    field(form, 'medications', opts({ label: t('account.profile.medications'), type: 'textarea', rows: 2, wrapperClass: 'mb-0' })),
                  ],
                  { title: t('account.profile.medical_history') },
                ),
              ]),
              h('div', [button(t('account.profile.save'), { type: 'submit', busy: saving.value, testid: 'profile-save' })]),
            ]),
          { isEmpty: () => false },
        ),
      ])
  },
}
