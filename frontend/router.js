import { createRouter, createWebHashHistory } from 'vue-router'
import { homeFor, store } from './store.js'

import LoginView from './views/LoginView.js'
import RegisterView from './views/RegisterView.js'
import NotFoundView from './views/NotFoundView.js'
import PatientDashboardView from './views/PatientDashboardView.js'
import SymptomCheckView from './views/SymptomCheckView.js'
import TriageHistoryView from './views/TriageHistoryView.js'
import FindDoctorView from './views/FindDoctorView.js'
import DoctorDetailView from './views/DoctorDetailView.js'
import PatientAppointmentsView from './views/PatientAppointmentsView.js'
import TreatmentHistoryView from './views/TreatmentHistoryView.js'
import PatientProfileView from './views/PatientProfileView.js'
import DoctorDashboardView from './views/DoctorDashboardView.js'
import DoctorQueueView from './views/DoctorQueueView.js'
import DoctorPatientHistoryView from './views/DoctorPatientHistoryView.js'
import DoctorScheduleView from './views/DoctorScheduleView.js'
import AdminDashboardView from './views/AdminDashboardView.js'
import AdminDoctorsView from './views/AdminDoctorsView.js'
import AdminSpecializationsView from './views/AdminSpecializationsView.js'
import AdminPatientsView from './views/AdminPatientsView.js'
import AdminAppointmentsView from './views/AdminAppointmentsView.js'
import AdminOutboxView from './views/AdminOutboxView.js'
import AdminJobsView from './views/AdminJobsView.js'
import AdminFrontDeskView from './views/AdminFrontDeskView.js'
import AdminAuditView from './views/AdminAuditView.js'
import DoctorTimeOffView from './views/DoctorTimeOffView.js'
import AccountSettingsView from './views/AccountSettingsView.js'
import ForgotPasswordView from './views/ForgotPasswordView.js'
import ResetPasswordView from './views/ResetPasswordView.js'
import ConfirmEmailView from './views/ConfirmEmailView.js'
import AdminResourcesView from './views/AdminResourcesView.js'
import ExportDownloadView from './views/ExportDownloadView.js'

const patient = { role: 'patient' }
const doctor = { role: 'doctor' }
const admin = { role: 'admin' }
// Where a role-neutral link (from an email) leads each role.
const APPOINTMENTS_OF = { patient: '/patient/appointments', doctor: '/doctor/queue', admin: '/admin/appointments' }

const routes = [
  { path: '/', redirect: () => homeFor(store.role) },
  { path: '/login', component: LoginView, meta: { guest: true, title: 'Log in' } },
  { path: '/register', component: RegisterView, meta: { guest: true, title: 'Create your account' } },
  { path: '/forgot-password', component: ForgotPasswordView, meta: { guest: true, title: 'Forgot password' } },
  { path: '/reset-password', component: ResetPasswordView, meta: { title: 'Choose a new password' } },
  { path: '/confirm-email', component: ConfirmEmailView, meta: { title: 'Confirm your email' } },
  { path: '/settings', component: AccountSettingsView, meta: { auth: true, title: 'Settings' } },
  // Anyone can look for a doctor and their free times; booking asks for a login.
  { path: '/doctors', component: FindDoctorView, meta: { public: true, title: 'Find a doctor' } },
  { path: '/doctors/:id', component: DoctorDetailView, props: true, meta: { public: true, title: 'Doctor' } },
  // Links in emails: the same link for every role, and links sent before a page moved.
  { path: '/appointments', component: NotFoundView, meta: { auth: true, forward: APPOINTMENTS_OF, title: 'Appointments' } },
  { path: '/doctor/appointments', redirect: '/doctor/queue' },
  { path: '/exports/:id', component: ExportDownloadView, props: true, meta: { auth: true, title: 'Your export' } },

  { path: '/patient', component: PatientDashboardView, meta: { ...patient, title: 'Home' } },
  { path: '/patient/check', component: SymptomCheckView, meta: { ...patient, title: 'Symptom check' } },
  { path: '/patient/check/history', component: TriageHistoryView, meta: { ...patient, title: 'Past symptom checks' } },
  { path: '/patient/check/:id', component: SymptomCheckView, props: true, meta: { ...patient, title: 'Symptom check' } },
  { path: '/patient/doctors', component: FindDoctorView, meta: { ...patient, title: 'Find a doctor' } },
  { path: '/patient/doctors/:id', component: DoctorDetailView, props: true, meta: { ...patient, title: 'Doctor' } },
  { path: '/patient/appointments', component: PatientAppointmentsView, meta: { ...patient, title: 'Appointments' } },
  { path: '/patient/treatments', component: TreatmentHistoryView, meta: { ...patient, title: 'Treatments' } },
  { path: '/patient/profile', component: PatientProfileView, meta: { ...patient, title: 'Profile' } },

  { path: '/doctor', component: DoctorDashboardView, meta: { ...doctor, title: 'Dashboard' } },
  { path: '/doctor/queue', component: DoctorQueueView, meta: { ...doctor, title: 'Queue' } },
  { path: '/doctor/patients/:id', component: DoctorPatientHistoryView, props: true, meta: { ...doctor, title: 'Patient history' } },
  { path: '/doctor/schedule', component: DoctorScheduleView, meta: { ...doctor, title: 'Schedule' } },

  { path: '/admin', component: AdminDashboardView, meta: { ...admin, title: 'Dashboard' } },
  { path: '/admin/doctors', component: AdminDoctorsView, meta: { ...admin, title: 'Doctors' } },
  { path: '/admin/specializations', component: AdminSpecializationsView, meta: { ...admin, title: 'Specialties' } },
  { path: '/admin/patients', component: AdminPatientsView, meta: { ...admin, title: 'Patients' } },
  { path: '/admin/appointments', component: AdminAppointmentsView, meta: { ...admin, title: 'Appointments' } },
  { path: '/admin/outbox', component: AdminOutboxView, meta: { ...admin, title: 'Email' } },
  { path: '/admin/jobs', component: AdminJobsView, meta: { ...admin, title: 'Jobs' } },
  { path: '/admin/front-desk', component: AdminFrontDeskView, meta: { ...admin, title: 'Front desk' } },
  { path: '/admin/audit', component: AdminAuditView, meta: { ...admin, title: 'Audit log' } },
  { path: '/doctor/time-off', component: DoctorTimeOffView, meta: { ...doctor, title: 'Time off' } },
  { path: '/admin/resources', component: AdminResourcesView, meta: { ...admin, title: 'Emergency resources' } },

  { path: '/:pathMatch(.*)*', component: NotFoundView, meta: { title: 'Not found' } },
]

export const router = createRouter({
  history: createWebHashHistory(),
  routes,
  scrollBehavior: () => ({ top: 0 }),
})

// Role guards: a page for a role needs a logged-in user of that role.
router.beforeEach(async (to) => {
  await store.loadMe()
  const role = to.meta.role
  if ((role || to.meta.auth) && !store.user) return { path: '/login', query: { redirect: to.fullPath } }
  if (to.meta.forward) return to.meta.forward[store.role] || homeFor(store.role)
  if (role && store.role !== role) return homeFor(store.role)
  if (to.meta.guest && store.user) return homeFor(store.role)
  return true
})

router.afterEach((to) => {
  document.title = to.meta.title ? `${to.meta.title} · CareQueue` : 'CareQueue'
})
