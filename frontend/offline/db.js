// Patient data kept on this device while offline, in IndexedDB (never in the Cache Storage):
// who is logged in, and the symptom checks written with no connection until they are sent.
// Everything here is deleted on logout.
const DB_NAME = 'carequeue'
const DB_VERSION = 1
const SESSION = 'session'
const PENDING = 'pending-checks'

let opening = null

function open() {
  if (!opening) {
    opening = new Promise((resolve, reject) => {
      const request = indexedDB.open(DB_NAME, DB_VERSION)
      request.onupgradeneeded = () => {
        const db = request.result
        if (!db.objectStoreNames.contains(SESSION)) db.createObjectStore(SESSION)
        if (!db.objectStoreNames.contains(PENDING)) db.createObjectStore(PENDING, { keyPath: 'client_id' })
      }
      request.onsuccess = () => resolve(request.result)
      request.onerror = () => {
        opening = null
        reject(request.error)
      }
    })
  }
  return opening
}

async function run(storeName, mode, action) {
  const db = await open()
  return new Promise((resolve, reject) => {
    const transaction = db.transaction(storeName, mode)
    const request = action(transaction.objectStore(storeName))
    transaction.oncomplete = () => resolve(request ? request.result : undefined)
    transaction.onerror = () => reject(transaction.error)
    transaction.onabort = () => reject(transaction.error)
  })
}

export const offlineDb = {
  saveSession: (user) => run(SESSION, 'readwrite', (store) => store.put(user, 'user')),
  loadSession: () => run(SESSION, 'readonly', (store) => store.get('user')),
  queueCheck: (entry) => run(PENDING, 'readwrite', (store) => store.put(entry)),
  updateCheck: (entry) => run(PENDING, 'readwrite', (store) => store.put(entry)),
  pendingChecks: () => run(PENDING, 'readonly', (store) => store.getAll()),
  removeCheck: (clientId) => run(PENDING, 'readwrite', (store) => store.delete(clientId)),
  async clearAll() {
    await run(SESSION, 'readwrite', (store) => store.clear())
    await run(PENDING, 'readwrite', (store) => store.clear())
  },
}
