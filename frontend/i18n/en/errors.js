// English messages for the server error codes, shown in the reader's language. Every key here must also be in ../bn/errors.js.
// The server answers its own messages in the reader's language (api.js sends Accept-Language); these are
// the few the app writes itself: no connection, or an answer without the error shape.
export default {
  'errors.network': 'Cannot reach CareQueue. Check your connection and try again.',
  'errors.status_400': 'Some of the information is not valid.',
  'errors.status_401': 'Please log in to continue.',
  'errors.status_403': 'You do not have access to this.',
  'errors.status_404': 'We could not find that.',
  'errors.status_409': 'That conflicts with the current state. Please refresh and try again.',
  'errors.status_413': 'That is too large.',
  'errors.status_429': 'Too many attempts. Please wait a moment and try again.',
  'errors.status_503': 'The service is temporarily unavailable. Please try again shortly.',
  'errors.status_other': 'Something went wrong ({status}).',
  'errors.doctor_not_found': 'We could not find that doctor.',
}
