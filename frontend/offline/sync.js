// Symptom checks written offline: kept in IndexedDB, then sent once the connection is back,
// each with its client key so that a retry (a flaky connection, two tabs) is one assessment.
import { reactive } from 'vue'
import { api } from '../api.js'
import { offlineDb } from './db.js'

export const outbox = reactive({
  pending: [],
  submitted: {}, // client_id -> assessment id, for the screen that is waiting on it
  syncing: false,
})

export function newClientId() {
  if (globalThis.crypto && crypto.randomUUID) return crypto.randomUUID()
  const bytes = crypto.getRandomValues(new Uint8Array(16))
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('')
}

export async function refreshPending() {
  try {
    outbox.pending = await offlineDb.pendingChecks()
  } catch {
    outbox.pending = []
  }
  return outbox.pending
}

export async function queueOfflineCheck({ symptoms, shareHistory = false, ageYears = null, emergency = false, photo = null }) {
  // A photo is kept as it is (a Blob, in IndexedDB) and uploaded just before its check is sent.
  const entry = { client_id: newClientId(), symptoms, share_history: Boolean(shareHistory), age_years: ageYears,
    emergency, photo: photo || null, photo_token: null, created_at: new Date().toISOString() }
  await offlineDb.queueCheck(entry)
  await refreshPending()
  return entry
}

function bodyOf(entry) {
  const body = { symptoms: entry.symptoms, share_history: entry.share_history, client_id: entry.client_id }
  if (entry.photo_token) body.photo_token = entry.photo_token
  if (entry.age_years !== null && entry.age_years !== undefined && entry.age_years !== '') body.age_years = Number(entry.age_years)
  return body
}

// Send every queued check, oldest first; stop at the first sign the connection is still down.
export async function submitPending() {
  if (outbox.syncing) return
  outbox.syncing = true
  try {
    const entries = (await offlineDb.pendingChecks()).sort((a, b) => String(a.created_at).localeCompare(String(b.created_at)))
    for (const entry of entries) {
      try {
        if (entry.photo && !entry.photo_token) {
          try {
            entry.photo_token = (await api.postRaw('/patient/triage/photos', entry.photo, entry.photo.type || 'application/octet-stream')).photo_token
          } catch (error) {
            // A photo the server refuses (not an image, too large) must not cost the patient their check.
            if (![400, 413, 415].includes(error.status)) throw error
            entry.photo = null
          }
          await offlineDb.updateCheck(entry)
        }
        const data = await api.post('/patient/triage', bodyOf(entry))
        outbox.submitted[entry.client_id] = data.id
        await offlineDb.removeCheck(entry.client_id)
      } catch (error) {
        // A check the server will never take (it is invalid) is dropped; anything else is kept for later.
        if (error.status === 400) {
          await offlineDb.removeCheck(entry.client_id)
          continue
        }
        break
      }
    }
  } catch {
    // IndexedDB unavailable: nothing was queued here
  } finally {
    outbox.syncing = false
    await refreshPending()
  }
}

window.addEventListener('online', () => {
  submitPending()
})
