// The symptom check with no connection: the red-flag rules the server exported from its knowledge
// base (kept by the service worker) decide between two answers only, the text is kept in IndexedDB,
// and the full assessment follows once the connection is back.
import { h, watch } from 'vue'
import { useRouter } from 'vue-router'
import { api } from '../api.js'
import { localDigits, t } from '../i18n.js'
import { checkOffline } from '../offline/redflags.js'
import { outbox, queueOfflineCheck } from '../offline/sync.js'
import { store } from '../store.js'
import { NearbyResources } from './resources.js'

export const RED_FLAG_RULES = '/api/triage/red-flags'

let rulesPromise = null

// The rules, read (from the service worker's copy when offline) and compiled once, ahead of need.
export function warmUpOfflineCheck() {
  if (!rulesPromise) {
    rulesPromise = api.get(RED_FLAG_RULES).then((rules) => {
      checkOffline('', rules) // compiles the phrases now, not when someone is waiting for an answer
      return rules
    }).catch(() => {
      rulesPromise = null
      return null // never loaded on this device: the entry waits for the server
    })
  }
  return rulesPromise
}

function redFlagRules() {
  return warmUpOfflineCheck()
}

window.addEventListener('offline', () => warmUpOfflineCheck())
window.addEventListener('online', () => (rulesPromise = null)) // fresh rules next time
if (!navigator.onLine) warmUpOfflineCheck()

// Check `symptoms` here and keep them to send later. Resolves {entry, emergency, number, checked}.
export async function assessOffline({ symptoms, shareHistory = false, photo = null }) {
  const rules = await redFlagRules()
  const found = rules ? checkOffline(symptoms, rules) : { emergency: false }
  const entry = await queueOfflineCheck({ symptoms, shareHistory, photo, emergency: found.emergency })
  const number = (rules && rules.emergency_number) || store.config.emergency_number || ''
  return { entry, emergency: found.emergency, number, checked: Boolean(rules) }
}

export const OfflineCheckResult = {
  name: 'OfflineCheckResult',
  props: { outcome: { type: Object, required: true } },
  setup(props) {
    const router = useRouter()
    // Sent after the connection came back: show the server's full answer.
    watch(() => outbox.submitted[props.outcome.entry.client_id], (id) => {
      if (id) router.push(`/patient/check/${id}`)
    }, { immediate: true })

    return () => {
      const { emergency, number, checked } = props.outcome
      const call = number ? t('offline.call_number', { number: localDigits(number) }) : t('offline.call_emergency')
      return h('section', { class: `card cq-card offline-result${emergency ? ' is-emergency' : ''}`, 'data-testid': 'offline-result', 'data-emergency': String(emergency) }, [
        h('div', { class: 'card-body', role: emergency ? 'alert' : 'status' }, [
          emergency
            ? [
                h('h2', { class: 'h3 text-danger', 'data-testid': 'offline-emergency' }, t('offline.emergency', { call })),
                number ? h('a', { class: 'emergency-number', href: `tel:${number}`, 'data-testid': 'emergency-number' }, t('offline.call_button', { number: localDigits(number) })) : null,
                h('p', { class: 'mt-3' }, t('offline.emergency_detail')),
                h(NearbyResources),
              ]
            : [
                h('h2', { class: 'h5', 'data-testid': 'offline-queued' }, t('offline.queued')),
                h('p', { class: 'mb-1' }, checked ? t('offline.queued_detail') : t('offline.no_rules')),
                h('p', { class: 'small text-secondary mb-0' }, t('offline.still_emergency', { call })),
              ],
          h('p', { class: 'small text-secondary mt-3 mb-0', 'data-testid': 'offline-kept' }, t('offline.kept')),
        ]),
      ])
    }
  },
}
