import { h, onMounted, ref } from 'vue'
import { RouterLink, useRoute } from 'vue-router'
import { api } from '../api.js'
import { store } from '../store.js'
import { loadingBlock } from '../components/ui.js'

export default {
  name: 'ConfirmEmailView',
  props: {},
  setup() {
    const route = useRoute()
    const state = ref('working')
    const message = ref('')
    onMounted(async () => {
      try {
        const data = await api.post('/auth/email/confirm', { token: String(route.query.token || '') })
        if (store.user && data.user && store.user.id === data.user.id) store.user = { ...store.user, ...data.user }
        state.value = 'done'
        message.value = `${data.user.email} is confirmed. You will get booking confirmations and reminders there.`
      } catch (err) {
        state.value = 'failed'
        message.value = err.message
      }
    })
    return () =>
      h('div', { class: 'auth-layout auth-layout-single' }, [
        h('div', { class: 'card cq-card auth-card' }, [
          h('div', { class: 'card-body' }, [
            h('h1', { class: 'h3 mb-3', tabindex: '-1', 'data-testid': 'page-title' }, 'Confirm your email'),
            state.value === 'working'
              ? loadingBlock('Confirming…')
              : h('p', { class: `alert ${state.value === 'done' ? 'alert-success' : 'alert-warning'}`, role: 'status', 'data-testid': `confirm-${state.value}` }, message.value),
            h(RouterLink, { to: store.user ? '/settings' : '/login', class: 'btn btn-outline-primary' }, () => (store.user ? 'Back to settings' : 'Log in')),
          ]),
        ]),
      ])
  },
}
