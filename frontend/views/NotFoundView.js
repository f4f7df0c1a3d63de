import { h } from 'vue'
import { RouterLink } from 'vue-router'
import { homeFor, store } from '../store.js'

export default {
  name: 'NotFoundView',
  props: {},
  setup() {
    return () =>
      h('div', { class: 'state-block state-empty py-5' }, [
        h('h1', { class: 'h3', tabindex: '-1', 'data-testid': 'page-title' }, 'Page not found'),
        h('p', 'The page you asked for does not exist.'),
        h(RouterLink, { to: homeFor(store.role), class: 'btn btn-primary' }, () => 'Go to your home page'),
      ])
  },
}
