// English messages for the register, password, email confirmation, account settings and profile screens. Every key here must also be in ../bn/account.js.
export default {
}
