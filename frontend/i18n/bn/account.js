// Bangla messages for the register, password, email confirmation, account settings and profile screens. Every key here must also be in ../en/account.js.
export default {
}
