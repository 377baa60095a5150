"""Flow routing on the examples: neato's time, and how many flow labels cover something, by placement.

Three ways to place a label are compared on the same neato routes: at the
middle of the route, where Graphviz's own ``xlabel`` placement puts it (a box
of the label's size), and where wadesk's label pass puts it. A label counts
as covering when its box overlaps a component's icon or caption, a
container's title or another flow's label.
"""

from __future__ import annotations

import itertools
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication  # noqa: E402

from wadesk import routing  # noqa: E402
from wadesk.fileformat import load_design  # noqa: E402
from wadesk.ui.canvas.edge_item import EdgeItem  # noqa: E402
from wadesk.ui.canvas.scene import DesignScene  # noqa: E402
from wadesk.ui.document import DocumentController  # noqa: E402
from wadesk.ui.selection import SelectionModel  # noqa: E402

EXAMPLES = sorted((Path(__file__).resolve().parents[1] / "examples").glob("*.wadesk"))


def covering(problem: routing.RoutingProblem, labels: list[routing.Rect]) -> int:
    """How many of ``labels`` overlap an icon, a caption, a title or another label."""
    shapes = [rect for end, rect in problem.ends.items() if end not in problem.containers]
    shapes += [*problem.captions.values(), *problem.obstacles]
    count = 0
    for index, label in enumerate(labels):
        others = labels[:index] + labels[index + 1:]
        if any(routing.intersects(label, shape) for shape in itertools.chain(shapes, others)):
            count += 1
    return count


def with_xlabels(plan: routing.RoutePlan, problem: routing.RoutingProblem) -> str:
    """``plan``'s source with each labelled flow's label box as a Graphviz xlabel of the same size."""
    source = plan.source.replace("splines=true,", "splines=true, forcelabels=true,")
    for flow_id, edge in plan.flows.items():
        size = problem.flows[flow_id].label
        if size is None:
            continue
        box = (f'<<TABLE BORDER="0" CELLPADDING="0" CELLSPACING="0"><TR><TD FIXEDSIZE="TRUE" WIDTH="{size[0]:.0f}"'
               f' HEIGHT="{size[1]:.0f}"> </TD></TR></TABLE>>')
        source = source.replace(f'[id="{edge}"]', f'[id="{edge}", xlabel={box}]')
    return source


def xlabel_boxes(answer: dict, plan: routing.RoutePlan, problem: routing.RoutingProblem) -> list[routing.Rect]:
    """Where Graphviz put each xlabel, in scene coordinates."""
    flow_of = {edge: flow_id for flow_id, edge in plan.flows.items()}
    origin = next(o for o in answer["objects"] if o.get("name") == plan.origin_name)
    ox, oy = (float(v) for v in origin["pos"].split(","))
    dx, dy = ox - plan.origin[0], -oy - plan.origin[1]
    boxes = []
    for edge in answer.get("edges", []):
        flow_id = flow_of.get(edge.get("id"))
        if flow_id is None or "xlp" not in edge:
            continue
        x, y = (float(v) for v in edge["xlp"].split(","))
        w, h = problem.flows[flow_id].label or (0.0, 0.0)
        boxes.append((x - dx - w / 2, -y - dy - h / 2, w, h))
    return boxes


def main() -> int:
    """Print one row per example."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    neato = routing.neato_executable()
    if neato is None:
        print("Graphviz neato is not installed: no routing benchmark")
        return 0
    print()
    print("Flow routing on the examples (labels covering an icon, caption, title or another label)")
    print(f"{'example':<24} {'flows':>5} {'labels':>6} {'neato ms':>8} {'middle':>6} {'xlabel':>6} {'wadesk':>6}")
    for path in EXAMPLES:
        document = DocumentController()
        document.replace(load_design(path), None)
        scene = DesignScene(document, SelectionModel())
        scene.router.cancel()
        problem = scene.router._problem()  # noqa: SLF001 - the canvas's own measurements
        plan = routing.plan_routes(problem)
        if plan is None:
            continue
        start = time.perf_counter()
        answer = routing.run_dot(plan.source, neato, routing.NEATO_TIMEOUT, routing.NEATO_OPTIONS, "neato")
        elapsed = (time.perf_counter() - start) * 1000
        result = routing.finish_routing(problem, routing.routes_from_answer(answer, plan))
        labelled = [fid for fid, flow in problem.flows.items() if flow.label is not None and fid in result.routes]
        middle = []
        for flow_id in labelled:
            item = EdgeItem(flow_id, "x")
            item.set_route(routing.Route(result.routes[flow_id].path))
            size = problem.flows[flow_id].label
            assert size is not None
            mid = item.path().pointAtPercent(0.5)
            middle.append((mid.x() - size[0] / 2, mid.y() - size[1] / 2, size[0], size[1]))
        graphviz = routing.run_dot(with_xlabels(plan, problem), neato, routing.NEATO_TIMEOUT, routing.NEATO_OPTIONS,
                                   "neato")
        xlabels = xlabel_boxes(graphviz, plan, problem)
        placed = [result.routes[fid].label for fid in labelled]
        print(f"{path.stem:<24} {len(problem.flows):>5} {len(labelled):>6} {elapsed:>8.0f} "
              f"{covering(problem, middle):>6} {covering(problem, xlabels):>6} "
              f"{covering(problem, [p for p in placed if p is not None]):>6}")
        document.analyzer.close()
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
