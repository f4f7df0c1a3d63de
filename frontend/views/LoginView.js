import { h, reactive, ref } from 'vue'
import { RouterLink, useRoute, useRouter } from 'vue-router'
import { homeFor, store } from '../store.js'
import { applyFieldErrors, button, field, formAlert } from '../components/ui.js'

// After logging in, go back where the person was headed (an email's link, a doctor they wanted to book)
// when that page is one their role may see; otherwise to their home page.
function safeRedirect(router, target, role) {
  if (typeof target !== 'string' || !target.startsWith('/') || target.startsWith('//')) return homeFor(role)
  const resolved = router.resolve(target)
  const meta = resolved.meta || {}
  const known = resolved.matched.length && !resolved.matched.some((record) => record.path.startsWith('/:pathMatch'))
  if (!known || meta.guest || (meta.role && meta.role !== role)) return homeFor(role)
  return target
}

export default {
  name: 'LoginView',
  props: {},
  setup() {
    const router = useRouter()
    const route = useRoute()
    const form = reactive({ email: '', password: '' })
    const errors = reactive({})
    const error = ref(null)
    const busy = ref(false)

    async function submit(event) {
      event.preventDefault()
      busy.value = true
      error.value = null
      try {
        const user = await store.login(form.email.trim(), form.password)
        store.notify(`Welcome back, ${user.full_name || user.email}.`)
        router.push(safeRedirect(router, route.query.redirect, user.role))
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
          h('p', { class: 'eyebrow' }, 'CareQueue clinic'),
          h('h2', { class: 'auth-hero-title' }, 'The right doctor, at the right time.'),
          h('ul', { class: 'auth-points' }, [
            h('li', 'Describe your symptoms and learn how soon to be seen.'),
            h('li', 'Book a real appointment with a specialist in a few taps.'),
            h('li', 'Keep your visits, prescriptions and notes in one place.'),
          ]),
        ]),
        h('div', { class: 'card cq-card auth-card' }, [
          h('div', { class: 'card-body' }, [
            h('h1', { class: 'h3 mb-1', tabindex: '-1', 'data-testid': 'page-title' }, 'Log in'),
            h('p', { class: 'text-secondary mb-4' }, 'Patients, doctors and clinic staff sign in here.'),
            formAlert(error.value),
            h('form', { novalidate: true, onSubmit: submit, 'data-testid': 'login-form' }, [
              field(form, 'email', { label: 'Email', type: 'email', errors, idPrefix: 'login', required: true, autocomplete: 'username' }),
              field(form, 'password', { label: 'Password', type: 'password', errors, idPrefix: 'login', required: true, autocomplete: 'current-password' }),
              button('Log in', { type: 'submit', busy: busy.value, testid: 'login-submit', variant: 'primary w-100' }),
            ]),
            h('p', { class: 'mt-4 mb-0 text-center' }, ['New patient? ', h(RouterLink, { to: '/register', 'data-testid': 'go-register' }, () => 'Create an account')]),
          ]),
        ]),
      ])
  },
}
