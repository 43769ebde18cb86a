"""Scheduled work: every periodic job behind one entry point (``manage.py run_periodic``).

Each job runs on its own: one that fails is logged with its traceback and the others still run.
The result of the run is kept in the ``stek_status`` database cache (shared by every process and
server) so that ``manage.py run_periodic --status`` and ``/healthz?full=1`` can show a failed or
missing run.
"""

import io
import logging
import time
from datetime import timedelta

from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.db import DatabaseCache
from django.core.management import call_command
from django.db import connections, router
from django.utils import timezone

log = logging.getLogger("stek.periodic")

STATUS_CACHE = "stek_status"
STATUS_KEY = "periodic:last-run"
STALE_AFTER = timedelta(days=2)  # the timer runs daily: two days without a run is a failure
AXES_LOG_DAYS = 30


def _command(name, **options):
    out = io.StringIO()
    call_command(name, stdout=out, **options)
    return out.getvalue().strip() or "done"


def purge_referrals():
    return _command("purge_referrals")


def freeze_network_figures():
    return _command("freeze_network_figures")


def send_shift_reminders():
    return _command("send_shift_reminders")


def clear_sessions():
    return _command("clearsessions")


def axes_cleanup():
    from axes.handlers.proxy import AxesProxyHandler

    logs = AxesProxyHandler.reset_logs(age_days=AXES_LOG_DAYS)
    failures = AxesProxyHandler.reset_failure_logs(age_days=AXES_LOG_DAYS)
    return f"removed {logs} login records and {failures} failure records older than 30 days"


def cache_cleanup():
    """Delete expired rows of every database cache (the backend only culls when it is full)."""
    removed = 0
    for alias in settings.CACHES:
        cache = caches[alias]
        if not isinstance(cache, DatabaseCache):
            continue
        db = router.db_for_write(cache.cache_model_class)
        connection = connections[db]
        table = connection.ops.quote_name(cache._table)
        now = connection.ops.adapt_datetimefield_value(timezone.now().replace(microsecond=0))
        with connection.cursor() as cursor:
            cursor.execute(f"DELETE FROM {table} WHERE expires < %s", [now])  # noqa: S608
            removed += max(cursor.rowcount, 0)
    return f"removed {removed} expired cache rows"


JOBS = [
    ("purge_referrals", purge_referrals),
    ("freeze_network_figures", freeze_network_figures),
    ("send_shift_reminders", send_shift_reminders),
    ("clearsessions", clear_sessions),
    ("axes_cleanup", axes_cleanup),
    ("cache_cleanup", cache_cleanup),
]


def run_jobs(jobs=None, only=None):
    """Run the jobs, each isolated. Returns the recorded run: ``{"started", "finished", "ok",
    "jobs": [{"name", "ok", "seconds", "message"}]}``."""
    started = timezone.now()
    results = []
    for name, job in jobs or JOBS:
        if only and name not in only:
            continue
        t0 = time.perf_counter()
        try:
            message = job()
            ok = True
            log.info("periodic job %s ok: %s", name, message)
        except Exception as error:  # noqa: BLE001 - isolate every job, report the failure
            ok = False
            message = f"{type(error).__name__}: {error}"
            log.exception("periodic job %s FAILED", name)
        results.append(
            {
                "name": name,
                "ok": ok,
                "seconds": round(time.perf_counter() - t0, 3),
                "message": message[:500],
            }
        )
    run = {
        "started": started.isoformat(),
        "finished": timezone.now().isoformat(),
        "ok": all(r["ok"] for r in results),
        "jobs": results,
    }
    try:
        caches[STATUS_CACHE].set(STATUS_KEY, run, timeout=None)
    except Exception:  # noqa: BLE001 - the jobs ran; say loudly that the record failed
        log.exception("could not record the periodic run")
        run["ok"] = False
    return run


def last_run():
    return caches[STATUS_CACHE].get(STATUS_KEY)


def health():
    """``(healthy, text)`` about the last run: failed, missing or older than two days is bad."""
    run = last_run()
    if run is None:
        return False, "periodic: never run"
    finished = timezone.datetime.fromisoformat(run["finished"])
    failed = [job["name"] for job in run["jobs"] if not job["ok"]]
    if failed:
        return False, f"periodic: FAILED {', '.join(failed)} at {run['finished']}"
    if timezone.now() - finished > STALE_AFTER:
        return False, f"periodic: last run {run['finished']}, more than two days ago"
    return True, f"periodic: ok at {run['finished']}"
