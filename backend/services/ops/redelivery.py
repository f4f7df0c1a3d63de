"""Tasks a dead worker took and never finished go back on the queue within minutes, not hours.

With the Redis broker and late acknowledgement, a task a worker has taken
sits in the broker's `unacked` hash until the worker acknowledges it. If the
whole worker process dies (SIGKILL, the machine lost), nothing acknowledges
or rejects it, and Redis would hand it out again only after the visibility
timeout (2 hours here, because it must exceed the longest task).

This sweep asks every live worker which tasks it holds (running or
reserved). A message that has been unacknowledged for longer than
`grace_seconds` and that no live worker holds belongs to a dead worker: it is
put back on its queue, where the next free worker takes it. Every task is
idempotent, so the rare case of a worker too busy to answer costs a repeated
run, never a lost or doubled effect. When no worker answers at all, nothing is
touched (the tasks wait for a worker either way).
"""
from __future__ import annotations

import json
import logging
import time

from flask import current_app

log = logging.getLogger(__name__)

UNACKED, UNACKED_INDEX = "unacked", "unacked_index"


def _held_task_ids(celery, timeout: float) -> set[str] | None:
    inspect = celery.control.inspect(timeout=timeout)
    replies = [inspect.active(), inspect.reserved()]
    if not any(replies):
        return None
    held: set[str] = set()
    for reply in replies:
        for tasks in (reply or {}).values():
            held.update(task.get("id") for task in tasks if task.get("id"))
    return held


def redeliver_orphaned_tasks(now=None, *, grace_seconds: float | None = None, timeout: float = 2.0) -> dict:
    """Requeue the unacknowledged tasks no live worker holds. Returns counts."""
    celery = current_app.extensions["celery"]
    grace = current_app.config.get("ORPHAN_GRACE_SECONDS", 60) if grace_seconds is None else grace_seconds
    with celery.connection_for_write() as connection:
        channel = connection.default_channel
        client = channel.client
        cutoff = time.time() - grace
        old_tags = [tag.decode() if isinstance(tag, bytes) else tag
                    for tag in client.zrangebyscore(UNACKED_INDEX, "-inf", cutoff)]
        if not old_tags:
            return {"unacked": 0, "requeued": 0}
        held = _held_task_ids(celery, timeout)
        if held is None:
            log.warning("no worker answered: %d unacknowledged task(s) left for later", len(old_tags))
            return {"unacked": len(old_tags), "requeued": 0, "workers": 0}
        requeued = []
        for tag in old_tags:
            raw = client.hget(UNACKED, tag)
            if raw is None:
                continue
            message = json.loads(raw)[0]
            task_id = (message.get("headers") or {}).get("id")
            if task_id in held:
                continue
            channel.qos.restore_by_tag(tag, client=client, leftmost=True)
            requeued.append(task_id)
    if requeued:
        log.warning("requeued %d task(s) of a worker that died: %s", len(requeued), requeued)
    return {"unacked": len(old_tags), "requeued": len(requeued), "task_ids": requeued}
