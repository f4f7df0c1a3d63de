import { watch } from 'vue'
import { createRouter, createWebHashHistory } from 'vue-router'
import { homeFor, store } from './store.js'
import { i18n, t } from './i18n.js'

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
  { path: '/login', component: LoginView, meta: { guest: true, title: () => t('common.title.log_in') } },
  { path: '/register', component: RegisterView, meta: { guest: true, title: () => t('common.title.register') } },
  { path: '/forgot-password', component: ForgotPasswordView, meta: { guest: true, title: () => t('common.title.forgot_password') } },
  { path: '/reset-password', component: ResetPasswordView, meta: { title: () => t('common.title.reset_password') } },
  { path: '/confirm-email', component: ConfirmEmailView, meta: { title: () => t('common.title.confirm_email') } },
  { path: '/settings', component: AccountSettingsView, meta: { auth: true, title: () => t('common.title.settings') } },
  // Anyone can look for a doctor and their free times; booking asks for a login.
  { path: '/doctors', component: FindDoctorView, meta: { public: true, title: () => t('common.title.find_doctor') } },
  { path: '/doctors/:id', component: DoctorDetailView, props: true, meta: { public: true, title: () => t('common.title.doctor') } },
  // Links in emails: the same link for every role, and links sent before a page moved.
  { path: '/appointments', component: NotFoundView, meta: { auth: true, forward: APPOINTMENTS_OF, title: () => t('common.title.appointments') } },
  { path: '/doctor/appointments', redirect: '/doctor/queue' },
  { path: '/exports/:id', component: ExportDownloadView, props: true, meta: { auth: true, title: () => t('common.title.export') } },

  { path: '/patient', component: PatientDashboardView, meta: { ...patient, title: () => t('common.title.home') } },
  { path: '/patient/check', component: SymptomCheckView, meta: { ...patient, title: () => t('common.title.symptom_check') } },
  { path: '/patient/check/history', component: TriageHistoryView, meta: { ...patient, title: () => t('common.title.past_checks') } },
  { path: '/patient/check/:id', component: SymptomCheckView, props: true, meta: { ...patient, title: () => t('common.title.symptom_check') } },
  { path: '/patient/doctors', component: FindDoctorView, meta: { ...patient, title: () => t('common.title.find_doctor') } },
  { path: '/patient/doctors/:id', component: DoctorDetailView, props: true, meta: { ...patient, title: () => t('common.title.doctor') } },
  { path: '/patient/appointments', component: PatientAppointmentsView, meta: { ...patient, title: () => t('common.title.appointments') } },
  { path: '/patient/treatments', component: TreatmentHistoryView, meta: { ...patient, title: () => t('common.title.treatments') } },
  { path: '/patient/profile', component: PatientProfileView, meta: { ...patient, title: () => t('common.title.profile') } },

  { path: '/doctor', component: DoctorDashboardView, meta: { ...doctor, title: () => t('common.title.dashboard') } },
  { path: '/doctor/queue', component: DoctorQueueView, meta: { ...doctor, title: () => t('common.title.queue') } },
  { path: '/doctor/patients/:id', component: DoctorPatientHistoryView, props: true, meta: { ...doctor, title: () => t('common.title.patient_history') } },
  { path: '/doctor/schedule', component: DoctorScheduleView, meta: { ...doctor, title: () => t('common.title.schedule') } },

  { path: '/admin', component: AdminDashboardView, meta: { ...admin, title: () => t('common.title.dashboard') } },
  { path: '/admin/doctors', component: AdminDoctorsView, meta: { ...admin, title: () => t('common.title.doctors') } },
  { path: '/admin/specializations', component: AdminSpecializationsView, meta: { ...admin, title: () => t('common.title.specialties') } },
  { path: '/admin/patients', component: AdminPatientsView, meta: { ...admin, title: () => t('common.title.patients') } },
  { path: '/admin/appointments', component: AdminAppointmentsView, meta: { ...admin, title: () => t('common.title.appointments') } },
  { path: '/admin/outbox', component: AdminOutboxView, meta: { ...admin, title: () => t('common.title.email') } },
  { path: '/admin/jobs', component: AdminJobsView, meta: { ...admin, title: () => t('common.title.jobs') } },
  { path: '/admin/front-desk', component: AdminFrontDeskView, meta: { ...admin, title: () => t('common.title.front_desk') } },
  { path: '/admin/audit', component: AdminAuditView, meta: { ...admin, title: () => t('common.title.audit_log') } },
  { path: '/doctor/time-off', component: DoctorTimeOffView, meta: { ...doctor, title: () => t('common.title.time_off') } },
  { path: '/admin/resources', component: AdminResourcesView, meta: { ...admin, title: () => t('common.title.resources') } },

  { path: '/:pathMatch(.*)*', component: NotFoundView, meta: { title: () => t('common.title.not_found') } },
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

// The browser tab names the page in the language of the moment, and follows a change of language.
function showTitle(route) {
  document.title = route.meta.title ? `${route.meta.title()} · CareQueue` : 'CareQueue'
}

router.afterEach(showTitle)
watch(() => i18n.locale, () => showTitle(router.currentRoute.value))
