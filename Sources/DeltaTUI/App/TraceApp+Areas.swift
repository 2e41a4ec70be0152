import DeltaCore
import DeltaText

/// Where the screen's parts go, computed once for drawing and for the keys that need to
/// know what fits (scrolling the equations).
extension TraceApp {
    /// The main area, the cost chart's rectangle (when shown) and the lesson's box on a
    /// screen of this size: the title and position rows on top, the lesson's box above the
    /// status row, the chart (a third of the rest, at least 6 rows) under the main area
    /// when there are 12 rows for both.
    func areas(width w: Int, height h: Int) -> (main: Rect, chart: Rect?, lesson: Rect) {
        let statusY = h - 1
        let lessonHeight = lessonPaneHeight(width: w, height: h)
        let lessonRect = Rect(x: 0, y: statusY - lessonHeight, width: w, height: lessonHeight)
        var main = Rect(x: 0, y: 2, width: w, height: lessonRect.y - 2)
        var chart: Rect?
        if showChart && main.height >= 12 {
            let chartHeight = max(6, main.height / 3)
            chart = Rect(x: 0, y: main.maxY - chartHeight, width: w, height: chartHeight)
            main.height -= chartHeight
        }
        return (main, chart, lessonRect)
    }

    /// A single run's main area shared out: the chosen view on the left, the equations on
    /// the right, and on a wide terminal the minibatch sum beside them.
    ///
    /// The network takes the width it needs to show every node (numbers of 7 columns, 8 from
    /// 100 columns, 9 from 140), but leaves the equations at least ``minimumEquationWidth``
    /// columns; in less it shows fewer digits. A network it cannot show whole takes at most
    /// half the width (or 40 columns) for the focused node's neighbourhood.
    func singleAreas(_ main: Rect) -> (view: Rect, equations: Rect, minibatch: Rect?) {
        let w = main.width
        let shown = leader.shown
        let leftWidth: Int
        if view == .network {
            let wanted = NetworkView.preferredWidth(shown.trace, height: main.height, digits: w >= 140 ? 9 : w >= 100 ? 8 : 7, image: lesson.image)
            // A network too wide to show whole takes no more than half: its neighbourhood
            // of the focus reads as well, and the equations keep their room.
            let whole = NetworkView.showsEveryNode(shown.trace, width: min(wanted, w - TraceApp.minimumEquationWidth), height: main.height,
                                                   image: lesson.image)
            leftWidth = max(24, min(wanted, whole ? w - TraceApp.minimumEquationWidth : max(w / 2, 40)))
        } else {
            leftWidth = w / 2
        }
        let extra = view != .minibatch && w - leftWidth >= 110 ? 52 : 0
        return (Rect(x: main.x, y: main.y, width: leftWidth, height: main.height),
                Rect(x: main.x + leftWidth, y: main.y, width: w - leftWidth - extra, height: main.height),
                extra > 0 ? Rect(x: main.x + w - extra, y: main.y, width: extra, height: main.height) : nil)
    }

    /// The panes shown side by side and their rectangles, with one layout for all (the
    /// network drawn in every pane or in none, the equations at the same detail), so that
    /// the panes look alike; each scrolled as the equations are.
    func comparePanes(_ main: Rect) -> [(ComparePane, Rect)] {
        let shown = shownRuns(width: main.width)
        let columnWidth = main.width / shown.count
        var panes: [(ComparePane, Rect)] = shown.enumerated().map { column, k in
            var pane = comparePane(k)
            pane.scroll = equationScroll
            pane.more = equationMarkers
            return (pane, Rect(x: main.x + column * columnWidth, y: main.y,
                               width: column == shown.count - 1 ? main.width - column * columnWidth : columnWidth, height: main.height))
        }
        let layout = ComparePane.commonLayout(panes)
        for k in panes.indices { panes[k].0.layout = layout }
        return panes
    }

    /// The single run's equation panel, with its scroll and the keys that scroll it.
    var equationPanel: EquationPanel {
        let shown = leader.shown
        var panel = EquationPanel(explanation: shown.explanation, trace: shown.trace, focus: focus, hidden: hidesResults)
        panel.scroll = equationScroll
        (panel.moreBelow, panel.moreAbove) = equationMarkers
        return panel
    }

    /// The marker rows of equations that do not fit: "↓ more, ]" and "↑ more, [".
    var equationMarkers: (below: String, above: String) {
        let down = KeyBinding.keyName(for: .scrollEquationsDown).map { ", " + $0 } ?? ""
        let up = KeyBinding.keyName(for: .scrollEquationsUp).map { ", " + $0 } ?? ""
        return ("↓ more" + down, "↑ more" + up)
    }

    /// How far the equations scroll on the current screen: the most of any panel shown.
    var maxEquationScroll: Int {
        let main = areas(width: width, height: height).main
        if isCompare { return comparePanes(main).map { $0.0.maxScroll(in: $0.1) }.max() ?? 0 }
        return equationPanel.maxScroll(in: singleAreas(main).equations)
    }

    /// `]` / `[`: scrolls the equations by lines, within what there is to see.
    mutating func scrollEquations(by lines: Int) {
        equationScroll = min(max(0, equationScroll + lines), maxEquationScroll)
    }
}
