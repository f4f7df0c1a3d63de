import { h } from 'vue'
import { RouterLink } from 'vue-router'
import { homeFor, store } from '../store.js'
import { t } from '../i18n.js'

export default {
  name: 'NotFoundView',
  props: {},
  setup() {
    return () =>
      h('div', { class: 'state-block state-empty py-5' }, [
        h('h1', { class: 'h3', tabindex: '-1', 'data-testid': 'page-title' }, t('common.not_found.title')),
        h('p', t('common.not_found.text')),
        h(RouterLink, { to: homeFor(store.role), class: 'btn btn-primary' }, () => t('common.not_found.home')),
      ])
  },
}
