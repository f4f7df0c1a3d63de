// English messages for the shared components (dialogs, toasts, pager, slot picker, charts, exports) and public pages. Every key here must also be in ../bn/common.js.
export default {
}
