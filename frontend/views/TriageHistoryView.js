import { h } from 'vue'
import { RouterLink } from 'vue-router'
import { api } from '../api.js'
import { t } from '../i18n.js'
import { card, formatDateTime, pageHeader, stateView, urgencyBadge, usePagedLoader } from '../components/ui.js'
import { questionsAndAnswers } from '../components/triage.js'

const PER_PAGE = 20

// Every symptom check the patient has done (the home page shows the latest five), with its questions and answers.
export default {
  name: 'TriageHistoryView',
  setup() {
    const { loader, paging, goTo } = usePagedLoader((query) => api.get('/patient/triage', query), PER_PAGE)

    function renderItem(item) {
      return h('li', { key: item.id, class: 'list-group-item py-3', 'data-testid': 'triage-history-item', 'data-triage-id': item.id }, [
        h('div', { class: 'd-flex flex-wrap align-items-center gap-2 mb-1' }, [
          item.urgency ? urgencyBadge(item.urgency) : h('span', { class: 'badge text-bg-secondary' }, t(`status.${item.status}`)),
          h('span', { class: 'small text-secondary' }, formatDateTime(item.created_at)),
          // The specialty in the patient's language (the server names it), the stored name otherwise.
          item.specialization ? h('span', { class: 'small', 'data-testid': 'triage-history-specialty' }, item.specialization_label || item.specialization) : null,
          h(RouterLink, { to: `/patient/check/${item.id}`, class: 'ms-auto small' }, () => t('account.triage.open')),
        ]),
        h('p', { class: 'mb-1' }, item.symptoms),
        questionsAndAnswers(item, { testid: 'triage-history-qa' }),
      ])
    }

    function renderPager() {
      const pages = Math.max(1, Math.ceil(paging.total / paging.perPage))
      if (pages <= 1) return null
      return h('nav', { class: 'd-flex align-items-center gap-2 mt-3', 'aria-label': t('common.pager.label') }, [
        h('button', { type: 'button', class: 'btn btn-outline-secondary btn-sm', disabled: paging.page <= 1, onClick: () => goTo(paging.page - 1) }, t('account.triage.newer')),
        h('span', { class: 'small' }, t('account.triage.page', { page: paging.page, pages })),
        h('button', { type: 'button', class: 'btn btn-outline-secondary btn-sm', disabled: paging.page >= pages, onClick: () => goTo(paging.page + 1) }, t('account.triage.older')),
      ])
    }

    return () =>
      h('div', [
        pageHeader(t('account.triage.title'), t('account.triage.subtitle'), [
          h(RouterLink, { to: '/patient/check', class: 'btn btn-primary btn-sm' }, () => t('account.triage.new')),
        ]),
        card(
          stateView(loader, (items) => h('div', [h('ul', { class: 'list-group list-group-flush', 'data-testid': 'triage-history-list' }, items.map(renderItem)), renderPager()]), {
            emptyText: t('account.triage.none'),
          }),
        ),
      ])
  },
}
