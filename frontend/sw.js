// CareQueue service worker. The server fills in VERSION (a hash of every file of the app shell)
// and SHELL (their URLs) when it serves this file, so each deploy is a new worker with its own
// caches; the page offers "new version — reload" and the old caches are deleted on activation.
//
// What is cached: the app shell (index, modules, styles, icons, the pinned libraries) and three
// public answers (the clinic's settings, the red-flag rules, the emergency resources directory).
// Nothing with patient data: every other request (/auth, /patient, /doctor, /admin, the rest of
// /api) goes to the network untouched. Patient data kept offline lives in IndexedDB.
const VERSION = '__VERSION__'
const SHELL = __SHELL__
const PUBLIC_DATA = __PUBLIC_DATA__
const SHELL_CACHE = `carequeue-shell-${VERSION}`
const DATA_CACHE = `carequeue-public-${VERSION}`

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const shell = await caches.open(SHELL_CACHE)
    await shell.addAll(SHELL.map((url) => new Request(url, { cache: 'reload' })))
    const data = await caches.open(DATA_CACHE)
    // Public answers are a bonus: a failure here must not stop the app from installing.
    await Promise.all(PUBLIC_DATA.map((url) => data.add(new Request(url, { cache: 'reload' })).catch(() => null)))
  })())
})

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    const names = await caches.keys()
    await Promise.all(names.filter((name) => name.startsWith('carequeue-') && name !== SHELL_CACHE && name !== DATA_CACHE)
      .map((name) => caches.delete(name)))
    await self.clients.claim()
  })())
})

self.addEventListener('message', (event) => {
  if (event.data && event.data.type === 'skip-waiting') self.skipWaiting()
})

function shellKey(url) {
  // The app is one page: every navigation is the index.
  return url.pathname === '/' || url.pathname === '/index.html' ? '/' : url.pathname + url.search
}

async function fromShell(request, url) {
  const cached = await caches.match(shellKey(url), { cacheName: SHELL_CACHE })
  if (cached) return cached
  return fetch(request)
}

// Network first (fresh when online), the last good copy when not.
async function networkThenCache(request, url) {
  const cache = await caches.open(DATA_CACHE)
  try {
    const response = await fetch(request)
    if (response.ok) await cache.put(url.pathname + url.search, response.clone())
    return response
  } catch (error) {
    const cached = await cache.match(url.pathname + url.search)
    if (cached) return cached
    throw error
  }
}

async function navigation(request) {
  try {
    const response = await fetch(request)
    if (response.ok) (await caches.open(SHELL_CACHE)).put('/', response.clone())
    return response
  } catch (error) {
    const cached = await caches.match('/', { cacheName: SHELL_CACHE })
    if (cached) return cached
    throw error
  }
}

self.addEventListener('fetch', (event) => {
  const request = event.request
  if (request.method !== 'GET') return
  const url = new URL(request.url)
  if (url.origin !== self.location.origin) return
  if (request.mode === 'navigate') {
    event.respondWith(navigation(request))
    return
  }
  if (PUBLIC_DATA.includes(url.pathname + url.search)) {
    event.respondWith(networkThenCache(request, url))
    return
  }
  if (SHELL.includes(shellKey(url))) event.respondWith(fromShell(request, url))
})
