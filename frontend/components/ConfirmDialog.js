import { h, nextTick, ref, watch } from 'vue'
import { store } from '../store.js'

// A native modal <dialog>: focus is trapped and Escape cancels.
export default {
  name: 'ConfirmDialog',
  setup() {
    const dialog = ref(null)
    watch(
      () => store.confirmation,
      async (pending) => {
        await nextTick()
        const element = dialog.value
        if (!element) return
        if (pending && !element.open) element.showModal()
        if (!pending && element.open) element.close()
      },
    )
    return () => {
      const pending = store.confirmation
      return h(
        'dialog',
        {
          ref: dialog,
          class: 'cq-dialog',
          'aria-labelledby': 'confirm-title',
          'aria-describedby': 'confirm-message',
          'data-testid': 'confirm-dialog',
          onCancel: (event) => {
            event.preventDefault()
            store.answerConfirmation(false)
          },
        },
        pending
          ? [
              h('h2', { id: 'confirm-title', class: 'h5' }, pending.title),
              h('p', { id: 'confirm-message', class: 'mb-4' }, pending.message),
              h('div', { class: 'd-flex justify-content-end gap-2 flex-wrap' }, [
                h('button', { type: 'button', class: 'btn btn-outline-secondary', 'data-testid': 'confirm-cancel', onClick: () => store.answerConfirmation(false) }, pending.cancelLabel),
                h(
                  'button',
                  { type: 'button', class: `btn ${pending.danger ? 'btn-danger' : 'btn-primary'}`, autofocus: true, 'data-testid': 'confirm-ok', onClick: () => store.answerConfirmation(true) },
                  pending.confirmLabel,
                ),
              ]),
            ]
          : [],
      )
    }
  },
}
