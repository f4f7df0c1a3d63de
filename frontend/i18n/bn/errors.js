// Bangla messages for the server error codes, shown in the reader's language. Every key here must also be in ../en/errors.js.
export default {
}
