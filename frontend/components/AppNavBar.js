import { h, ref, watch } from 'vue'
import { RouterLink, useRoute, useRouter } from 'vue-router'
import { store } from '../store.js'
import { CATALOGUES, t } from '../i18n.js'
import LanguageSwitcher from './LanguageSwitcher.js'

// 'Find a doctor' -> t('nav.find_a_doctor'): the English label names the message.
function label(english) {
  const key = `nav.${english.toLowerCase().replace(/[^a-z]+/g, '_')}`
  return CATALOGUES.en[key] ? t(key) : english
}

const LINKS = {
  patient: [
    ['/patient', 'Home', 'home'],
    ['/patient/check', 'Symptom check', 'check'],
    ['/patient/doctors', 'Find a doctor', 'doctors'],
    ['/patient/appointments', 'Appointments', 'appointments'],
    ['/patient/treatments', 'Treatments', 'treatments'],
    ['/patient/profile', 'Profile', 'profile'],
  ],
  doctor: [
    ['/doctor', 'Dashboard', 'home'],
    ['/doctor/queue', 'Queue', 'queue'],
    ['/doctor/schedule', 'Schedule', 'schedule'],
    ['/doctor/time-off', 'Time off', 'time-off'],
  ],
  admin: [
    ['/admin', 'Dashboard', 'home'],
    ['/admin/front-desk', 'Front desk', 'front-desk'],
    ['/admin/doctors', 'Doctors', 'doctors'],
    ['/admin/specializations', 'Specialties', 'specializations'],
    ['/admin/patients', 'Patients', 'patients'],
    ['/admin/appointments', 'Appointments', 'appointments'],
    ['/admin/outbox', 'Email', 'outbox'],
    ['/admin/jobs', 'Jobs', 'jobs'],
    ['/admin/resources', 'Resources', 'resources'],
  ],
}

export default {
  name: 'AppNavBar',
  setup() {
    const open = ref(false)
    const route = useRoute()
    const router = useRouter()
    watch(() => route.fullPath, () => (open.value = false))

    async function logOut() {
      try {
        await store.logout()
        store.notify(t('nav.logged_out'))
      } catch (error) {
        store.notifyError(error)
      }
      router.push('/login')
    }

    return () => {
      const role = store.role
      const links = LINKS[role] || []
      const exact = (path) => links.some(([p]) => p !== path && p.startsWith(path + '/'))
      return h('nav', { class: `navbar navbar-expand-lg cq-navbar${links.length > 8 ? ' nav-compact' : ''}`, 'aria-label': t('nav.main') }, [
        h('div', { class: 'container-xl' }, [
          h(RouterLink, { to: store.user ? `/${role}` : '/login', class: 'navbar-brand cq-brand', 'data-testid': 'brand' }, () => [
            h('span', { class: 'brand-mark', 'aria-hidden': 'true' }, '+'),
            h('span', 'CareQueue'),
            role && role !== 'patient' ? h('span', { class: 'brand-role' }, role === 'admin' ? t('nav.role_admin') : t('nav.role_doctor')) : null,
          ]),
          store.user
            ? h(
                'button',
                {
                  type: 'button',
                  class: 'navbar-toggler',
                  'aria-controls': 'main-nav',
                  'aria-expanded': open.value ? 'true' : 'false',
                  'aria-label': t('nav.toggle'),
                  'data-testid': 'nav-toggle',
                  onClick: () => (open.value = !open.value),
                },
                h('span', { class: 'navbar-toggler-icon' }),
              )
            : null,
          store.user
            ? h('div', { id: 'main-nav', class: `collapse navbar-collapse${open.value ? ' show' : ''}` }, [
                h(
                  'ul',
                  { class: 'navbar-nav me-auto' },
                  links.map(([path, text, key]) =>
                    h('li', { class: 'nav-item', key: path }, [
                      h(
                        RouterLink,
                        {
                          to: path,
                          class: 'nav-link',
                          activeClass: exact(path) ? '' : 'active',
                          exactActiveClass: 'active',
                          'data-testid': `nav-${key}`,
                        },
                        () => label(text),
                      ),
                    ]),
                  ),
                ),
                h('div', { class: 'd-flex align-items-center gap-2 nav-user' }, [
                  // The name opens the account's settings (password, two-factor login, email).
                  h(LanguageSwitcher),
                  h(RouterLink, { to: '/settings', class: 'nav-user-name nav-link', title: t('nav.settings'), 'data-testid': 'nav-user' }, () => store.user.full_name || store.user.email),
                  h('button', { type: 'button', class: 'btn btn-sm btn-outline-light', 'data-testid': 'logout', onClick: logOut }, t('nav.log_out')),
                ]),
              ])
            : h('div', { class: 'ms-auto d-flex align-items-center gap-2' }, [
                h(LanguageSwitcher),
                h(RouterLink, { to: '/doctors', class: 'btn btn-sm btn-link link-light text-decoration-none', 'data-testid': 'nav-find-doctor' }, () => t('nav.find_a_doctor')),
                h(RouterLink, { to: '/login', class: 'btn btn-sm btn-outline-light', 'data-testid': 'nav-login' }, () => t('nav.log_in')),
                h(RouterLink, { to: '/register', class: 'btn btn-sm btn-light', 'data-testid': 'nav-register' }, () => t('nav.register')),
              ]),
        ]),
      ])
    }
  },
}
