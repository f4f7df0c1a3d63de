import { h, reactive, ref } from 'vue'
import { RouterLink } from 'vue-router'
import { api } from '../api.js'
import { t } from '../i18n.js'
import { applyFieldErrors, button, field, formAlert } from '../components/ui.js'

export default {
  name: 'ForgotPasswordView',
  props: {},
  setup() {
    const form = reactive({ email: '' })
    const errors = reactive({})
    const error = ref(null)
    const busy = ref(false)
    const sent = ref(false)

    async function submit(event) {
      event.preventDefault()
      busy.value = true
      error.value = null
      try {
        await api.post('/auth/password/forgot', { email: form.email.trim() })
        sent.value = true
      } catch (err) {
        error.value = err
        applyFieldErrors(errors, err)
      } finally {
        busy.value = false
      }
    }

    return () =>
      h('div', { class: 'auth-layout auth-layout-single' }, [
        h('div', { class: 'card cq-card auth-card' }, [
          h('div', { class: 'card-body' }, [
            h('h1', { class: 'h3 mb-1', tabindex: '-1', 'data-testid': 'page-title' }, t('account.forgot.title')),
            sent.value
              ? h('div', { 'data-testid': 'forgot-sent' }, [
                  h('p', { class: 'alert alert-success', role: 'status' }, t('account.forgot.sent', { email: form.email.trim() })),
                  h('p', { class: 'text-secondary' }, t('account.forgot.no_email')),
                ])
              : h('div', [
                  h('p', { class: 'text-secondary mb-4' }, t('account.forgot.intro')),
                  formAlert(error.value),
                  h('form', { novalidate: true, onSubmit: submit, 'data-testid': 'forgot-form' }, [
                    field(form, 'email', { label: t('account.field.email'), type: 'email', errors, idPrefix: 'forgot', required: true, autocomplete: 'username' }),
                    button(t('account.forgot.submit'), { type: 'submit', busy: busy.value, testid: 'forgot-submit', variant: 'primary w-100' }),
                  ]),
                ]),
            h('p', { class: 'mt-4 mb-0 text-center' }, [h(RouterLink, { to: '/login', 'data-testid': 'back-to-login' }, () => t('account.forgot.back'))]),
          ]),
        ]),
      ])
  },
}
