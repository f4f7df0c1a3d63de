// Bangla messages for the doctor screens (dashboard, queue, schedule, time off, patient history). Every key here must also be in ../en/doctor.js.
export default {
}
