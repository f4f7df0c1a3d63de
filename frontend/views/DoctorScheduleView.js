import { h, reactive, ref } from 'vue'
import { api, itemsOf } from '../api.js'
import { store } from '../store.js'
import { localDigits, t } from '../i18n.js'
import { addDays, applyFieldErrors, button, card, field, formAlert, formatDate, formatTime, pageHeader, stateView, todayISO, useLoader } from '../components/ui.js'

// Monday is 0, as the server counts. Labels are read at render time, in the language of the moment.
const weekdayName = (weekday) => t(`doctor.schedule.weekday.${weekday}`)
const weekdayChoices = () => [0, 1, 2, 3, 4, 5, 6].map((value) => ({ value, label: weekdayName(value) }))
const slotChoices = () => [10, 15, 20, 30, 45, 60].map((value) => ({ value, label: t('doctor.schedule.minutes', { count: value }) }))
// A time input's value is always HH:MM in Latin digits, whatever the language shown around it.
const timeValue = (time) => String(time || '').slice(0, 5)

export default {
  name: 'DoctorScheduleView',
  props: {},
  setup() {
    const template = reactive({ slot_minutes: 30, weekly: [] })
    const errors = reactive({})
    const saveError = ref(null)
    const saving = ref(false)
    const publishing = ref(false)
    const block = reactive({ date: todayISO(), start_time: '09:00', end_time: '12:00' })
    const blockErrors = reactive({})
    const addingBlock = ref(false)
    let rowSeq = 0

    const schedule = useLoader(async () => {
      const data = await api.get('/doctor/schedule')
      const s = data.schedule || data
      template.slot_minutes = s.slot_minutes || 30
      template.weekly = itemsOf(s.weekly).map((row) => ({ key: ++rowSeq, weekday: Number(row.weekday), start: timeValue(row.start), end: timeValue(row.end) }))
      return s
    })
    const slots = useLoader(async () => itemsOf(await api.get('/doctor/availability', { from: todayISO(), to: addDays(todayISO(), 13), per_page: 100 }), 'slots'))

    function addRow() {
      const last = template.weekly[template.weekly.length - 1]
      template.weekly.push({ key: ++rowSeq, weekday: last ? Math.min(6, last.weekday + 1) : 0, start: '09:00', end: '13:00' })
    }

    async function save(event) {
      event.preventDefault()
      saving.value = true
      saveError.value = null
      applyFieldErrors(errors, null)
      try {
        await api.put('/doctor/schedule', {
          slot_minutes: Number(template.slot_minutes),
          weekly: template.weekly.map((row) => ({ weekday: Number(row.weekday), start: row.start, end: row.end })),
        })
        store.notify(t('doctor.schedule.saved'))
      } catch (err) {
        saveError.value = err
        applyFieldErrors(errors, err)
      } finally {
        saving.value = false
      }
    }

    async function publish() {
      const ok = await store.confirm({
        title: t('doctor.schedule.publish_title'),
        message: t('doctor.schedule.publish_message'),
        confirmLabel: t('doctor.schedule.publish_confirm'),
      })
      if (!ok) return
      publishing.value = true
      try {
        const data = await api.post('/doctor/availability', { publish_days: 14 })
        store.notify(t('doctor.schedule.published', { count: data.created ?? 0 }))
        slots.reload()
      } catch (err) {
        store.notifyError(err)
      } finally {
        publishing.value = false
      }
    }

    async function addBlock(event) {
      event.preventDefault()
      addingBlock.value = true
      applyFieldErrors(blockErrors, null)
      try {
        const data = await api.post('/doctor/availability', { ...block })
        store.notify(t('doctor.schedule.slots_added', { count: data.created ?? 0, date: formatDate(block.date) }))
        slots.reload()
      } catch (err) {
        applyFieldErrors(blockErrors, err)
        store.notifyError(err)
      } finally {
        addingBlock.value = false
      }
    }

    async function removeSlot(slot) {
      const ok = await store.confirm({
        title: t('doctor.schedule.remove_slot_title'),
        message: t('doctor.schedule.remove_slot_message', { date: formatDate(slot.date), time: formatTime(slot.start_time) }),
        confirmLabel: t('doctor.schedule.remove_slot_confirm'),
        danger: true,
      })
      if (!ok) return
      try {
        await api.delete(`/doctor/availability/${slot.id}`)
        store.notify(t('doctor.schedule.slot_removed'))
        slots.reload()
      } catch (err) {
        store.notifyError(err)
      }
    }

    // The next 14 days, one line per day: its free times (each removable) and its booked ones.
    function slotDays(list) {
      const byDay = new Map()
      for (const slot of list) {
        const day = String(slot.date).slice(0, 10)
        if (!byDay.has(day)) byDay.set(day, [])
        byDay.get(day).push(slot)
      }
      return h('div', { class: 'slot-days-list', 'data-testid': 'slot-days' }, [
        h('p', { class: 'small text-secondary mb-1' }, [t('doctor.schedule.legend_booked'), h('span', { 'aria-hidden': 'true' }, '×'), t('doctor.schedule.legend_remove')]),
        ...[...byDay.entries()].map(([day, daySlots]) => {
        const booked = daySlots.filter((slot) => slot.is_booked).length
        return h('div', { key: day, class: 'slot-day-row', 'data-testid': 'slot-day', 'data-date': day }, [
          h('h3', { class: 'slot-day-heading' }, [
            formatDate(day, { weekday: 'short', day: 'numeric', month: 'short' }),
            h('span', { class: 'small text-secondary fw-normal ms-2' }, t('doctor.schedule.day_counts', { free: daySlots.length - booked, booked })),
          ]),
          h('ul', { class: 'slot-chip-list', 'aria-label': t('doctor.schedule.slots_on', { date: formatDate(day) }) }, daySlots.map((slot) =>
            h('li', { key: slot.id }, slot.is_booked
              ? h('span', { class: 'slot-chip slot-chip-booked', 'data-testid': `slot-${slot.id}` }, [formatTime(slot.start_time), h('span', { class: 'visually-hidden' }, t('doctor.schedule.slot_booked'))])
              : h('span', { class: 'slot-chip', 'data-testid': `slot-${slot.id}` }, [
                  formatTime(slot.start_time),
                  h('button', { type: 'button', class: 'slot-chip-remove', 'aria-label': t('doctor.schedule.remove_slot_label', { date: formatDate(day), time: formatTime(slot.start_time) }), 'data-testid': `slot-remove-${slot.id}`, onClick: () => removeSlot(slot) }, '×'),
                ]),
            ),
          )),
        ])
      })])
    }

    function rowError(index, key) {
      return errors[`weekly.${index}.${key}`] || errors[`weekly[${index}].${key}`]
    }

    function scheduleRow(row, index) {
      const rowErrors = { weekday: rowError(index, 'weekday'), start: rowError(index, 'start'), end: rowError(index, 'end') }
      return h('div', { key: row.key, class: 'schedule-row', 'data-testid': 'schedule-row' }, [
        field(row, 'weekday', { label: t('doctor.schedule.day'), type: 'select', choices: weekdayChoices(), idPrefix: `schedule-${index}`, errors: rowErrors }),
        field(row, 'start', { label: t('doctor.schedule.from'), type: 'time', idPrefix: `schedule-${index}`, errors: rowErrors }),
        field(row, 'end', { label: t('doctor.schedule.to'), type: 'time', idPrefix: `schedule-${index}`, errors: rowErrors }),
        h('button', { type: 'button', class: 'btn btn-outline-danger', 'aria-label': t('doctor.schedule.remove_row', { day: weekdayName(row.weekday), start: localDigits(row.start), end: localDigits(row.end) }), 'data-testid': `schedule-remove-${index}`, onClick: () => template.weekly.splice(index, 1) }, t('doctor.schedule.remove')),
      ])
    }

    return () =>
      h('div', [
        pageHeader(t('doctor.schedule.title'), t('doctor.schedule.subtitle'), [button(t('doctor.schedule.publish'), { onClick: publish, busy: publishing.value, testid: 'publish-slots' })]),
        h('div', { class: 'grid-2' }, [
          card(
            stateView(
              schedule,
              () =>
                h('form', { novalidate: true, onSubmit: save, 'data-testid': 'schedule-form' }, [
                  formAlert(saveError.value),
                  field(template, 'slot_minutes', { label: t('doctor.schedule.slot_length'), type: 'select', choices: slotChoices(), idPrefix: 'schedule', errors }),
                  template.weekly.length ? h('div', template.weekly.map(scheduleRow)) : h('p', { class: 'text-secondary' }, t('doctor.schedule.no_hours')),
                  h('div', { class: 'd-flex gap-2 flex-wrap mt-3' }, [
                    button(t('doctor.schedule.add_session'), { variant: 'outline-primary', onClick: addRow, testid: 'schedule-add' }),
                    button(t('doctor.schedule.save'), { type: 'submit', busy: saving.value, testid: 'schedule-save' }),
                  ]),
                ]),
              { isEmpty: () => false },
            ),
            { title: t('doctor.schedule.weekly_title') },
          ),
          h('div', { class: 'stack' }, [
            card(
              h('form', { novalidate: true, onSubmit: addBlock, 'data-testid': 'block-form' }, [
                field(block, 'date', { label: t('doctor.schedule.date'), type: 'date', idPrefix: 'block', errors: blockErrors, min: todayISO() }),
                h('div', { class: 'row g-2' }, [
                  h('div', { class: 'col-6' }, field(block, 'start_time', { label: t('doctor.schedule.from'), type: 'time', idPrefix: 'block', errors: blockErrors })),
                  h('div', { class: 'col-6' }, field(block, 'end_time', { label: t('doctor.schedule.to'), type: 'time', idPrefix: 'block', errors: blockErrors })),
                ]),
                button(t('doctor.schedule.add_slots'), { type: 'submit', variant: 'outline-primary', busy: addingBlock.value, testid: 'block-submit' }),
              ]),
              { title: t('doctor.schedule.extra_title') },
            ),
            card(
              stateView(
                slots,
                (list) => slotDays(list),
                { emptyText: t('doctor.schedule.no_slots') },
              ),
              { title: t('doctor.schedule.slots_title'), testid: 'upcoming-slots' },
            ),
          ]),
        ]),
      ])
  },
}
