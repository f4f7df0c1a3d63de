// The offline banner and the "new version — reload" prompt, shown above every page.
import { h, watch } from 'vue'
import { t } from '../i18n.js'
import { pwa } from '../offline/pwa.js'
import { outbox, refreshPending, submitPending } from '../offline/sync.js'
import { store } from '../store.js'

export default {
  name: 'OfflineBanner',
  setup() {
    // Back online with someone logged in: send what was written offline.
    watch(() => [pwa.online, store.user && store.user.role], ([online, role]) => {
      if (role === 'patient') {
        refreshPending()
        if (online) submitPending()
      }
    }, { immediate: true })

    return () => [
      !pwa.online
        ? h('div', { class: 'offline-banner', role: 'status', 'data-testid': 'offline-banner' }, [
            h('strong', t('offline.banner_title')),
            h('span', ' ' + t('offline.banner_text')),
            outbox.pending.length ? h('span', { 'data-testid': 'offline-pending' }, ' ' + t('offline.pending', { count: outbox.pending.length })) : null,
          ])
        : null,
      pwa.updateReady
        ? h('div', { class: 'update-banner', role: 'status', 'data-testid': 'update-banner' }, [
            h('span', t('pwa.new_version')),
            h('button', { type: 'button', class: 'btn btn-sm btn-light', 'data-testid': 'update-reload', onClick: () => pwa.applyUpdate() }, t('pwa.reload')),
          ])
        : null,
    ]
  },
}
