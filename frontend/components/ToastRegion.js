import { h } from 'vue'
import { store } from '../store.js'
import { t } from '../i18n.js'

// Confirms every action; a polite live region so screen readers announce it.
export default {
  name: 'ToastRegion',
  setup() {
    return () =>
      h('div', { class: 'toast-region', 'aria-live': 'polite', 'aria-atomic': 'false', role: 'status', 'data-testid': 'toast-region' }, [
        store.toasts.map((toast) =>
          h('div', { key: toast.id, class: `cq-toast cq-toast-${toast.kind}`, 'data-testid': 'toast', 'data-kind': toast.kind }, [
            h('span', { class: 'cq-toast-icon', 'aria-hidden': 'true' }, toast.kind === 'danger' ? '!' : '✓'),
            h('span', { class: 'flex-grow-1' }, toast.message),
            h('button', { type: 'button', class: 'btn-close btn-close-white', 'aria-label': t('common.dismiss'), onClick: () => store.dismissToast(toast.id) }),
          ]),
        ),
      ])
  },
}
