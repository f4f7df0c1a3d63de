import { h, reactive, ref } from 'vue'
import { RouterLink, useRoute } from 'vue-router'
import { api } from '../api.js'
import { t } from '../i18n.js'
import { applyFieldErrors, button, field, formAlert } from '../components/ui.js'

export default {
  name: 'ResetPasswordView',
  props: {},
  setup() {
    const route = useRoute()
    const form = reactive({ password: '', confirm: '' })
    const errors = reactive({})
    const error = ref(null)
    const busy = ref(false)
    const done = ref(false)
    const token = typeof route.query.token === 'string' ? route.query.token : ''

    async function submit(event) {
      event.preventDefault()
      error.value = null
      applyFieldErrors(errors, null)
      if (form.password !== form.confirm) {
        errors.confirm = t('account.reset.mismatch')
        return
      }
      busy.value = true
      try {
        await api.post('/auth/password/reset', { token, password: form.password })
        done.value = true
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
            h('h1', { class: 'h3 mb-1', tabindex: '-1', 'data-testid': 'page-title' }, t('account.reset.title')),
            done.value
              ? h('div', { 'data-testid': 'reset-done' }, [
                  h('p', { class: 'alert alert-success', role: 'status' }, t('account.reset.done')),
                  h(RouterLink, { to: '/login', class: 'btn btn-primary w-100', 'data-testid': 'reset-login' }, () => t('account.log_in')),
                ])
              : !token
                ? h('p', { class: 'alert alert-warning' }, [t('account.reset.needs_link'), h(RouterLink, { to: '/forgot-password' }, () => t('account.reset.ask_again'))])
                : h('div', [
                    h('p', { class: 'text-secondary mb-4' }, t('account.reset.intro')),
                    formAlert(error.value),
                    error.value && error.value.code === 'invalid_token' ? h('p', [h(RouterLink, { to: '/forgot-password', 'data-testid': 'ask-again' }, () => t('account.reset.ask_again'))]) : null,
                    h('form', { novalidate: true, onSubmit: submit, 'data-testid': 'reset-form' }, [
                      field(form, 'password', { label: t('account.reset.new_password'), type: 'password', errors, idPrefix: 'reset', required: true, autocomplete: 'new-password' }),
                      field(form, 'confirm', { label: t('account.reset.new_password_again'), type: 'password', errors, idPrefix: 'reset', required: true, autocomplete: 'new-password' }),
                      button(t('account.reset.submit'), { type: 'submit', busy: busy.value, testid: 'reset-submit', variant: 'primary w-100' }),
                    ]),
                  ]),
          ]),
        ]),
      ])
  },
}
