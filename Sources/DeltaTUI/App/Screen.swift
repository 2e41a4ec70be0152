import DeltaText
import DeltaCore
import DeltaLessons

extension TraceApp {
    /// The View: the whole screen for the current state.
    public func render(into canvas: inout Canvas) {
        canvas.fill(canvas.bounds)
        guard canvas.width >= TraceApp.minimumWidth, canvas.height >= TraceApp.minimumHeight else {
            renderTooSmall(into: &canvas)
            return
        }
        let w = canvas.width, h = canvas.height
        renderTitle(into: &canvas, width: w)
        renderPosition(into: &canvas, y: 1, width: w)
        let lessonHeight = h >= 40 ? 7 : 6
        let statusY = h - 1
        let lessonRect = Rect(x: 0, y: statusY - lessonHeight, width: w, height: lessonHeight)
        var main = Rect(x: 0, y: 2, width: w, height: lessonRect.y - 2)
        if showChart && main.height >= 12 {
            let chartHeight = max(6, main.height / 3)
            ChartView(app: self).draw(into: &canvas, rect: Rect(x: 0, y: main.maxY - chartHeight, width: w, height: chartHeight))
            main.height -= chartHeight
        }
        if isCompare {
            let columnWidth = w / panes.count
            for (k, pane) in panes.enumerated() {
                let rect = Rect(x: k * columnWidth, y: main.y, width: k == panes.count - 1 ? w - k * columnWidth : columnWidth, height: main.height)
                renderComparePane(pane, index: k, into: &canvas, rect: rect)
            }
        } else {
            let leftWidth = view == .network ? max(30, min(w * 9 / 20, NetworkView.preferredWidth(leader.run.network) + 2)) : w / 2
            let left = Rect(x: 0, y: main.y, width: leftWidth, height: main.height)
            renderView(pane: leader, into: &canvas, rect: left)
            // A wide terminal also shows the minibatch sum beside the equations.
            let extra = view != .minibatch && w - leftWidth >= 110 ? 52 : 0
            EquationPanel(app: self, pane: leader).draw(into: &canvas, rect: Rect(x: leftWidth, y: main.y, width: w - leftWidth - extra, height: main.height))
            if extra > 0 {
                MinibatchView(app: self, pane: leader).draw(into: &canvas, rect: Rect(x: w - extra, y: main.y, width: extra, height: main.height))
            }
        }
        LessonPane(app: self).draw(into: &canvas, rect: lessonRect)
        renderStatus(into: &canvas, y: statusY, width: w)
        if showHelp { HelpOverlay.draw(into: &canvas) }
        if showBreakpointMenu { renderBreakpointMenu(into: &canvas) }
    }

    func renderView(pane: Pane, into canvas: inout Canvas, rect: Rect) {
        switch view {
        case .network:
            if NetworkView.fits(pane.run.network, in: rect.inset(1)) {
                NetworkView(app: self, pane: pane).draw(into: &canvas, rect: rect)
            } else {
                TablesView(app: self, pane: pane, note: "too wide to draw: per-layer tables").draw(into: &canvas, rect: rect)
            }
        case .minibatch: MinibatchView(app: self, pane: pane).draw(into: &canvas, rect: rect)
        case .tables: TablesView(app: self, pane: pane).draw(into: &canvas, rect: rect)
        }
    }

    func renderComparePane(_ pane: Pane, index: Int, into canvas: inout Canvas, rect: Rect) {
        let color = Theme.series[index % Theme.series.count]
        let cost = pane.run.network.cost
        let inner = canvas.box(rect, title: "\(pane.name) · \(cost)", style: Style(foreground: color), titleStyle: Style(foreground: color, bold: true))
        let trace = pane.cursor.trace
        var header = "minibatch C = \(NumberText.format(trace.cost))"
        // A pane whose run has no step at the leader's position (another batch size) says where it is.
        if pane.cursor.position != leader.cursor.position { header += " · here: \(pane.cursor.position)" }
        canvas.put(header, x: inner.x, y: inner.y, style: pane.cursor.position != leader.cursor.position ? Theme.warning : Theme.label, clip: inner)
        let body = Rect(x: inner.x, y: inner.y + 1, width: inner.width, height: inner.height - 1)
        let networkHeight = NetworkView.fits(pane.run.network, in: Rect(x: 0, y: 0, width: body.width, height: body.height / 2)) ? min(body.height / 2, NetworkView.preferredHeight(pane.run.network)) : 0
        if networkHeight > 0 {
            NetworkView(app: self, pane: pane, framed: false).draw(into: &canvas, rect: Rect(x: body.x, y: body.y, width: body.width, height: networkHeight))
        }
        EquationPanel(app: self, pane: pane, framed: false, compact: body.height - networkHeight < 14)
            .draw(into: &canvas, rect: Rect(x: body.x, y: body.y + networkHeight, width: body.width, height: body.height - networkHeight))
    }

