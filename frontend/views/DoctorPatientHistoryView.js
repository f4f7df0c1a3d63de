import { h } from 'vue'
import { RouterLink } from 'vue-router'
import { api, itemsOf } from '../api.js'
import { t } from '../i18n.js'
import { treatmentBlock } from '../components/appointments.js'
import { card, definitionList, formatBirthDate, pageHeader, stateView, useLoader } from '../components/ui.js'

// The patient's sex in words; a value the catalogue does not know is shown as sent.
function sexLabel(sex) {
  if (!sex) return null
  const key = `doctor.history.sex.${sex}`
  const label = t(key)
  return label === key ? sex[0].toUpperCase() + sex.slice(1) : label
}

export default {
  name: 'DoctorPatientHistoryView',
  props: { id: { type: [String, Number], required: true } },
  setup(props) {
    const history = useLoader(() => api.get(`/doctor/patients/${props.id}/history`))
    return () =>
      h('div', [
        h(RouterLink, { to: '/doctor/queue', class: 'd-inline-block mb-3' }, () => t('doctor.history.back')),
        stateView(
          history,
          (data) => {
            const patient = data.patient || {}
            const treatments = itemsOf(data, 'treatments')
            return h('div', { class: 'stack' }, [
              pageHeader(patient.full_name || t('doctor.history.title'), t('doctor.history.subtitle')),
              patient.full_name
                ? card(
                    definitionList([
                      [t('doctor.history.date_of_birth'), patient.date_of_birth ? formatBirthDate(patient.date_of_birth) : null],
                      [t('doctor.history.sex'), sexLabel(patient.sex)],
                      [t('doctor.history.allergies'), patient.allergies],
                      [t('doctor.history.conditions'), patient.conditions],
                      [t('doctor.history.medications'), patient.medications],
                    ]),
                    { title: t('doctor.history.medical_history') },
                  )
                : null,
              treatments.length
                ? h('div', { class: 'stack', 'data-testid': 'patient-treatments' }, treatments.map((treatment) => h('div', { key: treatment.id }, treatmentBlock(treatment))))
                : h('div', { class: 'state-block state-empty', 'data-testid': 'empty' }, t('doctor.history.none')),
            ])
          },
          { isEmpty: () => false },
        ),
      ])
  },
}
