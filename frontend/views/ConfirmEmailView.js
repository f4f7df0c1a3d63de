import { h, onMounted, ref } from 'vue'
import { RouterLink, useRoute } from 'vue-router'
import { api } from '../api.js'
import { store } from '../store.js'
import { t } from '../i18n.js'
import { loadingBlock } from '../components/ui.js'

export default {
  name: 'ConfirmEmailView',
  props: {},
  setup() {
    const route = useRoute()
    const state = ref('working')
    // The confirmed address, or the server's reason it could not be confirmed.
    const email = ref('')
    const problem = ref('')
    onMounted(async () => {
      try {
        const data = await api.post('/auth/email/confirm', { token: String(route.query.token || '') })
        if (store.user && data.user && store.user.id === data.user.id) store.user = { ...store.user, ...data.user }
        state.value = 'done'
        email.value = data.user.email
      } catch (err) {
        state.value = 'failed'
        problem.value = err.message
      }
    })
    return () =>
      h('div', { class: 'auth-layout auth-layout-single' }, [
        h('div', { class: 'card cq-card auth-card' }, [
          h('div', { class: 'card-body' }, [
            h('h1', { class: 'h3 mb-3', tabindex: '-1', 'data-testid': 'page-title' }, t('account.confirm.title')),
            state.value === 'working'
              ? loadingBlock(t('account.confirm.working'))
              : h('p', { class: `alert ${state.value === 'done' ? 'alert-success' : 'alert-warning'}`, role: 'status', 'data-testid': `confirm-${state.value}` }, state.value === 'done' ? t('account.confirm.done', { email: email.value }) : problem.value),
            h(RouterLink, { to: store.user ? '/settings' : '/login', class: 'btn btn-outline-primary' }, () => (store.user ? t('account.confirm.back_to_settings') : t('account.log_in'))),
          ]),
        ]),
      ])
  },
}
