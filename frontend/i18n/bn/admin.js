// Bangla messages for the admin and front-desk screens. Every key here must also be in ../en/admin.js.
export default {
}
