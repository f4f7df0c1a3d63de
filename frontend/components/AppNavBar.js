import { h, ref, watch } from 'vue'
import { RouterLink, useRoute, useRouter } from 'vue-router'
import { store } from '../store.js'
import { t } from '../i18n.js'
import LanguageSwitcher from './LanguageSwitcher.js'

// [path, message key (nav.<key>), test id] for each role's menu.
const LINKS = {
  patient: [
    ['/patient', 'home', 'home'],
    ['/patient/check', 'symptom_check', 'check'],
    ['/patient/doctors', 'find_a_doctor', 'doctors'],
    ['/patient/appointments', 'appointments', 'appointments'],
    ['/patient/treatments', 'treatments', 'treatments'],
    ['/patient/profile', 'profile', 'profile'],
  ],
  doctor: [
    ['/doctor', 'dashboard', 'home'],
    ['/doctor/queue', 'queue', 'queue'],
    ['/doctor/schedule', 'schedule', 'schedule'],
    ['/doctor/time-off', 'time_off', 'time-off'],
  ],
  admin: [
    ['/admin', 'dashboard', 'home'],
    ['/admin/front-desk', 'front_desk', 'front-desk'],
    ['/admin/doctors', 'doctors', 'doctors'],
    ['/admin/specializations', 'specialties', 'specializations'],
    ['/admin/patients', 'patients', 'patients'],
    ['/admin/appointments', 'appointments', 'appointments'],
    ['/admin/outbox', 'email', 'outbox'],
    ['/admin/jobs', 'jobs', 'jobs'],
    ['/admin/resources', 'resources', 'resources'],
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
                  links.map(([path, message, key]) =>
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
                        () => t(`nav.${message}`),
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
