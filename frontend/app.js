import { createApp, h, nextTick } from 'vue'
import { RouterView } from 'vue-router'
import { onUnauthorized } from './api.js'
import { router } from './router.js'
import { store } from './store.js'
import { t } from './i18n.js'
import AppNavBar from './components/AppNavBar.js'
import ToastRegion from './components/ToastRegion.js'
import ConfirmDialog from './components/ConfirmDialog.js'
import OfflineBanner from './components/OfflineBanner.js'
import { registerServiceWorker } from './offline/pwa.js'

// A 401 on any call means the session ended: go to the login page.
onUnauthorized(() => {
  const wasLoggedIn = Boolean(store.user)
  store.forgetSession()
  const current = router.currentRoute.value
  if (current.meta.guest) return
  if (wasLoggedIn) store.notify(t('app.session_ended'), 'danger')
  router.push({ path: '/login', query: { redirect: current.fullPath } })
})

// Move focus to the new page's heading so keyboard and screen-reader users land there.
router.afterEach((to, from) => {
  if (!from.matched.length) return
  nextTick(() => {
    const heading = document.querySelector('main h1')
    if (heading) heading.focus({ preventScroll: true })
  })
})

const CareQueueApp = {
  name: 'CareQueueApp',
  setup() {
    return () => [
      h('a', { class: 'skip-link', href: '#main-content', onClick: (event) => {
        event.preventDefault()
        const main = document.getElementById('main-content')
        if (main) main.focus()
      } }, t('app.skip')),
      h(AppNavBar),
      h(OfflineBanner),
      h('div', { class: 'container-xl' }, [h(ToastRegion)]),
      h('main', { id: 'main-content', class: 'container-xl cq-main', tabindex: '-1' }, [h(RouterView)]),
      h('footer', { class: 'cq-footer container-xl' }, [
        h('span', `© ${store.config.clinic_name || 'CareQueue'}`),
        h('span', { class: 'text-secondary', 'data-testid': 'footer-emergency' }, t('app.footer_emergency', { call: store.emergencyCall })),
      ]),
      h(ConfirmDialog),
    ]
  },
}

store.loadConfig()
createApp(CareQueueApp).use(router).mount('#app')
registerServiceWorker()
