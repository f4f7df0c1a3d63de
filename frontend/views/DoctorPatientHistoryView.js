import { h } from 'vue'
import { RouterLink } from 'vue-router'
import { api, itemsOf } from '../api.js'
import { treatmentBlock } from '../components/appointments.js'
import { card, definitionList, formatBirthDate, pageHeader, stateView, useLoader } from '../components/ui.js'

export default {
  name: 'DoctorPatientHistoryView',
  props: { id: { type: [String, Number], required: true } },
  setup(props) {
    const history = useLoader(() => api.get(`/doctor/patients/${props.id}/history`))
    return () =>
      h('div', [
        h(RouterLink, { to: '/doctor/queue', class: 'd-inline-block mb-3' }, () => '‹ Back to queue'),
        stateView(
          history,
          (data) => {
            const patient = data.patient || {}
            const treatments = itemsOf(data, 'treatments')
            return h('div', { class: 'stack' }, [
              pageHeader(patient.full_name || 'Patient history', 'Treatments recorded at this clinic.'),
              patient.full_name
                ? card(
                    definitionList([
                      ['Date of birth', patient.date_of_birth ? formatBirthDate(patient.date_of_birth) : null],
                      ['Sex', patient.sex ? patient.sex[0].toUpperCase() + patient.sex.slice(1) : null],
                      ['Allergies', patient.allergies],
                      ['Conditions', patient.conditions],
                      ['Medications', patient.medications],
                    ]),
                    { title: 'Medical history' },
                  )
                : null,
              treatments.length
                ? h('div', { class: 'stack', 'data-testid': 'patient-treatments' }, treatments.map((t) => h('div', { key: t.id }, treatmentBlock(t))))
                : h('div', { class: 'state-block state-empty', 'data-testid': 'empty' }, 'No treatments recorded yet.'),
            ])
          },
          { isEmpty: () => false },
        ),
      ])
  },
}
