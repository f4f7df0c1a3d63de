import { h, onMounted, ref } from 'vue'
import { api } from '../api.js'
import { formatDateTime } from './ui.js'
import { t } from '../i18n.js'

// "Since your last visit": bookings, cancellations and moves on the doctor's list.
export default {
  name: 'DoctorChangesPanel',
  setup() {
    const data = ref(null)
    onMounted(async () => {
      try {
        data.value = await api.get('/doctor/changes')
        if (data.value.items.length) await api.post('/doctor/changes/seen')
      } catch {
        data.value = null
      }
    })
    return () => {
      if (!data.value) return null
      const items = data.value.items
      return h('section', { class: 'card cq-card mt-3', 'data-testid': 'doctor-changes' }, [
        h('div', { class: 'card-body' }, [
          h('h2', { class: 'h5' }, data.value.since ? t('doctor.changes.since_last_visit') : t('doctor.changes.recent')),
          items.length
            ? h('ul', { class: 'list-unstyled mb-0' }, items.map((item) => h('li', { key: item.id, class: 'py-1 border-bottom' }, [h('span', { class: 'small text-secondary me-2' }, formatDateTime(item.at)), item.summary])))
            : h('p', { class: 'text-secondary mb-0' }, t('doctor.changes.none')),
        ]),
      ])
    }
  },
}
