// The emergency resources nearest the patient: asked of the server with the browser's location
// when it is shared, else the clinic's configured list; offline, from the copy the app keeps of
// the public directory, sorted here by the same great-circle distance.
import { h, onMounted, reactive } from 'vue'
import { api, itemsOf } from '../api.js'
import { formatNumber, localDigits, t } from '../i18n.js'

export const RESOURCE_KINDS = ['hospital', 'ambulance', 'poison_line', 'mental_health_line', 'ngo']
export const DIRECTORY_SNAPSHOT = '/api/resources?per_page=100'
const EMERGENCY_KINDS = ['hospital', 'ambulance']
const LOCATION_TIMEOUT_MS = 8000

export function kindLabel(kind) {
  return t(`resources.kind.${kind}`)
}

export function haversineKm(lat1, lon1, lat2, lon2) {
  const rad = (deg) => (deg * Math.PI) / 180
  const a = Math.sin(rad(lat2 - lat1) / 2) ** 2 + Math.cos(rad(lat1)) * Math.cos(rad(lat2)) * Math.sin(rad(lon2 - lon1) / 2) ** 2
  return 2 * 6371.0088 * Math.asin(Math.min(1, Math.sqrt(a)))
}

function currentPosition() {
  return new Promise((resolve) => {
    if (!navigator.geolocation) return resolve(null)
    navigator.geolocation.getCurrentPosition(
      (position) => resolve({ lat: position.coords.latitude, lon: position.coords.longitude }),
      () => resolve(null),
      { timeout: LOCATION_TIMEOUT_MS, maximumAge: 5 * 60 * 1000 },
    )
  })
}

async function fromSnapshot(position, count) {
  const rows = itemsOf(await api.get(DIRECTORY_SNAPSHOT)).filter((row) => EMERGENCY_KINDS.includes(row.kind))
  if (position) {
    for (const row of rows) {
      row.distance_km = row.latitude == null ? null : haversineKm(position.lat, position.lon, row.latitude, row.longitude)
    }
    rows.sort((a, b) => (a.distance_km == null) - (b.distance_km == null) || (a.distance_km || 0) - (b.distance_km || 0))
  }
  return rows.slice(0, count)
}

export async function nearestEmergencyResources(count = 3) {
  const position = await currentPosition()
  const query = { kind: 'emergency', per_page: count, ...(position ? { lat: position.lat, lon: position.lon } : {}) }
  try {
    return { position, items: itemsOf(await api.get('/api/resources', query)) }
  } catch (error) {
    if (error.status !== 0) throw error
    return { position, items: await fromSnapshot(position, count) }
  }
}

function resourceItem(row) {
  return h('li', { class: 'resource-item', key: row.id, 'data-testid': 'resource-item' }, [
    h('div', { class: 'd-flex flex-wrap align-items-baseline gap-2' }, [
      h('strong', row.name),
      row.distance_km != null ? h('span', { class: 'text-secondary small', 'data-testid': 'resource-distance' }, t('resources.distance', { km: formatNumber(row.distance_km, { maximumFractionDigits: 1 }) })) : null,
      row.is_demo ? h('span', { class: 'badge text-bg-warning' }, t('resources.demo')) : null,
    ]),
    row.address ? h('div', { class: 'small' }, row.address) : null,
    row.phones && row.phones.length
      ? h('div', { class: 'd-flex flex-wrap gap-2 mt-1' }, row.phones.map((phone) => h('a', { class: 'btn btn-sm btn-danger', href: `tel:${phone.replace(/[^0-9+]/g, '')}`, key: phone }, t('resources.call', { phone: localDigits(phone) }))))
      : h('div', { class: 'small text-secondary' }, row.source || t('resources.no_number')),
  ])
}

export const NearbyResources = {
  name: 'NearbyResources',
  props: { count: { type: Number, default: 3 } },
  setup(props) {
    const state = reactive({ loading: true, items: [], located: false, error: null })
    onMounted(async () => {
      try {
        const found = await nearestEmergencyResources(props.count)
        state.items = found.items
        state.located = Boolean(found.position)
      } catch (error) {
        state.error = error
      } finally {
        state.loading = false
      }
    })
    return () =>
      h('section', { class: 'nearby-resources mt-3', 'data-testid': 'nearby-resources', 'aria-live': 'polite' }, [
        h('h3', { class: 'h6' }, state.located ? t('resources.nearest_title') : t('resources.list_title')),
        state.loading ? h('p', { class: 'small', role: 'status' }, t('resources.finding')) : null,
        state.error ? h('p', { class: 'small text-secondary' }, t('resources.unavailable')) : null,
        !state.loading && !state.error && !state.items.length ? h('p', { class: 'small text-secondary' }, t('resources.none')) : null,
        h('ul', { class: 'list-unstyled mb-0 d-grid gap-2' }, state.items.map(resourceItem)),
      ])
  },
}