    func renderTitle(into canvas: inout Canvas, width: Int) {
        canvas.fill(Rect(x: 0, y: 0, width: width, height: 1), style: Theme.title)
        let name = URLName.lessonName(lesson.file)
        let compare = isCompare ? " · compare: " + panes.map(\.name).joined(separator: " vs ") : ""
        var title = " DeltaTrace · \(name) · \(lesson.title)" + compare
        if title.count > width { title = " DeltaTrace · \(name)" + compare }
        canvas.put(title, x: 0, y: 0, style: Theme.title)
        let right = " \(view.rawValue) view · ? help "
        if title.count + right.count < width { canvas.put(right, x: width - right.count, y: 0, style: Theme.title) }
    }

    func renderPosition(into canvas: inout Canvas, y: Int, width: Int) {
        let p = leader.cursor.position, layout = leader.run.layout, L = layout.layers
        let step: String
        switch p.step {
        case .feedforward(_, let l): step = "feedforward l=\(l)"
        case .outputError: step = "output error l=\(L)"
        case .backpropagate(_, let l): step = "backpropagate l=\(l)→\(l - 1)"
        case .gradientDescent(let l): step = "gradient descent l=\(l)"
        }
        let M = layout.examples(inUpdate: p.update)
        let example = p.step.example.map { "example \($0)/\(M)" } ?? (M == 1 ? "the 1 example" : "all \(M) examples")
        var text = " epoch \(p.epoch)/\(layout.epochs) · update \(p.update)/\(layout.updatesPerEpoch) · \(example) · \(step)"
        if !isCompare { text += " · C = \(NumberText.format(leader.cursor.trace.cost))" }
        canvas.put(text, x: 0, y: y, style: Theme.position)
        let stepIndex = " step \(leader.cursor.index + 1)/\(layout.totalSteps) "
        if text.count + stepIndex.count < width { canvas.put(stepIndex, x: width - stepIndex.count, y: y, style: Theme.label) }
    }

    func renderStatus(into canvas: inout Canvas, y: Int, width: Int) {
        if case .goTo(let text) = prompt {
            canvas.put(" go to (epoch update example step, e.g. 12 1 1 oe): \(text)█  Enter go · Esc cancel", x: 0, y: y, style: Theme.key)
            return
        }
        if running {
            canvas.put(" ▶ running… any key pauses", x: 0, y: y, style: Theme.warning)
            return
        }
        // The essential keys first; the rest while there is room (all are in the help).
        let keys: [(String, String)] = [("→", "step"), ("←", "back"), ("n/N", "phase"), ("u/U", "update"), ("e/E", "epoch"),
                                        ("g", "go"), ("r", "run"), ("?", "help"), ("q", "quit"), ("tab", "view"), ("c", "chart"), ("b", "breaks")]
        var x = 1
        for (key, what) in keys {
            let width_ = key.count + what.count + 2
            if x + width_ > width { break }
            canvas.put(key, x: x, y: y, style: Theme.key)
            canvas.put(what, x: x + key.count + 1, y: y, style: Theme.label)
            x += width_
        }
    }

    func renderTooSmall(into canvas: inout Canvas) {
        let lines = ["DeltaTrace needs a terminal of at least \(TraceApp.minimumWidth)×\(TraceApp.minimumHeight);",
                     "this one is \(canvas.width)×\(canvas.height). Enlarge it, or press q to quit."]
        for (k, line) in lines.enumerated() {
            let y = canvas.height / 2 - 1 + k
            let shown = wrap(line, width: canvas.width).first ?? ""
            canvas.put(shown, x: max(0, (canvas.width - shown.count) / 2), y: y, style: k == 0 ? Theme.warning : .plain)
        }
    }

    func renderBreakpointMenu(into canvas: inout Canvas) {
        let lines = Breakpoint.allCases.enumerated().map { k, b in "\(k + 1)  [\(breakpoints.contains(b) ? "x" : " ")] stop at \(b.rawValue)" }
        let width = (lines.map(\.count).max() ?? 20) + 4, height = lines.count + 4
        let rect = Rect(x: (canvas.width - width) / 2, y: (canvas.height - height) / 2, width: width, height: height)
        canvas.fill(rect)
        let inner = canvas.box(rect, title: "Breakpoints for r (run)")
        canvas.lines(lines.map { ($0, Style.plain) } + [("", .plain), ("1–3 toggle · any other key closes", Theme.label)], in: inner)
    }
}

/// Names for display.
enum URLName {
    /// "02-saturated-neuron" from "lessons/02-saturated-neuron.yaml".
    static func lessonName(_ path: String) -> String {
        var name = path.split(separator: "/").last.map(String.init) ?? path
        for suffix in [".yaml", ".yml"] where name.hasSuffix(suffix) { name.removeLast(suffix.count) }
        return name
    }
}
