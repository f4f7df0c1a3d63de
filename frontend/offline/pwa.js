// The installable app: registers the service worker, knows whether the browser is online, and
// offers a new version with a "reload" prompt when a deploy has installed a new worker.
import { reactive } from 'vue'

export const pwa = reactive({
  online: navigator.onLine,
  updateReady: false,
  waiting: null,
  requested: false,
  applyUpdate() {
    if (!this.waiting) return
    this.requested = true
    this.waiting.postMessage({ type: 'skip-waiting' })
  },
})

window.addEventListener('online', () => (pwa.online = true))
window.addEventListener('offline', () => (pwa.online = false))

function offer(worker) {
  pwa.waiting = worker
  pwa.updateReady = true
}

export async function registerServiceWorker() {
  if (!('serviceWorker' in navigator)) return null
  const hadController = Boolean(navigator.serviceWorker.controller)
  let reloading = false
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    // The first install takes control silently; a replaced worker means a new version: reload once
    // (also in a tab opened before the first worker took control, when the person asked for it).
    if (reloading || !(hadController || pwa.requested)) return
    reloading = true
    window.location.reload()
  })
  try {
    const registration = await navigator.serviceWorker.register('/sw.js', { scope: '/' })
    if (registration.waiting && navigator.serviceWorker.controller) offer(registration.waiting)
    registration.addEventListener('updatefound', () => {
      const worker = registration.installing
      if (!worker) return
      worker.addEventListener('statechange', () => {
        if (worker.state === 'installed' && navigator.serviceWorker.controller) offer(worker)
      })
    })
    return registration
  } catch {
    return null // the app works without it, only not offline
  }
}
