import { h, reactive, ref } from 'vue'
import { RouterLink, useRouter } from 'vue-router'
import { store } from '../store.js'
import { i18n, t } from '../i18n.js'
import { SEX_CHOICES, applyFieldErrors, button, field, formAlert } from '../components/ui.js'

export default {
  name: 'RegisterView',
  props: {},
  setup() {
    const router = useRouter()
    const form = reactive({ full_name: '', email: '', password: '', date_of_birth: '', sex: '', phone: '' })
    const errors = reactive({})
    const error = ref(null)
    const busy = ref(false)

    async function submit(event) {
      event.preventDefault()
      busy.value = true
      error.value = null
      applyFieldErrors(errors, null)
      if (form.password.length < 8) {
        errors.password = t('account.register.password_short')
        busy.value = false
        return
      }
      // The language of the page they signed up on: the confirmation email is written in it too.
      const payload = { full_name: form.full_name.trim(), email: form.email.trim(), password: form.password, language: i18n.locale }
      for (const key of ['date_of_birth', 'sex', 'phone']) if (form[key]) payload[key] = form[key]
      try {
        await store.registerPatient(payload)
        await store.login(payload.email, payload.password)
        store.notify(t('account.register.welcome'))
        router.push('/patient')
      } catch (err) {
        error.value = err
        applyFieldErrors(errors, err)
      } finally {
        busy.value = false
      }
    }

    return () =>
      h('div', { class: 'auth-layout' }, [
        h('section', { class: 'auth-hero' }, [
          h('p', { class: 'eyebrow' }, t('account.register.eyebrow')),
          h('h2', { class: 'auth-hero-title' }, t('account.register.hero')),
          h('ul', { class: 'auth-points' }, [h('li', t('account.register.point_free')), h('li', t('account.register.point_private')), h('li', t('account.register.point_cancel'))]),
        ]),
        h('div', { class: 'card cq-card auth-card' }, [
          h('div', { class: 'card-body' }, [
            h('h1', { class: 'h3 mb-1', tabindex: '-1', 'data-testid': 'page-title' }, t('account.register.title')),
            h('p', { class: 'text-secondary mb-4' }, t('account.register.required_note')),
            formAlert(error.value),
            h('form', { novalidate: true, onSubmit: submit, 'data-testid': 'register-form' }, [
              field(form, 'full_name', { label: t('account.field.full_name'), errors, idPrefix: 'register', required: true, autocomplete: 'name' }),
              field(form, 'email', { label: t('account.field.email'), type: 'email', errors, idPrefix: 'register', required: true, autocomplete: 'email' }),
              field(form, 'password', { label: t('account.field.password'), type: 'password', errors, idPrefix: 'register', required: true, autocomplete: 'new-password', help: t('account.register.password_help') }),
              h('div', { class: 'row g-3' }, [
                h('div', { class: 'col-sm-6' }, field(form, 'date_of_birth', { label: t('account.field.date_of_birth'), type: 'date', errors, idPrefix: 'register' })),
                h('div', { class: 'col-sm-6' }, field(form, 'sex', { label: t('account.field.sex'), type: 'select', choices: SEX_CHOICES, errors, idPrefix: 'register' })),
              ]),
              field(form, 'phone', { label: t('account.field.phone'), type: 'tel', errors, idPrefix: 'register', autocomplete: 'tel' }),
              button(t('account.register.submit'), { type: 'submit', busy: busy.value, testid: 'register-submit', variant: 'primary w-100' }),
            ]),
            h('p', { class: 'mt-4 mb-0 text-center' }, [t('account.register.already'), h(RouterLink, { to: '/login', 'data-testid': 'go-login' }, () => t('account.log_in'))]),
          ]),
        ]),
      ])
  },
}
