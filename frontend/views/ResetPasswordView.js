import { h, reactive, ref } from 'vue'
import { RouterLink, useRoute } from 'vue-router'
import { api } from '../api.js'
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
        errors.confirm = 'The two passwords are not the same.'
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
            h('h1', { class: 'h3 mb-1', tabindex: '-1', 'data-testid': 'page-title' }, 'Choose a new password'),
            done.value
              ? h('div', { 'data-testid': 'reset-done' }, [
                  h('p', { class: 'alert alert-success', role: 'status' }, 'Your password is changed. Every other device has been logged out.'),
                  h(RouterLink, { to: '/login', class: 'btn btn-primary w-100', 'data-testid': 'reset-login' }, () => 'Log in'),
                ])
              : !token
                ? h('p', { class: 'alert alert-warning' }, ['This page needs the link from your email. ', h(RouterLink, { to: '/forgot-password' }, () => 'Ask for a new link')])
                : h('div', [
                    h('p', { class: 'text-secondary mb-4' }, 'At least 8 characters. A few words you will remember make a strong password.'),
                    formAlert(error.value),
                    error.value && error.value.code === 'invalid_token' ? h('p', [h(RouterLink, { to: '/forgot-password', 'data-testid': 'ask-again' }, () => 'Ask for a new link')]) : null,
                    h('form', { novalidate: true, onSubmit: submit, 'data-testid': 'reset-form' }, [
                      field(form, 'password', { label: 'New password', type: 'password', errors, idPrefix: 'reset', required: true, autocomplete: 'new-password' }),
                      field(form, 'confirm', { label: 'New password again', type: 'password', errors, idPrefix: 'reset', required: true, autocomplete: 'new-password' }),
                      button('Save new password', { type: 'submit', busy: busy.value, testid: 'reset-submit', variant: 'primary w-100' }),
                    ]),
                  ]),
          ]),
        ]),
      ])
  },
}
