import { h, reactive, ref } from 'vue'
import { api } from '../api.js'
import { store } from '../store.js'
import { t } from '../i18n.js'
import { applyFieldErrors, button, card, field, formAlert, pageHeader, stateView, useLoader } from '../components/ui.js'

// Settings for every role: email preferences (patients), how a doctor hears of changes,
// password, email address and two-factor login.
export default {
  name: 'AccountSettingsView',
  props: {},
  setup() {
    const role = store.role
    const profile = role === 'patient' ? useLoader(() => api.get('/patient/profile')) : null
    const twoFactor = useLoader(() => api.get('/auth/two-factor'))
    const prefs = reactive({ email_opt_in: true, remind_day_before: true, notify_mode: 'instant' })
    const password = reactive({ current_password: '', new_password: '' })
    const passwordErrors = reactive({})
    const passwordError = ref(null)
    const email = reactive({ new_email: '', current_password: '' })
    const emailErrors = reactive({})
    const emailError = ref(null)
    const setup = ref(null)
    const code = reactive({ code: '', password: '' })
    const codeErrors = reactive({})
    const recoveryCodes = ref(null)
    const busy = ref('')

    async function run(name, work) {
      busy.value = name
      try {
        await work()
      } finally {
        busy.value = ''
      }
    }

    const savePrefs = () => run('prefs', async () => {
      try {
        if (role === 'patient') await api.put('/patient/profile', { email_opt_in: prefs.email_opt_in, remind_day_before: prefs.remind_day_before })
        if (role === 'doctor') await api.put('/doctor/notifications', { notify_mode: prefs.notify_mode })
        store.notify(t('account.settings.prefs_saved'))
      } catch (err) {
        store.notifyError(err)
      }
    })

    const changePassword = (event) => {
      event.preventDefault()
      return run('password', async () => {
        passwordError.value = null
        try {
          await api.post('/auth/password', { ...password })
          password.current_password = password.new_password = ''
          applyFieldErrors(passwordErrors, null)
          store.notify(t('account.password.changed'))
        } catch (err) {
          passwordError.value = err
          applyFieldErrors(passwordErrors, err)
        }
      })
    }

    const changeEmail = (event) => {
      event.preventDefault()
      return run('email', async () => {
        emailError.value = null
        try {
          await api.post('/auth/email', { ...email })
          store.notify(t('account.email.link_sent', { email: email.new_email }))
          email.new_email = email.current_password = ''
          applyFieldErrors(emailErrors, null)
        } catch (err) {
          emailError.value = err
          applyFieldErrors(emailErrors, err)
        }
      })
    }

    const startSetup = () => run('setup', async () => {
      try {
        setup.value = await api.post('/auth/two-factor/setup')
      } catch (err) {
        store.notifyError(err)
      }
    })

    const enable = (event) => {
      event.preventDefault()
      return run('enable', async () => {
        try {
          const data = await api.post('/auth/two-factor/enable', { code: code.code.trim() })
          recoveryCodes.value = data.recovery_codes
          setup.value = null
          code.code = ''
          applyFieldErrors(codeErrors, null)
          twoFactor.reload()
          if (store.user) store.user = { ...store.user, two_factor_enabled: true }
        } catch (err) {
          applyFieldErrors(codeErrors, err)
          if (!err.fields || !err.fields.code) store.notifyError(err)
        }
      })
    }

    const disable = (event) => {
      event.preventDefault()
      return run('disable', async () => {
        try {
          await api.post('/auth/two-factor/disable', { password: code.password })
          code.password = ''
          recoveryCodes.value = null
          twoFactor.reload()
          store.notify(t('account.twofa.off'))
        } catch (err) {
          store.notifyError(err)
        }
      })
    }

    const preferencesCard = () => {
      if (role === 'patient') {
        return card(
          stateView(profile, (data) => {
            if (!prefs._loaded) {
              Object.assign(prefs, { email_opt_in: data.profile.email_opt_in, remind_day_before: data.profile.remind_day_before, _loaded: true })
            }
            return h('div', [
              field(prefs, 'email_opt_in', { label: t('account.settings.email_opt_in'), type: 'switch', idPrefix: 'settings', help: t('account.settings.email_opt_in_help') }),
              field(prefs, 'remind_day_before', { label: t('account.settings.remind_day_before'), type: 'switch', idPrefix: 'settings', disabled: !prefs.email_opt_in }),
              h('p', { class: 'small text-secondary' }, t('account.settings.no_marketing')),
              button(t('account.settings.save_prefs'), { onClick: savePrefs, busy: busy.value === 'prefs', testid: 'save-prefs' }),
            ])
          }, { isEmpty: () => false }),
          { title: t('account.settings.email_prefs'), testid: 'settings-email-prefs' },
        )
      }
      if (role === 'doctor') {
        return card([
          field(prefs, 'notify_mode', { label: t('account.settings.notify_mode'), type: 'select', idPrefix: 'settings', choices: [{ value: 'instant', label: t('account.settings.notify_instant') }, { value: 'digest', label: t('account.settings.notify_digest') }] }),
          button(t('account.settings.save'), { onClick: savePrefs, busy: busy.value === 'prefs', testid: 'save-prefs' }),
        ], { title: t('account.settings.notifications'), testid: 'settings-notify' })
      }
      return null
    }

    const twoFactorCard = () =>
      card(
        stateView(twoFactor, (status) =>
          h('div', { 'data-testid': 'two-factor' }, [
            h('p', { class: 'text-secondary' }, status.required ? t('account.twofa.required_text') : t('account.twofa.optional_text')),
            recoveryCodes.value
              ? h('div', { class: 'alert alert-warning', 'data-testid': 'recovery-codes' }, [
                  h('p', { class: 'fw-semibold mb-2' }, t('account.twofa.save_codes')),
                  h('ul', { class: 'recovery-codes list-unstyled mb-0' }, recoveryCodes.value.map((c) => h('li', { key: c }, h('code', c)))),
                ])
              : null,
            status.enabled
              ? h('form', { onSubmit: disable, class: 'mt-2' }, [
                  h('p', { class: 'badge text-bg-success' }, t('account.twofa.on', { count: status.recovery_codes_left })),
                  status.required ? null : field(code, 'password', { label: t('account.twofa.password_to_disable'), type: 'password', idPrefix: 'twofa', autocomplete: 'current-password' }),
                  status.required ? null : button(t('account.twofa.disable'), { type: 'submit', variant: 'outline-danger', busy: busy.value === 'disable', testid: 'twofa-disable' }),
                ])
              : setup.value
                ? h('form', { onSubmit: enable, 'data-testid': 'twofa-setup' }, [
                    h('p', t('account.twofa.scan')),
                    h('img', { src: setup.value.qr_svg, alt: t('account.twofa.qr_alt'), class: 'twofa-qr', width: 200, height: 200 }),
                    h('p', { class: 'small text-secondary' }, [t('account.twofa.or_key'), h('code', { 'data-testid': 'twofa-secret' }, setup.value.secret)]),
                    h('p', t('account.twofa.enter_digits')),
                    field(code, 'code', { label: t('account.twofa.code'), errors: codeErrors, idPrefix: 'twofa', autocomplete: 'one-time-code', maxlength: 6 }),
                    button(t('account.twofa.enable'), { type: 'submit', busy: busy.value === 'enable', testid: 'twofa-enable' }),
                  ])
                : button(t('account.twofa.start'), { onClick: startSetup, busy: busy.value === 'setup', testid: 'twofa-start' }),
          ]), { isEmpty: () => false }),
        { title: t('account.twofa.title'), testid: 'settings-twofa' },
      )

    return () =>
      h('div', [
        pageHeader(t('account.settings.title'), store.user ? `${store.user.full_name} · ${store.user.email || t('account.settings.no_email')}` : null),
        store.user && store.user.email && store.user.email_confirmed === false
          ? h('div', { class: 'alert alert-info', 'data-testid': 'unconfirmed' }, [
              t('account.settings.unconfirmed'),
              h('button', { type: 'button', class: 'btn btn-sm btn-outline-primary ms-2', onClick: () => api.post('/auth/email/resend').then(() => store.notify(t('account.settings.link_sent'))).catch((e) => store.notifyError(e)) }, t('account.settings.resend')),
            ])
          : null,
        h('div', { class: 'grid-2' }, [
          preferencesCard(),
          twoFactorCard(),
          card(
            h('form', { novalidate: true, onSubmit: changePassword, 'data-testid': 'password-form' }, [
              formAlert(passwordError.value),
              field(password, 'current_password', { label: t('account.password.current'), type: 'password', errors: passwordErrors, idPrefix: 'password', autocomplete: 'current-password', required: true }),
              field(password, 'new_password', { label: t('account.password.new'), type: 'password', errors: passwordErrors, idPrefix: 'password', autocomplete: 'new-password', required: true }),
              button(t('account.password.submit'), { type: 'submit', busy: busy.value === 'password', testid: 'password-submit' }),
            ]),
            { title: t('account.password.title'), testid: 'settings-password' },
          ),
          card(
            h('form', { novalidate: true, onSubmit: changeEmail, 'data-testid': 'email-form' }, [
              formAlert(emailError.value),
              field(email, 'new_email', { label: t('account.email.new'), type: 'email', errors: emailErrors, idPrefix: 'email', required: true }),
              field(email, 'current_password', { label: t('account.password.current'), type: 'password', errors: emailErrors, idPrefix: 'email', autocomplete: 'current-password', required: true }),
              button(t('account.email.submit'), { type: 'submit', busy: busy.value === 'email', testid: 'email-submit' }),
            ]),
            { title: t('account.email.title'), testid: 'settings-email' },
          ),
        ]),
      ])
  },
}
