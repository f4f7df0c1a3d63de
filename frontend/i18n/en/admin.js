// English messages for the admin and front-desk screens. Every key here must also be in ../bn/admin.js.
export default {
}
