import { h } from 'vue'
import { t } from '../i18n.js'

export default {
  name: 'PagerControls',
  props: {
    page: { type: Number, required: true },
    perPage: { type: Number, required: true },
    total: { type: Number, required: true },
  },
  emits: ['change'],
  setup(props, { emit }) {
    return () => {
      const pages = Math.max(1, Math.ceil(props.total / props.perPage))
      if (pages <= 1) return null
      return h('nav', { class: 'd-flex align-items-center justify-content-between gap-2 mt-3', 'aria-label': t('common.pager.label') }, [
        h('button', { type: 'button', class: 'btn btn-sm btn-outline-secondary', disabled: props.page <= 1, 'data-testid': 'page-prev', onClick: () => emit('change', props.page - 1) }, t('common.pager.previous')),
        h('span', { class: 'small text-secondary' }, t('common.pager.summary', { page: props.page, pages, total: props.total })),
        h('button', { type: 'button', class: 'btn btn-sm btn-outline-secondary', disabled: props.page >= pages, 'data-testid': 'page-next', onClick: () => emit('change', props.page + 1) }, t('common.pager.next')),
      ])
    }
  },
}
