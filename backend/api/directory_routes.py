"""/api public directory: the doctors and their free times, for anyone, logged in or not.

As Zocdoc and Doctolib do, a visitor can browse the clinic's doctors and free
times before creating an account; booking still needs a login. Only what a
patient may see of a doctor is shown (name, specialty, qualification, fee,
free times), and answers are the cached response bytes the patient routes use.
"""
from __future__ import annotations

from backend import contracts as c
from backend.api.blueprint import bp
from backend.contracts import contract
from backend.responses import cached_body
from backend.schemas import DateRangeQuery, DoctorListQuery
from backend.services.directory import doctors


@bp.get("/doctors")
@contract(query=DoctorListQuery, paged=True, responses={200: c.DoctorPublicPage})
def public_doctors(query: DoctorListQuery, paging):
    """The clinic's active doctors with their next free time (no login needed)."""
    return cached_body(doctors.public_doctors_body(spec_id=query.spec_id, q=query.q, page=paging.page,
                                                   per_page=paging.per_page))


@bp.get("/doctors/<int:doctor_id>/availability")
@contract(query=DateRangeQuery, responses={200: c.SlotList})
def public_doctor_availability(doctor_id: int, query: DateRangeQuery):
    """A doctor's free times (default: the next 14 days; no login needed)."""
    return cached_body(doctors.bookable_slots_body(doctor_id, query.date_from, query.date_to))
