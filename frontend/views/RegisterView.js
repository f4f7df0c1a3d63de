import { h, reactive, ref } from 'vue'
import { RouterLink, useRouter } from 'vue-router'
import { store } from '../store.js'
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
        errors.password = 'Use at least 8 characters.'
        busy.value = false
        return
      }
      const payload = { full_name: form.full_name.trim(), email: form.email.trim(), password: form.password }
      for (const key of ['date_of_birth', 'sex', 'phone']) if (form[key]) payload[key] = form[key]
      try {
        await store.registerPatient(payload)
        await store.login(payload.email, payload.password)
        store.notify('Your account is ready. Welcome to CareQueue.')
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
          h('p', { class: 'eyebrow' }, 'New to CareQueue?'),
          h('h2', { class: 'auth-hero-title' }, 'Create your patient account in a minute.'),
          h('ul', { class: 'auth-points' }, [h('li', 'Free for patients.'), h('li', 'Your medical details are only shared with your doctors.'), h('li', 'Cancel or move a visit at any time.')]),
        ]),
        h('div', { class: 'card cq-card auth-card' }, [
          h('div', { class: 'card-body' }, [
            h('h1', { class: 'h3 mb-1', tabindex: '-1', 'data-testid': 'page-title' }, 'Create your account'),
            h('p', { class: 'text-secondary mb-4' }, 'Fields marked * are required.'),
            formAlert(error.value),
            h('form', { novalidate: true, onSubmit: submit, 'data-testid': 'register-form' }, [
              field(form, 'full_name', { label: 'Full name', errors, idPrefix: 'register', required: true, autocomplete: 'name' }),
              field(form, 'email', { label: 'Email', type: 'email', errors, idPrefix: 'register', required: true, autocomplete: 'email' }),
              field(form, 'password', { label: 'Password', type: 'password', errors, idPrefix: 'register', required: true, autocomplete: 'new-password', help: 'At least 8 characters.' }),
              h('div', { class: 'row g-3' }, [
                h('div', { class: 'col-sm-6' }, field(form, 'date_of_birth', { label: 'Date of birth', type: 'date', errors, idPrefix: 'register' })),
                h('div', { class: 'col-sm-6' }, field(form, 'sex', { label: 'Sex', type: 'select', choices: SEX_CHOICES, errors, idPrefix: 'register' })),
              ]),
              field(form, 'phone', { label: 'Phone', type: 'tel', errors, idPrefix: 'register', autocomplete: 'tel' }),
              button('Create account', { type: 'submit', busy: busy.value, testid: 'register-submit', variant: 'primary w-100' }),
            ]),
            h('p', { class: 'mt-4 mb-0 text-center' }, ['Already registered? ', h(RouterLink, { to: '/login', 'data-testid': 'go-login' }, () => 'Log in')]),
          ]),
        ]),
      ])
  },
}
