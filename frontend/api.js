// The only module that talks to the network. It knows the API's error shape,
// the CSRF header and what a 401 means. Every request says the reader's language
// (Accept-Language), so the server's error messages come back in it.
import { i18n, t } from './i18n.js'

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])
const NO_CSRF = new Set(['/auth/login', '/auth/register'])

let csrfToken = null
let unauthorizedHandler = null

export class ApiError extends Error {
  constructor(status, code, message, fields = {}, retryAfter = null) {
    super(message)
    this.name = 'ApiError'
    this.status = status
    this.code = code
    this.fields = fields || {}
    this.retryAfter = retryAfter
  }
}

export function setCsrfToken(token) {
  csrfToken = token || null
}

export function onUnauthorized(handler) {
  unauthorizedHandler = handler
}

function withQuery(path, query) {
  if (!query) return path
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, value)
  }
  const text = params.toString()
  return text ? `${path}?${text}` : path
}

function baseHeaders() {
  return { Accept: 'application/json', 'Accept-Language': i18n.locale }
}

async function fetchCsrfToken() {
  const response = await fetch('/auth/csrf', { credentials: 'same-origin', headers: baseHeaders() })
  if (!response.ok) throw await toApiError(response)
  const data = await response.json()
  csrfToken = data.csrf_token
  return csrfToken
}

// For an answer without the error shape (a proxy's page, an empty body); read when the error
// happens, so it is in the language chosen at that moment.
const STATUS_MESSAGES = {
  400: () => t('errors.status_400'),
  401: () => t('errors.status_401'),
  403: () => t('errors.status_403'),
  404: () => t('errors.status_404'),
  409: () => t('errors.status_409'),
  413: () => t('errors.status_413'),
  429: () => t('errors.status_429'),
  503: () => t('errors.status_503'),
}

function statusMessage(status) {
  const known = STATUS_MESSAGES[status]
  return known ? known() : t('errors.status_other', { status })
}

async function toApiError(response) {
  let body = null
  try {
    body = await response.json()
  } catch {
    body = null
  }
  const error = (body && body.error) || {}
  const message = error.message || statusMessage(response.status)
  return new ApiError(
    response.status,
    error.code || `http_${response.status}`,
    message,
    error.fields || {},
    response.headers.get('Retry-After'),
  )
}

export async function request(method, path, { body, query, quiet401 = false, retried = false, contentType = null } = {}) {
  const upper = method.toUpperCase()
  const headers = baseHeaders()
  // A raw body (a CSV file, an image) is sent as it is, with its own type; anything else as JSON.
  const raw = contentType !== null && body !== undefined
  if (body !== undefined) headers['Content-Type'] = raw ? contentType : 'application/json'
  if (MUTATING.has(upper) && !NO_CSRF.has(path)) {
    headers['X-CSRF-Token'] = csrfToken || (await fetchCsrfToken())
  }
  let response
  try {
    response = await fetch(withQuery(path, query), {
      method: upper,
      credentials: 'same-origin',
      headers,
      body: body === undefined ? undefined : raw ? body : JSON.stringify(body),
    })
  } catch {
    throw new ApiError(0, 'network_error', t('errors.network'))
  }
  if (response.status === 204) return null
  if (!response.ok) {
    const error = await toApiError(response)
    // A stale token (new session, server restart): fetch a fresh one and retry once.
    if (!retried && MUTATING.has(upper) && /csrf/i.test(error.code) && !NO_CSRF.has(path)) {
      csrfToken = null
      return request(method, path, { body, query, quiet401, retried: true, contentType })
    }
    if (response.status === 401 && !quiet401 && unauthorizedHandler) unauthorizedHandler(error)
    throw error
  }
  const type = response.headers.get('Content-Type') || ''
  return type.includes('application/json') ? response.json() : response.text()
}

export const api = {
  get: (path, query, options = {}) => request('GET', path, { ...options, query }),
  post: (path, body = {}, options = {}) => request('POST', path, { ...options, body }),
  // A file's contents with its media type, e.g. postRaw('/admin/resources/import', text, 'text/csv').
  postRaw: (path, body, contentType, options = {}) => request('POST', path, { ...options, body, contentType }),
  put: (path, body = {}, options = {}) => request('PUT', path, { ...options, body }),
  patch: (path, body = {}, options = {}) => request('PATCH', path, { ...options, body }),
  delete: (path, options = {}) => request('DELETE', path, options),
}

// Lists come as {items, page, per_page, total}; be lenient with plain arrays.
export function itemsOf(data, key) {
  if (!data) return []
  if (Array.isArray(data)) return data
  if (Array.isArray(data.items)) return data.items
  if (key && Array.isArray(data[key])) return data[key]
  return []
}

// The doctor directory: a patient's own routes when logged in as one, the public directory otherwise
// (same item shapes), so anyone can look for a doctor and log in only to book.
export function listDoctors(query, { asPatient = false } = {}) {
  return api.get(asPatient ? '/patient/doctors' : '/api/doctors', query)
}

// One doctor's public profile. The public directory has no single-doctor route, so a visitor's
// browser finds the doctor in the directory's pages (the same public fields).
export async function getDoctor(doctorId, { asPatient = false } = {}) {
  if (asPatient) {
    const data = await api.get(`/patient/doctors/${encodeURIComponent(doctorId)}`)
    return data.doctor || data
  }
  for (let page = 1; page <= 50; page++) {
    const data = await api.get('/api/doctors', { page, per_page: 100 })
    const found = itemsOf(data).find((doctor) => String(doctor.id) === String(doctorId))
    if (found) return found
    if (!data || page * 100 >= (data.total || 0)) break
  }
  throw new ApiError(404, 'not_found', t('errors.doctor_not_found'))
}

export function doctorAvailability(doctorId, query, { asPatient = false } = {}) {
  const id = encodeURIComponent(doctorId)
  return api.get(asPatient ? `/patient/doctors/${id}/availability` : `/api/doctors/${id}/availability`, query)
}

export function jobDownloadUrl(jobId) {
  return `/api/jobs/${encodeURIComponent(jobId)}/download`
}
