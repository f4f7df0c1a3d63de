import { computed, h, reactive, watch } from 'vue'
import { RouterLink, useRoute } from 'vue-router'
import { api, itemsOf, listDoctors } from '../api.js'
import { store } from '../store.js'
import { t } from '../i18n.js'
import PagerControls from '../components/PagerControls.js'
import { avatar, doctorName, field, formatDate, formatMoney, formatTime, pageHeader, specialtyLabel, specializationName, stateView, useLoader, usePagedLoader } from '../components/ui.js'

const PER_PAGE = 12

export default {
  name: 'FindDoctorView',
  props: {},
  setup() {
    const route = useRoute()
    // Patients browse under /patient; anyone else (logged out included) under /doctors.
    const asPatient = computed(() => store.role === 'patient')
    const base = computed(() => (route.path.startsWith('/patient') ? '/patient/doctors' : '/doctors'))
    const filters = reactive({ spec_id: '', q: '' })
    // The public directory has no specialty list of its own: a visitor's choices are the specialties
    // of the doctors listed.
    const specializations = useLoader(async () => {
      if (asPatient.value) return itemsOf(await api.get('/patient/specializations'), 'specializations')
      const seen = new Map()
      for (const doctor of itemsOf(await listDoctors({ per_page: 100 }))) {
        const spec = doctor.specialization
        if (spec && typeof spec === 'object' && !seen.has(spec.id)) seen.set(spec.id, spec)
      }
      return [...seen.values()].sort((a, b) => a.name.localeCompare(b.name))
    })
    const { loader: doctors, paging, goTo } = usePagedLoader(
      (page) => listDoctors({ ...page, spec_id: filters.spec_id, q: filters.q.trim() }, { asPatient: asPatient.value }),
      PER_PAGE,
    )
    let debounce = null
    watch(
      () => [filters.spec_id, filters.q],
      () => {
        clearTimeout(debounce)
        debounce = setTimeout(() => goTo(1), 300)
      },
    )

    function nextSlot(doctor) {
      const slot = doctor.next_free_slot
      if (!slot) return h('p', { class: 'small text-secondary mb-0' }, t('common.find.no_free_times'))
      return h('p', { class: 'next-slot mb-0' }, [t('find.next_free'), h('strong', `${formatDate(slot.date, { weekday: 'short', day: 'numeric', month: 'short' })} ${formatTime(slot.start_time)}`)])
    }

    function doctorCard(doctor) {
      return h('article', { key: doctor.id, class: 'card cq-card', 'data-testid': 'doctor-card', 'data-doctor-id': doctor.id }, [
        h('div', { class: 'card-body doctor-card' }, [
          h('div', { class: 'doctor-head' }, [
            avatar(doctorName(doctor)),
            h('div', [h('h2', { class: 'doctor-name' }, doctorName(doctor)), h('p', { class: 'doctor-meta' }, specializationName(doctor))]),
          ]),
          h('p', { class: 'doctor-meta' }, [
            doctor.qualification || '',
            doctor.experience_years ? ` · ${t('find.years', { years: doctor.experience_years })}` : '',
            doctor.fee != null ? ` · ${t('find.fee', { fee: formatMoney(doctor.fee) })}` : '',
          ]),
          nextSlot(doctor),
          h(RouterLink, { to: `${base.value}/${doctor.id}`, class: 'btn btn-primary mt-auto', 'data-testid': `view-doctor-${doctor.id}` }, () => t('find.see_times')),
        ]),
      ])
    }

    function changePage(page) {
      goTo(page)
      document.querySelector('main h1')?.scrollIntoView({ block: 'start' })
    }

    return () => {
      const choices = [{ value: '', label: t('find.all_specialties') }, ...(specializations.data || []).map((s) => ({ value: s.id, label: specialtyLabel(s.name, s.labels) }))]
      return h('div', [
        pageHeader(t('find.title'), store.user ? t('find.subtitle_patient') : t('find.subtitle_public')),
        h('form', { class: 'filter-bar', role: 'search', onSubmit: (e) => e.preventDefault() }, [
          field(filters, 'spec_id', { label: t('find.specialty'), type: 'select', choices, idPrefix: 'find' }),
          field(filters, 'q', { label: t('find.doctor_name'), type: 'search', idPrefix: 'find', placeholder: t('find.name_example') }),
        ]),
        stateView(
          doctors,
          (list) =>
            h('div', [
              h('p', { class: 'small text-secondary', 'data-testid': 'doctor-count', 'aria-live': 'polite' }, t(paging.total === 1 ? 'find.count_one' : 'find.count', { count: paging.total })),
              h('div', { class: 'grid-3', 'data-testid': 'doctor-list' }, list.map(doctorCard)),
              h(PagerControls, { page: paging.page, perPage: paging.perPage, total: paging.total, onChange: changePage }),
            ]),
          { emptyText: t('find.none'), loadingText: t('find.finding') },
        ),
      ])
    }
  },
}
