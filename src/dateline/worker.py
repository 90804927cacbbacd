"""Each article in a worker process that the parent can stop (issue 9: one 990,000-character
article took 513 s and 3.1 GB and stalled a whole ingest).

The parent loads the pipeline (``Pipeline.warm_up``), then forks a child that inherits the
warm model and dictionaries and annotates one article at a time; nothing is loaded again
and nothing but articles crosses the pipe. The parent sends an article and waits for the
answer, watching the child's clock and resident memory:

- past ``doc_timeout_s`` seconds, or past ``max_rss_mb`` MB, the parent kills the child
  (SIGKILL: a stage stuck in C code or in a loop cannot refuse) and the article fails with
  E034 or E035;
- a child that dies by itself (a crash, the system's out-of-memory killer) fails its
  article with E036;
- either way the next article gets a fresh child forked from the same warm parent, in a few
  milliseconds. A child whose memory has grown past ``RECYCLE_SHARE`` of ``max_rss_mb``
  after an article is replaced before the next one.

The children are made with ``os.fork`` rather than ``multiprocessing``, so a process that is
itself a daemon (a Dask worker, issue 15) may use them too. Where ``os.fork`` is missing
(Windows) ``process_guarded`` runs in the calling process, without the limits; the memory
guard reads ``/proc`` (Linux) and is off where that is missing.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import signal
import time
from collections.abc import Callable, Iterable, Iterator
from multiprocessing.connection import Connection, Pipe
from typing import Any

from .errors import E_MEMORY, E_TIMEOUT, E_WORKER_DIED, DatelineError, LimitError
from .model import Article
from .pipeline import Pipeline

__all__ = ["RECYCLE_SHARE", "Worker", "WorkerError", "limits_enforced", "process_guarded"]

# How often the parent looks at the child's memory while it waits (seconds).
POLL_S = 0.05
# A child that holds more than this share of max_rss_mb after an article is replaced: the
# strings and caches a long run accumulates would otherwise end up failing a normal article.
RECYCLE_SHARE = 0.75
_PAGE_BYTES = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096


class WorkerError(DatelineError):
    """An error raised by a stage in the worker process whose exception could not be carried
    to the parent as it was; the message is the original one."""


def limits_enforced(pipeline: Pipeline) -> bool:
    """Whether ``process_guarded`` runs articles in a worker process: a limit is set and the
    platform can fork."""
    settings = pipeline.settings
    wanted = settings.doc_timeout_s > 0 or settings.max_rss_mb > 0
    return wanted and hasattr(os, "fork")


def process_guarded(
    pipeline: Pipeline,
    articles: Iterable[Article],
    *,
    on_error: Callable[[Article, Exception], None] | None = None,
) -> Iterator[Article]:
    """``Pipeline.process`` with the limits per document: each article in a worker process
    (see the module's docstring). An article over a limit, or whose stages fail, goes to
    ``on_error`` with its error (LimitError for a limit) and the next one is processed;
    without ``on_error`` the error is raised."""
    if not limits_enforced(pipeline):
        # The strings spaCy adds for the words of these texts are freed at the end (issue 15).
        with pipeline.nlp.memory_zone():
            yield from pipeline.process(articles, on_error=on_error)
        return
    pipeline.warm_up()  # load once, before the first fork
    with Worker(pipeline) as worker:
        for article in articles:
            if not pipeline.codes(article):
                yield article  # another language: stored as read, not coded (issue 9)
                continue
            try:
                yield worker.run(article)
            except Exception as e:
                if on_error is None:
                    raise
                on_error(article, e)


class Worker:
    """A forked child that annotates articles for the parent, restarted when it is stopped."""

    def __init__(self, pipeline: Pipeline) -> None:
        self.pipeline = pipeline
        self.pid: int | None = None
        self._conn: Connection | None = None
        self.restarts = 0  # children stopped for a limit, or dead, so far

    def __enter__(self) -> Worker:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def start(self) -> None:
        """Fork the child (the pipeline's resources should be loaded already)."""
        parent_end, child_end = Pipe(duplex=True)
        pid = os.fork()
        if pid == 0:  # the child: serve until the pipe closes, and never return
            status = 0
            try:
                parent_end.close()
                signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C
                _serve(self.pipeline, child_end)
            except BaseException:
                status = 1
            finally:
                os._exit(status)
        child_end.close()
        self.pid, self._conn = pid, parent_end

    def stop(self) -> None:
        """Stop the child (if any) and reap it."""
        if self._conn is not None:
            self._conn.close()
            self._conn = None
        if self.pid is not None:
            with contextlib.suppress(ProcessLookupError):
                os.kill(self.pid, signal.SIGKILL)
            _reap(self.pid)
            self.pid = None

    def run(self, article: Article) -> Article:
        """``article`` annotated by the child; raises LimitError when the child went over a
        limit (it is then stopped), or the stages' error."""
        settings = self.pipeline.settings
        if self.pid is not None and _has_ended(self.pid):
            self.pid = None  # died while idle: not this article's fault
            self.stop()
        if self.pid is None:
            self.start()
        assert self.pid is not None and self._conn is not None
        pid, conn = self.pid, self._conn
        try:
            conn.send(article)
        except (BrokenPipeError, ConnectionResetError, EOFError):
            return self._died(pid)
        timeout = settings.doc_timeout_s
        deadline = time.monotonic() + timeout if timeout > 0 else float("inf")
        limit_mb = settings.max_rss_mb
        while True:
            wait_s = min(POLL_S, max(0.0, deadline - time.monotonic()))
            if conn.poll(wait_s):
                try:
                    kind, value = conn.recv()
                except (EOFError, ConnectionResetError, pickle.UnpicklingError):
                    return self._died(pid)
                if limit_mb > 0 and rss_mb(pid) > RECYCLE_SHARE * limit_mb:
                    self.stop()  # a fresh child for the next article
                if kind == "ok":
                    assert isinstance(value, Article)
                    return value
                assert isinstance(value, Exception)
                raise value
            if limit_mb > 0 and (used := rss_mb(pid)) > limit_mb:
                self._halt()
                raise LimitError(E_MEMORY.format(limit=limit_mb, rss=used))
            if time.monotonic() >= deadline:
                self._halt()
                raise LimitError(E_TIMEOUT.format(limit=timeout))

    def _halt(self) -> None:
        self.stop()
        self.restarts += 1

    def _died(self, pid: int) -> Article:
        status = _reap(pid)
        self.pid = None
        if self._conn is not None:
            self._conn.close()
            self._conn = None
        self.restarts += 1
        raise LimitError(E_WORKER_DIED.format(how=_describe_status(status)))


def _serve(pipeline: Pipeline, conn: Connection) -> None:
    """The child's loop: an article in, ("ok", article) or ("error", exception) out."""
    while True:
        try:
            article = conn.recv()
        except EOFError:
            return
        reply: tuple[str, Any]
        try:
            # The article is plain data: the strings spaCy added for its words are freed
            # once it is coded, so a long-lived child stays flat (issue 15).
            with pipeline.nlp.memory_zone():
                reply = ("ok", pipeline.annotate(article, pipeline.parse(article.text)))
        except Exception as e:
            reply = ("error", _portable(e))
        try:
            conn.send(reply)
        except (pickle.PicklingError, TypeError, AttributeError) as e:  # nothing was sent
            conn.send(("error", WorkerError(f"the result cannot be sent back: {e}")))


def _portable(error: Exception) -> Exception:
    """``error`` when it survives pickling (it is sent to the parent), else a WorkerError
    with its message."""
    try:
        pickle.loads(pickle.dumps(error))
    except Exception:
        return WorkerError(str(error))
    return error


def rss_mb(pid: int) -> int:
    """The resident memory of process ``pid`` in MB (0 where ``/proc`` cannot tell)."""
    try:
        with open(f"/proc/{pid}/statm", "rb") as f:
            resident_pages = int(f.read().split()[1])
    except (OSError, IndexError, ValueError):
        return 0
    return resident_pages * _PAGE_BYTES // (1024 * 1024)


def _has_ended(pid: int) -> bool:
    """Whether the child ``pid`` has ended (it is reaped if so)."""
    try:
        done, _ = os.waitpid(pid, os.WNOHANG)
    except ChildProcessError:
        return True
    return done != 0


def _reap(pid: int) -> int | None:
    """Wait for the child ``pid`` to end; its wait status (None if it was reaped already)."""
    try:
        _, status = os.waitpid(pid, 0)
    except ChildProcessError:
        return None
    return status


def _describe_status(status: int | None) -> str:
    if status is None:
        return "reason unknown"
    if os.WIFSIGNALED(status):
        number = os.WTERMSIG(status)
        name = signal.Signals(number).name if number in signal.valid_signals() else str(number)
        hint = ", as the system's out-of-memory killer does" if number == signal.SIGKILL else ""
        return f"killed by {name}{hint}"
    if os.WIFEXITED(status):
        return f"exit status {os.WEXITSTATUS(status)}"
    return f"wait status {status}"
