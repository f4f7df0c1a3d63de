import { computed, h, ref, watch } from 'vue'
import { doctorAvailability, itemsOf } from '../api.js'
import { t } from '../i18n.js'
import { addDays, formatDate, formatTime, loadingBlock, errorBlock, todayISO } from './ui.js'

// Seven days at a time of a doctor's free slots, starting today in clinic time (never a column of past days).
export default {
  name: 'SlotPicker',
  props: {
    doctorId: { type: [Number, String], required: true },
    busySlotId: { type: [Number, String], default: null },
    // The slot buttons' verb for screen readers ("Book", "Move to"); the slot picker's own word when not given.
    actionLabel: { type: String, default: '' },
    asPatient: { type: Boolean, default: true },
  },
  emits: ['select'],
  setup(props, { emit }) {
    const thisWeek = todayISO()
    const weekStart = ref(thisWeek)
    const slots = ref([])
    const loading = ref(false)
    const error = ref(null)

    // On first open, skip ahead to the first week that has free times.
    let weeksToSkip = 4

    async function load() {
      loading.value = true
      error.value = null
      try {
        const data = await doctorAvailability(props.doctorId, { from: weekStart.value, to: addDays(weekStart.value, 6) }, { asPatient: props.asPatient })
        const from = weekStart.value
        const to = addDays(from, 6)
        slots.value = itemsOf(data, 'slots').filter((slot) => !slot.is_booked && String(slot.date).slice(0, 10) >= from && String(slot.date).slice(0, 10) <= to)
        if (!slots.value.length && weeksToSkip-- > 0) {
          weekStart.value = addDays(weekStart.value, 7)
          return
        }
        weeksToSkip = 0
      } catch (err) {
        error.value = err
      } finally {
        loading.value = false
      }
    }
    watch([weekStart, () => props.doctorId], load, { immediate: true })

    const days = computed(() => {
      return Array.from({ length: 7 }, (_, i) => addDays(weekStart.value, i)).map((date) => ({
        date,
        slots: slots.value.filter((slot) => String(slot.date).slice(0, 10) === date).sort((a, b) => String(a.start_time).localeCompare(String(b.start_time))),
      }))
    })

    return () => {
      const end = addDays(weekStart.value, 6)
      const total = days.value.reduce((sum, day) => sum + day.slots.length, 0)
      return h('div', { class: 'slot-picker', 'data-testid': 'slot-picker' }, [
        h('div', { class: 'slot-week-nav' }, [
          h(
            'button',
            { type: 'button', class: 'btn btn-outline-primary btn-sm', disabled: weekStart.value <= thisWeek, 'data-testid': 'week-prev', onClick: () => (weekStart.value = addDays(weekStart.value, -7)) },
            [h('span', { 'aria-hidden': 'true' }, '‹ '), t('common.slots.earlier')],
          ),
          h('p', { class: 'slot-week-label mb-0', 'aria-live': 'polite', 'data-testid': 'week-label' }, `${formatDate(weekStart.value, { day: 'numeric', month: 'short' })} – ${formatDate(end, { day: 'numeric', month: 'short', year: 'numeric' })}`),
          h(
            'button',
            { type: 'button', class: 'btn btn-outline-primary btn-sm', 'data-testid': 'week-next', onClick: () => (weekStart.value = addDays(weekStart.value, 7)) },
            [t('common.slots.later'), h('span', { 'aria-hidden': 'true' }, ' ›')],
          ),
        ]),
        loading.value
          ? loadingBlock(t('common.slots.loading'))
          : error.value
            ? errorBlock(error.value, load)
            : total === 0
              ? h('div', { class: 'state-block state-empty', 'data-testid': 'no-slots' }, t('common.slots.none'))
              : h(
                  'div',
                  { class: 'slot-days' },
                  days.value.map((day) =>
                    h('div', { key: day.date, class: `slot-day${day.slots.length ? '' : ' slot-day-empty'}` }, [
                      h('h3', { class: 'slot-day-title' }, formatDate(day.date, { weekday: 'short', day: 'numeric', month: 'short' })),
                      day.slots.length
                        ? h(
                            'ul',
                            { class: 'slot-list', 'aria-label': t('common.slots.day', { date: formatDate(day.date) }) },
                            day.slots.map((slot) =>
                              h('li', { key: slot.id }, [
                                h(
                                  'button',
                                  {
                                    type: 'button',
                                    class: 'btn btn-outline-primary btn-sm slot-button',
                                    disabled: props.busySlotId != null,
                                    'aria-label': t('common.slots.slot', { action: props.actionLabel || t('common.slots.book'), date: formatDate(day.date), time: formatTime(slot.start_time) }),
                                    'data-testid': `slot-${slot.id}`,
                                    'data-slot-id': slot.id,
                                    onClick: () => emit('select', slot),
                                  },
                                  String(props.busySlotId) === String(slot.id) ? t('common.slots.booking') : formatTime(slot.start_time),
                                ),
                              ]),
                            ),
                          )
                        : h('p', { class: 'slot-none' }, t('common.slots.no_times')),
                    ]),
                  ),
                ),
      ])
    }
  },
}
