import { h, reactive, ref } from 'vue'
import { api } from '../api.js'
import { store } from '../store.js'
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
        store.notify('Email preferences saved.')
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
          store.notify('Password changed. Your other devices have been logged out.')
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
          store.notify(`We sent a link to ${email.new_email}. Your address changes when you open it.`)
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
          store.notify('Two-factor login is off.')
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
              field(prefs, 'email_opt_in', { label: 'Email me appointment reminders and updates', type: 'switch', idPrefix: 'settings', help: 'Off: no reminders. We still confirm bookings, changes and cancellations, and say why.' }),
              field(prefs, 'remind_day_before', { label: 'Also remind me the day before', type: 'switch', idPrefix: 'settings', disabled: !prefs.email_opt_in }),
              h('p', { class: 'small text-secondary' }, 'Marketing emails: none. We only write about your care and your account.'),
              button('Save preferences', { onClick: savePrefs, busy: busy.value === 'prefs', testid: 'save-prefs' }),
            ])
          }, { isEmpty: () => false }),
          { title: 'Email', testid: 'settings-email-prefs' },
        )
      }
      if (role === 'doctor') {
        return card([
          field(prefs, 'notify_mode', { label: 'Tell me about bookings, cancellations and moves', type: 'select', idPrefix: 'settings', choices: [{ value: 'instant', label: 'One email for each change' }, { value: 'digest', label: 'One summary email a day' }] }),
          button('Save', { onClick: savePrefs, busy: busy.value === 'prefs', testid: 'save-prefs' }),
        ], { title: 'Notifications', testid: 'settings-notify' })
      }
      return null
    }

    const twoFactorCard = () =>
      card(
        stateView(twoFactor, (status) =>
          h('div', { 'data-testid': 'two-factor' }, [
            h('p', { class: 'text-secondary' }, status.required ? 'Your account must use two-factor login: a 6-digit code from an app on your phone, after your password.' : 'After your password, also ask for a 6-digit code from an app on your phone (Google Authenticator, Microsoft Authenticator, 1Password…).'),
            recoveryCodes.value
              ? h('div', { class: 'alert alert-warning', 'data-testid': 'recovery-codes' }, [
                  h('p', { class: 'fw-semibold mb-2' }, 'Save these recovery codes somewhere safe. Each works once if you lose your phone. They are shown only now.'),
                  h('ul', { class: 'recovery-codes list-unstyled mb-0' }, recoveryCodes.value.map((c) => h('li', { key: c }, h('code', c)))),
                ])
              : null,
            status.enabled
              ? h('form', { onSubmit: disable, class: 'mt-2' }, [
                  h('p', { class: 'badge text-bg-success' }, `On · ${status.recovery_codes_left} recovery codes left`),
                  status.required ? null : field(code, 'password', { label: 'Your password, to turn it off', type: 'password', idPrefix: 'twofa', autocomplete: 'current-password' }),
                  status.required ? null : button('Turn off two-factor login', { type: 'submit', variant: 'outline-danger', busy: busy.value === 'disable', testid: 'twofa-disable' }),
                ])
              : setup.value
                ? h('form', { onSubmit: enable, 'data-testid': 'twofa-setup' }, [
                    h('p', '1. Scan this code with your authenticator app.'),
                    h('img', { src: setup.value.qr_svg, alt: 'QR code for your authenticator app', class: 'twofa-qr', width: 200, height: 200 }),
                    h('p', { class: 'small text-secondary' }, ['Or type this key: ', h('code', { 'data-testid': 'twofa-secret' }, setup.value.secret)]),
                    h('p', '2. Enter the 6 digits the app shows.'),
                    field(code, 'code', { label: 'Code', errors: codeErrors, idPrefix: 'twofa', autocomplete: 'one-time-code', maxlength: 6 }),
                    button('Turn on', { type: 'submit', busy: busy.value === 'enable', testid: 'twofa-enable' }),
                  ])
                : button('Set up two-factor login', { onClick: startSetup, busy: busy.value === 'setup', testid: 'twofa-start' }),
          ]), { isEmpty: () => false }),
        { title: 'Two-factor login', testid: 'settings-twofa' },
      )

    return () =>
      h('div', [
        pageHeader('Settings', store.user ? `${store.user.full_name} · ${store.user.email || 'no email address'}` : null),
        store.user && store.user.email && store.user.email_confirmed === false
          ? h('div', { class: 'alert alert-info', 'data-testid': 'unconfirmed' }, [
              'Please confirm your email address: we send nothing else to it until you do. ',
              h('button', { type: 'button', class: 'btn btn-sm btn-outline-primary ms-2', onClick: () => api.post('/auth/email/resend').then(() => store.notify('Link sent.')).catch((e) => store.notifyError(e)) }, 'Send the link again'),
            ])
          : null,
        h('div', { class: 'grid-2' }, [
          preferencesCard(),
          twoFactorCard(),
          card(
            h('form', { novalidate: true, onSubmit: changePassword, 'data-testid': 'password-form' }, [
              formAlert(passwordError.value),
              field(password, 'current_password', { label: 'Current password', type: 'password', errors: passwordErrors, idPrefix: 'password', autocomplete: 'current-password', required: true }),
              field(password, 'new_password', { label: 'New password (at least 8 characters)', type: 'password', errors: passwordErrors, idPrefix: 'password', autocomplete: 'new-password', required: true }),
              button('Change password', { type: 'submit', busy: busy.value === 'password', testid: 'password-submit' }),
            ]),
            { title: 'Password', testid: 'settings-password' },
          ),
          card(
            h('form', { novalidate: true, onSubmit: changeEmail, 'data-testid': 'email-form' }, [
              formAlert(emailError.value),
              field(email, 'new_email', { label: 'New email address', type: 'email', errors: emailErrors, idPrefix: 'email', required: true }),
              field(email, 'current_password', { label: 'Current password', type: 'password', errors: emailErrors, idPrefix: 'email', autocomplete: 'current-password', required: true }),
              button('Send confirmation link', { type: 'submit', busy: busy.value === 'email', testid: 'email-submit' }),
            ]),
            { title: 'Email address', testid: 'settings-email' },
          ),
        ]),
      ])
  },
}
