"""Regression floors on every triage case set (see README, "Triage accuracy").

The engine is deterministic, so each floor is the figure measured on the
current knowledge base, rounded down to 0.01: a change that makes any set worse
fails here. How each set has been used matters for what its figure means:

- triage_unseen_c.json, triage_unseen_e.json, triage_unseen_g.json, triage_unseen_k.json,
  triage_unseen_o.json, triage_unseen_r.json, triage_unseen_z.json, triage_unseen_ab.json,
  triage_unseen_bangla_held.json, triage_unseen_bangla_q.json, triage_unseen_bangla_w.json,
  triage_unseen_bangla_bb.json, triage_unseen_ah.json, triage_unseen_bangla_be.json, triage_unseen_an.json,
  triage_unseen_bangla_bi.json, triage_unseen_bangla_bm.json, triage_unseen_ay.json, triage_unseen_cc.json,
  triage_unseen_bangla_bp.json, triage_unseen_cf.json, triage_unseen_ci.json, triage_unseen_cl.json,
  triage_unseen_cm.json, triage_unseen_bangla_br.json, triage_unseen_bangla_bt.json, triage_unseen_bangla_bv.json,
  triage_unseen_bangla_bw.json, triage_unseen_cr.json, triage_unseen_cs.json, triage_unseen_cx.json,
  triage_unseen_bangla_ca.json, triage_unseen_bangla_cb.json, triage_unseen_bangla_cd.json, triage_unseen_cz.json,
  triage_unseen_bangla_cf.json, triage_unseen_dd.json, triage_unseen_bangla_ch.json, triage_unseen_di.json,
  triage_unseen_bangla_ck.json, triage_unseen_dl.json, triage_unseen_do.json,
  triage_unseen_bangla_cn.json, triage_unseen_du.json, triage_unseen_bangla_cp.json, triage_unseen_dx.json,
  triage_unseen_dy.json (emergencies and look-alikes), triage_unseen_bangla_cr.json, triage_unseen_ee.json,
  triage_unseen_ef.json (emergencies and look-alikes), triage_unseen_bangla_ct.json, triage_unseen_en.json,
  triage_unseen_eo.json (emergencies and look-alikes), triage_unseen_bangla_cv.json and triage_test_sealed.json
  have never been used
  to change the knowledge base or the engine (their figures are the honest ones
  for text the engine has not seen);
- triage_unseen_a.json, triage_unseen_b.json, triage_unseen_d.json,
  triage_unseen_f.json, triage_unseen_h.json (clinician notes only),
  triage_unseen_i.json, triage_unseen_j.json, triage_unseen_l.json (clinician
  notes only), triage_unseen_m.json (easy-to-miss emergencies and look-alikes),
  triage_unseen_n.json, triage_unseen_s.json, triage_unseen_t.json, triage_unseen_v.json (clinician notes
  only), triage_coverage_u.json and triage_coverage_ua.json (one case per listed condition),
  triage_unseen_za.json (hard cases), triage_unseen_zb.json and triage_unseen_bangla_bz.json (everyday cases,
  no emergencies), triage_unseen_bangla_dev.json, triage_unseen_bangla2.json,
  triage_unseen_bangla3.json, triage_unseen_bangla_x.json, triage_unseen_bangla_y.json, triage_unseen_ac.json,
  triage_unseen_ad.json, triage_unseen_bangla_ba.json, triage_unseen_ae.json, triage_unseen_af.json and
  triage_unseen_bangla_bc.json (easy-to-miss emergencies and look-alikes), triage_unseen_ag.json,
  triage_unseen_ai.json (easy-to-miss emergencies and look-alikes), triage_unseen_aj.json,
  triage_unseen_ak.json, triage_unseen_bangla_bd.json, triage_unseen_bangla_bf.json, triage_unseen_bangla_bg.json,
  triage_unseen_al.json, triage_unseen_am.json, triage_unseen_ao.json, triage_unseen_ap.json, triage_unseen_aq.json,
  triage_unseen_ar.json, triage_unseen_as.json, triage_unseen_at.json, triage_unseen_au.json, triage_unseen_av.json,
  triage_unseen_bangla_bh.json, triage_unseen_bangla_bj.json, triage_unseen_bangla_bk.json,
  triage_unseen_bangla_bl.json, triage_unseen_aw.json, triage_unseen_ax.json, triage_unseen_az.json,
  triage_unseen_ca.json, triage_unseen_cb.json, triage_unseen_bangla_bn.json, triage_unseen_bangla_bo.json,
  triage_unseen_cd.json, triage_unseen_ce.json, triage_unseen_cg.json, triage_unseen_ch.json, triage_unseen_cj.json,
  triage_unseen_ck.json, triage_unseen_cn.json, triage_unseen_bangla_bq.json, triage_unseen_bangla_bs.json,
  triage_unseen_bangla_bu.json, triage_unseen_bangla_bx.json, triage_unseen_co.json, triage_unseen_cp.json,
  triage_unseen_cq.json, triage_unseen_ct.json, triage_unseen_cu.json, triage_unseen_cv.json, triage_unseen_cw.json,
  triage_unseen_bangla_by.json, triage_unseen_bangla_cc.json, triage_unseen_cy.json, triage_unseen_da.json,
  triage_unseen_db.json, triage_unseen_dc.json, triage_unseen_bangla_ce.json, triage_unseen_bangla_cg.json,
  triage_unseen_de.json, triage_unseen_df.json, triage_unseen_bangla_ci.json, triage_unseen_dg.json,
  triage_unseen_dh.json, triage_unseen_bangla_cj.json, triage_unseen_dj.json, triage_unseen_dk.json,
  triage_unseen_bangla_cl.json, triage_unseen_dm.json, triage_unseen_dn.json, triage_unseen_dp.json,
  triage_unseen_dq.json, triage_unseen_bangla_cm.json, triage_unseen_dr.json, triage_unseen_ds.json,
  triage_unseen_bangla_co.json, triage_unseen_dt.json, triage_unseen_dv.json, triage_unseen_dz.json,
  triage_unseen_ec.json, triage_unseen_eg.json, triage_unseen_dw.json, triage_unseen_ea.json, triage_unseen_eb.json,
  triage_unseen_ed.json, triage_unseen_eh.json, triage_unseen_ei.json and triage_unseen_ej.json (these seven:
  emergencies and look-alikes), triage_unseen_ek.json, triage_unseen_bangla_cq.json, triage_unseen_bangla_cs.json,
  triage_unseen_em.json, triage_unseen_eq.json, triage_unseen_es.json, triage_unseen_et.json and
  triage_unseen_eu.json (these five: emergencies and look-alikes), triage_unseen_el.json, triage_unseen_ep.json, triage_unseen_er.json, triage_unseen_bangla_cu.json
  and triage_unseen_bangla_cw.json were measured once
  unseen and then used to improve the knowledge base;
- triage_eval.json, triage_holdout.json, triage_test_blind.json and
  triage_test_final.json were written for the earlier rule engine and are
  development sets for the knowledge base.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from backend.triage.engine import assess
from backend.triage.evaluation import evaluate, load_cases

DATA = Path(__file__).resolve().parent / "data"

FLOORS = {
    # set: (accuracy, emergency sensitivity, self-care accuracy)
    "triage_unseen_c.json": (0.92, 0.93, 0.94),  # sealed
    "triage_test_sealed.json": (0.91, 0.95, 0.82),  # sealed
    "triage_unseen_e.json": (0.93, 0.94, 0.97),  # sealed
    "triage_unseen_bangla_held.json": (0.85, 0.8, 0.83),  # sealed
    "triage_unseen_g.json": (0.95, 1.0, 0.91),  # sealed
    "triage_unseen_k.json": (0.96, 0.98, 0.97),  # sealed
    "triage_unseen_o.json": (0.94, 1.0, 0.93),  # sealed
    "triage_unseen_bangla_q.json": (0.85, 0.85, 0.92),  # sealed
    "triage_unseen_r.json": (0.91, 0.98, 0.77),  # sealed
    "triage_unseen_a.json": (0.96, 1.0, 0.97),
    "triage_unseen_b.json": (0.98, 1.0, 1.0),
    "triage_unseen_d.json": (0.98, 1.0, 1.0),
    "triage_unseen_f.json": (0.99, 1.0, 1.0),
    "triage_unseen_h.json": (0.98, 1.0, 0.95),
    "triage_unseen_i.json": (1.0, 1.0, 1.0),
    "triage_unseen_j.json": (0.99, 1.0, 0.97),
    "triage_unseen_l.json": (1.0, 1.0, 1.0),
    "triage_unseen_m.json": (1.0, 1.0, 1.0),
    "triage_unseen_bangla_dev.json": (1.0, 1.0, 1.0),
    "triage_unseen_bangla2.json": (0.96, 1.0, 0.96),
    "triage_unseen_n.json": (1.0, 1.0, 1.0),
    "triage_unseen_bangla3.json": (1.0, 1.0, 1.0),
    "triage_eval.json": (0.9, 0.98, 0.93),
    "triage_holdout.json": (0.93, 1.0, 1.0),
    "triage_test_blind.json": (0.95, 1.0, 1.0),
    "triage_test_final.json": (0.97, 1.0, 0.95),
    "triage_unseen_s.json": (1.0, 1.0, 1.0),
    "triage_unseen_t.json": (0.98, 1.0, 0.96),
    "triage_unseen_v.json": (0.98, 1.0, 0.97),
    "triage_coverage_u.json": (0.96, 0.98, 0.91),
    "triage_coverage_ua.json": (0.95, 1.0, 0.95),
    "triage_unseen_bangla_w.json": (0.79, 0.96, 0.68),  # sealed
    "triage_unseen_bangla_x.json": (0.95, 1.0, 0.96),
    "triage_unseen_bangla_y.json": (0.92, 1.0, 0.92),
    "triage_unseen_z.json": (0.95, 1.0, 0.96),  # sealed
    "triage_unseen_za.json": (0.92, 1.0, 0.78),
    "triage_unseen_bangla_bz.json": (0.88, None, 0.82),
    "triage_unseen_ab.json": (0.85, 0.86, 0.8),  # sealed
    "triage_unseen_ac.json": (0.98, 1.0, 0.93),
    "triage_unseen_ad.json": (0.96, 1.0, 0.9),
    "triage_unseen_bangla_ba.json": (0.88, 1.0, 0.72),
    "triage_unseen_bangla_bb.json": (0.84, 0.88, 0.88),  # sealed
    "triage_unseen_ae.json": (0.93, 1.0, 0.8),
    "triage_unseen_af.json": (0.95, 1.0, 0.73),
    "triage_unseen_bangla_bc.json": (0.93, 1.0, 0.84),
    "triage_unseen_zb.json": (0.91, None, 0.82),
    "triage_unseen_ag.json": (0.99, 1.0, 0.96),
    "triage_unseen_ah.json": (0.86, 0.91, 0.8),  # sealed
    "triage_unseen_ai.json": (0.97, 1.0, 0.93),
    "triage_unseen_aj.json": (0.97, 1.0, 0.96),
    "triage_unseen_bangla_bd.json": (0.94, 1.0, 0.84),
    "triage_unseen_bangla_be.json": (0.76, 0.88, 0.68),  # sealed
    "triage_unseen_bangla_bf.json": (0.95, 1.0, 0.96),
    "triage_unseen_ak.json": (0.98, 1.0, 0.93),
    "triage_unseen_bangla_bg.json": (0.84, 0.92, 0.64),
    "triage_unseen_al.json": (0.95, 0.97, 0.86),
    "triage_unseen_am.json": (0.95, 1.0, 0.93),
    "triage_unseen_bangla_bh.json": (0.91, 1.0, 0.92),
    "triage_unseen_ao.json": (0.92, 0.97, 0.8),
    "triage_unseen_ap.json": (0.93, 1.0, 0.8),
    "triage_unseen_bangla_bj.json": (0.93, 1.0, 0.96),
    "triage_unseen_aq.json": (0.91, 1.0, 0.8),
    "triage_unseen_ar.json": (0.95, 1.0, 0.96),
    "triage_unseen_bangla_bk.json": (0.94, 1.0, 0.88),
    "triage_unseen_as.json": (0.94, 1.0, 0.93),
    "triage_unseen_at.json": (0.96, 1.0, 0.93),
    "triage_unseen_bangla_bl.json": (0.9, 0.92, 0.88),
    "triage_unseen_au.json": (0.93, 1.0, 0.86),
    "triage_unseen_av.json": (0.94, 0.97, 0.9),
    "triage_unseen_an.json": (0.93, 0.97, 0.9),  # sealed
    "triage_unseen_bangla_bi.json": (0.78, 0.96, 0.64),  # sealed
    "triage_unseen_bangla_bm.json": (0.79, 0.88, 0.76),  # sealed
    "triage_unseen_aw.json": (0.95, 1.0, 0.93),
    "triage_unseen_ax.json": (0.97, 1.0, 0.96),
    "triage_unseen_ay.json": (0.92, 1.0, 0.9),  # sealed
    "triage_unseen_az.json": (0.95, 1.0, 0.93),
    "triage_unseen_bangla_bn.json": (0.95, 1.0, 1.0),
    "triage_unseen_bangla_bo.json": (0.87, 1.0, 0.84),
    "triage_unseen_bangla_bp.json": (0.83, 0.92, 0.8),  # sealed
    "triage_unseen_ca.json": (0.94, 0.97, 0.9),
    "triage_unseen_cb.json": (0.9, 1.0, 0.9),
    "triage_unseen_cc.json": (0.85, 1.0, 0.7),  # sealed
    "triage_unseen_cd.json": (0.94, 1.0, 0.86),
    "triage_unseen_ce.json": (0.91, 1.0, 0.83),
    "triage_unseen_cf.json": (0.85, 0.94, 0.8),  # sealed
    "triage_unseen_bangla_bq.json": (0.89, 1.0, 0.8),
    "triage_unseen_bangla_br.json": (0.8, 0.84, 0.68),  # sealed
    "triage_unseen_cg.json": (0.89, 1.0, 0.7),
    "triage_unseen_ch.json": (0.95, 1.0, 0.9),
    "triage_unseen_ci.json": (0.84, 0.94, 0.66),  # sealed
    "triage_unseen_bangla_bs.json": (0.87, 1.0, 0.72),
    "triage_unseen_bangla_bt.json": (0.76, 0.76, 0.76),  # sealed
    "triage_unseen_cj.json": (0.93, 1.0, 0.86),
    "triage_unseen_ck.json": (0.85, 0.97, 0.7),
    "triage_unseen_cl.json": (0.84, 0.88, 0.76),  # sealed
    "triage_unseen_bangla_bu.json": (0.88, 1.0, 0.68),
    "triage_unseen_bangla_bv.json": (0.75, 0.92, 0.64),  # sealed
    "triage_unseen_cm.json": (0.87, 0.91, 0.76),  # sealed
    "triage_unseen_cn.json": (0.94, 0.97, 0.86),
    "triage_unseen_bangla_bw.json": (0.75, 0.84, 0.6),  # sealed
    "triage_unseen_bangla_bx.json": (0.84, 1.0, 0.56),
    "triage_unseen_co.json": (0.9, 1.0, 0.83),
    "triage_unseen_cp.json": (0.94, 1.0, 0.93),
    "triage_unseen_cq.json": (0.96, 1.0, 1.0),
    "triage_unseen_cr.json": (0.9, 1.0, 0.73),  # sealed
    "triage_unseen_cs.json": (0.85, 0.86, 0.8),  # sealed
    "triage_unseen_ct.json": (0.95, 0.97, 0.93),
    "triage_unseen_cu.json": (0.91, 1.0, 0.83),
    "triage_unseen_cv.json": (0.92, 1.0, 0.9),
    "triage_unseen_cw.json": (0.91, 1.0, 0.86),
    "triage_unseen_cx.json": (0.85, 0.88, 0.86),  # sealed
    "triage_unseen_bangla_by.json": (0.89, 0.96, 0.96),
    "triage_unseen_bangla_ca.json": (0.78, 0.92, 0.68),  # sealed
    "triage_unseen_bangla_cb.json": (0.74, 0.72, 0.56),  # sealed
    "triage_unseen_bangla_cc.json": (0.92, 1.0, 0.92),
    "triage_unseen_bangla_cd.json": (0.79, 0.72, 0.8),  # sealed
    "triage_unseen_cy.json": (0.94, 1.0, 0.86),
    "triage_unseen_cz.json": (0.9, 0.97, 0.96),  # sealed
    "triage_unseen_da.json": (0.94, 1.0, 0.86),
    "triage_unseen_db.json": (0.96, 1.0, 0.96),
    "triage_unseen_dc.json": (0.93, 1.0, 0.86),
    "triage_unseen_bangla_ce.json": (0.98, 1.0, 1.0),
    "triage_unseen_bangla_cf.json": (0.77, 0.96, 0.8),  # sealed
    "triage_unseen_bangla_cg.json": (0.91, 1.0, 0.8),
    "triage_unseen_dd.json": (0.9, 0.91, 0.9),  # sealed
    "triage_unseen_bangla_ch.json": (0.78, 0.76, 0.76),  # sealed
    "triage_unseen_de.json": (0.93, 1.0, 0.86),
    "triage_unseen_df.json": (0.93, 1.0, 0.86),
    "triage_unseen_bangla_ci.json": (0.82, 1.0, 0.72),
    "triage_unseen_dg.json": (0.93, 0.97, 0.86),
    "triage_unseen_dh.json": (0.97, 1.0, 0.93),
    "triage_unseen_di.json": (0.93, 1.0, 0.9),  # sealed
    "triage_unseen_bangla_cj.json": (0.87, 1.0, 0.72),
    "triage_unseen_bangla_ck.json": (0.69, 0.72, 0.6),  # sealed
    "triage_unseen_dj.json": (0.87, 1.0, 0.73),
    "triage_unseen_dk.json": (0.95, 1.0, 0.9),
    "triage_unseen_dl.json": (0.85, 0.97, 0.8),  # sealed
    "triage_unseen_bangla_cl.json": (0.9, 1.0, 0.8),
    "triage_unseen_dm.json": (0.97, 1.0, 1.0),
    "triage_unseen_dn.json": (0.95, 1.0, 0.93),
    "triage_unseen_do.json": (0.93, 0.94, 0.93),  # sealed
    "triage_unseen_dp.json": (0.96, 1.0, 1.0),
    "triage_unseen_dq.json": (0.99, 1.0, 0.96),
    "triage_unseen_bangla_cm.json": (0.96, 0.96, 1.0),
    "triage_unseen_bangla_cn.json": (0.8, 0.8, 0.8),  # sealed
    "triage_unseen_dr.json": (0.95, 1.0, 0.93),
    "triage_unseen_ds.json": (0.95, 1.0, 0.96),
    "triage_unseen_bangla_co.json": (0.97, 1.0, 0.96),
    "triage_unseen_dt.json": (0.96, 1.0, 0.96),
    "triage_unseen_du.json": (0.89, 0.97, 0.8),  # sealed
    "triage_unseen_bangla_cp.json": (0.74, 0.68, 0.72),  # sealed
    "triage_unseen_dv.json": (0.97, 1.0, 0.96),
    "triage_unseen_dw.json": (0.97, 0.98, 0.87),
    "triage_unseen_dx.json": (0.9, 0.97, 0.8),  # sealed
    "triage_unseen_dy.json": (0.92, 0.91, 0.87),  # sealed
    "triage_unseen_dz.json": (0.95, 1.0, 0.93),
    "triage_unseen_ea.json": (0.92, 0.97, 0.68),
    "triage_unseen_eb.json": (0.97, 0.95, 1.0),
    "triage_unseen_ec.json": (0.89, 0.97, 0.73),
    "triage_unseen_ed.json": (0.95, 0.98, 0.81),
    "triage_unseen_ee.json": (0.87, 0.94, 0.8),  # sealed
    "triage_unseen_ef.json": (0.96, 0.94, 1.0),  # sealed
    "triage_unseen_eg.json": (0.95, 1.0, 0.86),
    "triage_unseen_eh.json": (0.95, 0.97, 0.87),
    "triage_unseen_bangla_cq.json": (0.87, 1.0, 0.88),
    "triage_unseen_bangla_cr.json": (0.8, 0.92, 0.68),  # sealed
    "triage_unseen_bangla_cs.json": (0.85, 1.0, 0.72),
    "triage_unseen_bangla_ct.json": (0.76, 0.88, 0.76),  # sealed
    "triage_unseen_ei.json": (0.96, 1.0, 0.81),
    "triage_unseen_ej.json": (0.94, 0.98, 0.87),
    "triage_unseen_ek.json": (0.97, 1.0, 0.96),
    "triage_unseen_el.json": (0.95, 1.0, 0.9),
    "triage_unseen_em.json": (0.9, 0.94, 0.81),
    "triage_unseen_en.json": (0.93, 0.97, 0.8),  # sealed
    "triage_unseen_eo.json": (0.95, 0.97, 0.93),  # sealed
    "triage_unseen_bangla_cu.json": (0.95, 1.0, 0.92),
    "triage_unseen_bangla_cv.json": (0.73, 0.76, 0.68),  # sealed
    "triage_unseen_ep.json": (0.91, 0.97, 0.93),
    "triage_unseen_eq.json": (0.96, 1.0, 0.93),
    "triage_unseen_bangla_cw.json": (0.94, 1.0, 0.96),
    "triage_unseen_er.json": (0.89, 1.0, 0.73),
    "triage_unseen_es.json": (0.9, 1.0, 0.81),
    "triage_unseen_et.json": (0.88, 0.93, 0.68),
    "triage_unseen_eu.json": (0.93, 0.97, 0.81),
}


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_accuracy_sensitivity_and_self_care_stay_above_their_floor(name):
    summary = evaluate(load_cases(DATA / name), assess)
    accuracy_floor, sensitivity_floor, self_care_floor = FLOORS[name]
    wrong = [case for case in summary["cases"] if case["gold"] != case["predicted"]]
    assert summary["accuracy"] >= accuracy_floor, wrong
    if sensitivity_floor is None:  # a set of everyday cases, none of them an emergency
        assert summary["emergency_sensitivity"] is None and summary["per_level"]["emergency"]["n"] == 0
    else:
        assert summary["emergency_sensitivity"] >= sensitivity_floor, summary["missed_emergencies"]
    assert summary["self_care_accuracy"] >= self_care_floor, summary["per_level"]


def test_the_new_sets_are_written_in_three_registers_in_equal_parts():
    for name in ("triage_unseen_a.json", "triage_unseen_b.json", "triage_unseen_c.json"):
        cases = load_cases(DATA / name)
        registers = [case["register"] for case in cases]
        assert {r: registers.count(r) for r in set(registers)} == {"lay": 50, "caregiver": 50, "clinical": 50}
    every = [case for name in ("a", "b", "c") for case in load_cases(DATA / f"triage_unseen_{name}.json")]
    assert len(every) >= 400
    assert sum(case["gold_urgency"] == "emergency" for case in every) >= 80
    assert sum(case["gold_urgency"] == "self_care" for case in every) >= 80


def test_the_fourth_fifth_and_sixth_pass_sets_are_written_in_three_registers_in_equal_parts():
    for name in ("triage_unseen_j.json", "triage_unseen_k.json", "triage_unseen_n.json", "triage_unseen_o.json",
                 "triage_unseen_r.json", "triage_unseen_s.json"):
        cases = load_cases(DATA / name)
        registers = [case["register"] for case in cases]
        assert {r: registers.count(r) for r in set(registers)} == {"lay": 60, "caregiver": 60, "clinical": 60}
        assert sum(case["gold_urgency"] == "emergency" for case in cases) >= 54
        assert sum(case["gold_urgency"] == "self_care" for case in cases) >= 36
