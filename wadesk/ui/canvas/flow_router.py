"""Routes the canvas's flows around components in the background: Graphviz neato in a QProcess, after edits settle.

The editor never waits for Graphviz: an edit shows its flows straight at
once, and a short quiet moment later neato (positions pinned) routes them;
an answer that arrives after another edit is thrown away. Reports and image
exports call :meth:`FlowRouter.route_now`, which routes synchronously, so
what they draw is what the editor shows once routing has caught up.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from functools import partial

from PySide6.QtCore import QObject, QProcess, QRectF, QTimer, Signal

from wadesk import routing
from wadesk.layout import LayoutError, parse_answer
from wadesk.model import Architecture
from wadesk.ui.canvas.container_item import ContainerItem
from wadesk.ui.canvas.edge_item import EdgeItem
from wadesk.ui.canvas.node_item import NodeItem

#: Quiet time after the last edit before flows are routed, in milliseconds.
SETTLE_MS = 120


def _rect(rect: QRectF) -> routing.Rect:
    return (rect.x(), rect.y(), rect.width(), rect.height())


def routing_problem(arch: Architecture, boxes: Mapping[str, NodeItem | ContainerItem],
                    edges: Mapping[str, EdgeItem]) -> routing.RoutingProblem:
    """The routing problem of the canvas as drawn: where its items are now, measured with the canvas's fonts."""
    problem = routing.RoutingProblem()
    containers = set()
    for node_id, box in boxes.items():
        if isinstance(box, NodeItem):
            problem.ends[node_id] = _rect(box.icon_rect_in_scene())
            problem.captions[node_id] = _rect(box.caption_rect_in_scene())
        else:
            w, h = box.size
            problem.ends[node_id] = (box.scenePos().x(), box.scenePos().y(), w, h)
            problem.obstacles.append(_rect(box.title_rect_in_scene()))
            containers.add(node_id)
    problem.containers = frozenset(containers)
    for edge_id, item in edges.items():
        if arch.has_edge(edge_id):
            edge = arch.edge(edge_id)
            problem.flows[edge_id] = routing.FlowToRoute(edge.source, edge.target, item.label_size())
    return problem


class FlowRouter(QObject):
    """Keeps the flows' routes up to date with the design, off the editor's thread.

    Args:
        shape_count: how many shapes a routing would take (cheap; checked before building the problem).
        problem: the routing problem of the design as drawn now.
        apply: draws a routing on the canvas.
    """

    #: the routes on the canvas were replaced (after each routing, in the editor or synchronous)
    routes_changed = Signal()
    #: str: why flows are drawn straight ("" once they are routed again), for the status bar
    note_changed = Signal(str)

    def __init__(self, shape_count: Callable[[], int], problem: Callable[[], routing.RoutingProblem],
                 apply: Callable[[routing.Routing], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._shape_count = shape_count
        self._problem = problem
        self._apply = apply
        self._revision = 0
        self._process: QProcess | None = None
        self._note = ""
        self._routed = False  # whether the canvas shows routes (not only straight flows)
        self._executable = routing.neato_executable()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SETTLE_MS)
        self._timer.timeout.connect(self._on_timer_timeout)
        self._deadline = QTimer(self)
        self._deadline.setSingleShot(True)
        self._deadline.setInterval(round(routing.NEATO_TIMEOUT * 1000))
        self._deadline.timeout.connect(self._on_deadline_timeout)
        # a neato still running when the canvas goes away is stopped (Qt warns about a process destroyed running)
        running: list[QProcess] = []
        self._running = running
        self.destroyed.connect(lambda *_: [(p.kill(), p.waitForFinished(1000)) for p in running])

    @property
    def note(self) -> str:
        """Why flows are drawn straight, or "" when they are routed."""
        return self._note

    @property
    def pending(self) -> bool:
        """Whether the routes on the canvas may be out of date (an edit not yet routed)."""
        return self._timer.isActive() or self._process is not None

    def schedule(self) -> None:
        """The design's geometry changed: route again once edits settle; any routing under way is dropped."""
        self.cancel()
        self._timer.start()

    def cancel(self) -> None:
        """Drop any routing under way or waiting (a drag started: its flows follow straight)."""
        self._revision += 1
        self._timer.stop()
        self._stop_process()

    def route_now(self) -> None:
        """Route synchronously and draw the result (reports and image exports)."""
        self.cancel()
        self._finish(routing.route_flows(self._problem(), self._executable))

    def _set_note(self, note: str) -> None:
        if note != self._note:
            self._note = note
            self.note_changed.emit(note)

    def _stop_process(self) -> None:
        self._deadline.stop()
        process, self._process = self._process, None
        self._running.clear()
        if process is not None:
            process.finished.disconnect()
            process.kill()
            process.waitForFinished(1000)
            process.deleteLater()

    # -------------------------------------------------------------- slots
    def _on_timer_timeout(self) -> None:
        note = routing.too_large(self._shape_count())
        if note is not None:
            self._set_note(note)
            if self._routed:  # grown past the limit: routes drawn before may cross what was added since
                self._finish(routing.straight_routing(self._problem(), note))
            return
        problem = self._problem()
        plan = routing.plan_routes(problem)
        if plan is None or self._executable is None:
            note = "" if self._executable else "Flows are drawn straight: Graphviz neato is not installed"
            self._finish(routing.finish_routing(problem, {}, note or None))
            return
        process = QProcess(self)
        process.setProgram(self._executable)
        process.setArguments(list(routing.NEATO_OPTIONS))
        process.finished.connect(partial(self._on_process_finished, process, self._revision, problem, plan))
        self._process = process
        self._running[:] = [process]
        process.start()
        process.write(plan.source.encode("utf-8"))
        process.closeWriteChannel()
        self._deadline.start()

    def _on_process_finished(self, process: QProcess, revision: int, problem: routing.RoutingProblem,
                             plan: routing.RoutePlan, *_finished: object) -> None:
        if process is not self._process or revision != self._revision:
            return  # an answer to a design that has changed since
        self._deadline.stop()
        self._process = None
        self._running.clear()
        process.deleteLater()
        try:
            status = process.exitCode() if process.exitStatus() == QProcess.ExitStatus.NormalExit else -1
            answer = parse_answer(status, bytes(process.readAllStandardOutput().data()),
                                  bytes(process.readAllStandardError().data()), "neato")
            result = routing.finish_routing(problem, routing.routes_from_answer(answer, plan))
        except LayoutError as exc:
            result = routing.finish_routing(problem, {}, f"Flows are drawn straight: {exc}")
        self._finish(result)

    def _on_deadline_timeout(self) -> None:
        self._stop_process()
        self._set_note(f"Flows are drawn straight: Graphviz neato took longer than {routing.NEATO_TIMEOUT:g} s")

    def _finish(self, result: routing.Routing) -> None:
        self._routed = result.problem is None
        self._set_note(result.problem or "")
        self._apply(result)
        self.routes_changed.emit()
