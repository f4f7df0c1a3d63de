import { h, reactive, ref } from 'vue'
import { RouterLink, useRoute, useRouter } from 'vue-router'
import { homeFor, store } from '../store.js'
import { t } from '../i18n.js'
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
    // After a right password, accounts with two-factor login are asked for a code.
    const second = reactive({ needed: false, code: '', recovery: false })

    function welcome(user) {
      store.notify(t('login.welcome', { name: user.full_name || user.email }))
      const next = user.two_factor_required && !user.two_factor_enabled ? '/settings' : safeRedirect(router, route.query.redirect, user.role)
      if (next === '/settings') store.notify(t('login.two_factor_required'), 'danger')
      router.push(next)
    }

    async function submit(event) {
      event.preventDefault()
      busy.value = true
      error.value = null
      try {
        if (second.needed) {
          const code = second.code.trim()
          welcome(await store.loginSecondFactor(second.recovery ? { recoveryCode: code } : { code }))
          return
        }
        const result = await store.login(form.email.trim(), form.password)
        if (result && result.twoFactor) {
          second.needed = true
          return
        }
        welcome(result)
      } catch (err) {
        if (err.code === 'login_expired') second.needed = false
        error.value = err
        applyFieldErrors(errors, err)
      } finally {
        busy.value = false
      }
    }

    return () =>
      h('div', { class: 'auth-layout' }, [
        h('section', { class: 'auth-hero' }, [
          h('p', { class: 'eyebrow' }, store.config.clinic_name || 'CareQueue'),
          h('h2', { class: 'auth-hero-title' }, t('login.hero')),
          h('ul', { class: 'auth-points' }, [
            h('li', t('login.point_check')),
            h('li', t('login.point_book')),
            h('li', t('login.point_records')),
          ]),
        ]),
        h('div', { class: 'card cq-card auth-card' }, [
          h('div', { class: 'card-body' }, [
            h('h1', { class: 'h3 mb-1', tabindex: '-1', 'data-testid': 'page-title' }, t('login.title')),
            h('p', { class: 'text-secondary mb-4' }, t('login.subtitle')),
            formAlert(error.value),
            second.needed
              ? h('form', { novalidate: true, onSubmit: submit, 'data-testid': 'login-code-form' }, [
                  h('p', second.recovery ? t('login.recovery_text') : t('login.code_text')),
                  field(second, 'code', { label: second.recovery ? t('login.recovery_code') : t('login.code'), errors, idPrefix: 'login', required: true, autocomplete: 'one-time-code' }),
                  button(t('login.continue'), { type: 'submit', busy: busy.value, testid: 'login-code-submit', variant: 'primary w-100' }),
                  h('button', { type: 'button', class: 'btn btn-link px-0 mt-2', 'data-testid': 'login-use-recovery', onClick: () => { second.recovery = !second.recovery; second.code = '' } }, second.recovery ? t('login.use_app') : t('login.use_recovery')),
                ])
              : h('form', { novalidate: true, onSubmit: submit, 'data-testid': 'login-form' }, [
                  field(form, 'email', { label: t('login.email'), type: 'email', errors, idPrefix: 'login', required: true, autocomplete: 'username' }),
                  field(form, 'password', { label: t('login.password'), type: 'password', errors, idPrefix: 'login', required: true, autocomplete: 'current-password' }),
                  button(t('login.title'), { type: 'submit', busy: busy.value, testid: 'login-submit', variant: 'primary w-100' }),
                  h('p', { class: 'mt-2 mb-0 text-end' }, h(RouterLink, { to: '/forgot-password', 'data-testid': 'go-forgot' }, () => t('login.forgot'))),
                ]),
            h('p', { class: 'mt-4 mb-0 text-center' }, [t('login.new_patient'), h(RouterLink, { to: '/register', 'data-testid': 'go-register' }, () => t('login.create_account'))]),
          ]),
        ]),
      ])
  },
}
