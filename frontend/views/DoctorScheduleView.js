import { h, reactive, ref } from 'vue'
import { api, itemsOf } from '../api.js'
import { store } from '../store.js'
import { addDays, applyFieldErrors, button, card, field, formAlert, formatDate, formatTime, pageHeader, stateView, todayISO, useLoader } from '../components/ui.js'

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']
const WEEKDAY_CHOICES = WEEKDAYS.map((label, value) => ({ value, label }))
const SLOT_CHOICES = [10, 15, 20, 30, 45, 60].map((value) => ({ value, label: `${value} minutes` }))

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
      template.weekly = itemsOf(s.weekly).map((row) => ({ key: ++rowSeq, weekday: Number(row.weekday), start: formatTime(row.start), end: formatTime(row.end) }))
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
        store.notify('Weekly schedule saved.')
      } catch (err) {
        saveError.value = err
        applyFieldErrors(errors, err)
      } finally {
        saving.value = false
      }
    }

    async function publish() {
      const ok = await store.confirm({
        title: 'Publish the next 14 days?',
        message: 'Bookable slots are created from your saved weekly schedule. Existing slots are kept.',
        confirmLabel: 'Publish slots',
      })
      if (!ok) return
      publishing.value = true
      try {
        const data = await api.post('/doctor/availability', { publish_days: 14 })
        store.notify(`${data.created ?? 0} new slots published.`)
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
        store.notify(`${data.created ?? 0} slots added on ${formatDate(block.date)}.`)
        slots.reload()
      } catch (err) {
        applyFieldErrors(blockErrors, err)
        store.notifyError(err)
      } finally {
        addingBlock.value = false
      }
    }

    async function removeSlot(slot) {
      const ok = await store.confirm({ title: 'Remove this slot?', message: `${formatDate(slot.date)} at ${formatTime(slot.start_time)} will no longer be bookable.`, confirmLabel: 'Remove slot', danger: true })
      if (!ok) return
      try {
        await api.delete(`/doctor/availability/${slot.id}`)
        store.notify('Slot removed.')
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
        h('p', { class: 'small text-secondary mb-1' }, ['Shaded times are booked. ', h('span', { 'aria-hidden': 'true' }, '×'), ' removes a free time.']),
        ...[...byDay.entries()].map(([day, daySlots]) => {
        const booked = daySlots.filter((slot) => slot.is_booked).length
        return h('div', { key: day, class: 'slot-day-row', 'data-testid': 'slot-day', 'data-date': day }, [
          h('h3', { class: 'slot-day-heading' }, [
            formatDate(day, { weekday: 'short', day: 'numeric', month: 'short' }),
            h('span', { class: 'small text-secondary fw-normal ms-2' }, `${daySlots.length - booked} free · ${booked} booked`),
          ]),
          h('ul', { class: 'slot-chip-list', 'aria-label': `Slots on ${formatDate(day)}` }, daySlots.map((slot) =>
            h('li', { key: slot.id }, slot.is_booked
              ? h('span', { class: 'slot-chip slot-chip-booked', 'data-testid': `slot-${slot.id}` }, [formatTime(slot.start_time), h('span', { class: 'visually-hidden' }, ' booked')])
              : h('span', { class: 'slot-chip', 'data-testid': `slot-${slot.id}` }, [
                  formatTime(slot.start_time),
                  h('button', { type: 'button', class: 'slot-chip-remove', 'aria-label': `Remove the free slot on ${formatDate(day)} at ${formatTime(slot.start_time)}`, 'data-testid': `slot-remove-${slot.id}`, onClick: () => removeSlot(slot) }, '×'),
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
        field(row, 'weekday', { label: 'Day', type: 'select', choices: WEEKDAY_CHOICES, idPrefix: `schedule-${index}`, errors: rowErrors }),
        field(row, 'start', { label: 'From', type: 'time', idPrefix: `schedule-${index}`, errors: rowErrors }),
        field(row, 'end', { label: 'To', type: 'time', idPrefix: `schedule-${index}`, errors: rowErrors }),
        h('button', { type: 'button', class: 'btn btn-outline-danger', 'aria-label': `Remove ${WEEKDAYS[row.weekday]} ${row.start}–${row.end}`, 'data-testid': `schedule-remove-${index}`, onClick: () => template.weekly.splice(index, 1) }, 'Remove'),
      ])
    }

    return () =>
      h('div', [
        pageHeader('Schedule', 'Set your usual week, then publish bookable slots.', [button('Publish next 14 days', { onClick: publish, busy: publishing.value, testid: 'publish-slots' })]),
        h('div', { class: 'grid-2' }, [
          card(
            stateView(
              schedule,
              () =>
                h('form', { novalidate: true, onSubmit: save, 'data-testid': 'schedule-form' }, [
                  formAlert(saveError.value),
                  field(template, 'slot_minutes', { label: 'Length of each appointment', type: 'select', choices: SLOT_CHOICES, idPrefix: 'schedule', errors }),
                  template.weekly.length ? h('div', template.weekly.map(scheduleRow)) : h('p', { class: 'text-secondary' }, 'No working hours yet. Add your first session.'),
                  h('div', { class: 'd-flex gap-2 flex-wrap mt-3' }, [
                    button('Add session', { variant: 'outline-primary', onClick: addRow, testid: 'schedule-add' }),
                    button('Save weekly schedule', { type: 'submit', busy: saving.value, testid: 'schedule-save' }),
                  ]),
                ]),
              { isEmpty: () => false },
            ),
            { title: 'Weekly schedule' },
          ),
          h('div', { class: 'stack' }, [
            card(
              h('form', { novalidate: true, onSubmit: addBlock, 'data-testid': 'block-form' }, [
                field(block, 'date', { label: 'Date', type: 'date', idPrefix: 'block', errors: blockErrors, min: todayISO() }),
                h('div', { class: 'row g-2' }, [
                  h('div', { class: 'col-6' }, field(block, 'start_time', { label: 'From', type: 'time', idPrefix: 'block', errors: blockErrors })),
                  h('div', { class: 'col-6' }, field(block, 'end_time', { label: 'To', type: 'time', idPrefix: 'block', errors: blockErrors })),
                ]),
                button('Add slots', { type: 'submit', variant: 'outline-primary', busy: addingBlock.value, testid: 'block-submit' }),
              ]),
              { title: 'Extra hours on one day' },
            ),
            card(
              stateView(
                slots,
                (list) => slotDays(list),
                { emptyText: 'No slots in the next 14 days. Publish your schedule to open bookings.' },
              ),
              { title: 'Slots in the next 14 days', testid: 'upcoming-slots' },
            ),
          ]),
        ]),
      ])
  },
}
