import { h, reactive, watch } from 'vue'
import { RouterLink } from 'vue-router'
import { api, itemsOf } from '../api.js'
import { avatar, doctorName, field, formatDate, formatTime, pageHeader, specializationName, stateView, useLoader } from '../components/ui.js'

export default {
  name: 'FindDoctorView',
  props: {},
  setup() {
    const filters = reactive({ spec_id: '', q: '' })
    const specializations = useLoader(async () => itemsOf(await api.get('/patient/specializations'), 'specializations'))
    const doctors = useLoader(async () => itemsOf(await api.get('/patient/doctors', { spec_id: filters.spec_id, q: filters.q.trim() }), 'doctors'))
    let debounce = null
    watch(
      () => [filters.spec_id, filters.q],
      () => {
        clearTimeout(debounce)
        debounce = setTimeout(() => doctors.reload(), 300)
      },
    )

    function nextSlot(doctor) {
      const slot = doctor.next_free_slot
      if (!slot) return h('p', { class: 'small text-secondary mb-0' }, 'No free times in the next two weeks')
      return h('p', { class: 'next-slot mb-0' }, ['Next free: ', h('strong', `${formatDate(slot.date, { weekday: 'short', day: 'numeric', month: 'short' })} ${formatTime(slot.start_time)}`)])
    }

    return () => {
      const choices = [{ value: '', label: 'All specialties' }, ...(specializations.data || []).map((s) => ({ value: s.id, label: s.name }))]
      return h('div', [
        pageHeader('Find a doctor', 'Search by specialty or name and pick a time that suits you.'),
        h('form', { class: 'filter-bar', role: 'search', onSubmit: (e) => e.preventDefault() }, [
          field(filters, 'spec_id', { label: 'Specialty', type: 'select', choices, idPrefix: 'find' }),
          field(filters, 'q', { label: 'Doctor name', type: 'search', idPrefix: 'find', placeholder: 'e.g. Rahman' }),
        ]),
        stateView(
          doctors,
          (list) =>
            h(
              'div',
              { class: 'grid-3', 'data-testid': 'doctor-list' },
              list.map((doctor) =>
                h('article', { key: doctor.id, class: 'card cq-card', 'data-testid': 'doctor-card', 'data-doctor-id': doctor.id }, [
                  h('div', { class: 'card-body doctor-card' }, [
                    h('div', { class: 'doctor-head' }, [
                      avatar(doctorName(doctor)),
                      h('div', [h('h2', { class: 'doctor-name' }, doctorName(doctor)), h('p', { class: 'doctor-meta' }, specializationName(doctor))]),
                    ]),
                    h('p', { class: 'doctor-meta' }, [
                      doctor.qualification || '',
                      doctor.experience_years ? ` · ${doctor.experience_years} years` : '',
                      doctor.fee != null ? ` · Fee ${doctor.fee}` : '',
                    ]),
                    nextSlot(doctor),
                    h(RouterLink, { to: `/patient/doctors/${doctor.id}`, class: 'btn btn-primary mt-auto', 'data-testid': `view-doctor-${doctor.id}` }, () => 'See times and book'),
                  ]),
                ]),
              ),
            ),
          { emptyText: 'No doctors match your search. Try another specialty or name.', loadingText: 'Finding doctors…' },
        ),
      ])
    }
  },
}
