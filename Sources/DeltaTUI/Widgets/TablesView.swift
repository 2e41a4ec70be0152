import DeltaText
import DeltaCore

/// Per-layer tables for networks too wide to draw: z, a, δ of every node of the step's
/// layer for the current example, or ∂C/∂w and Δw of every weight at gradient descent;
/// scrolled so that the focused row is visible.
struct TablesView {
    let app: TraceApp
    let pane: TraceApp.Pane
    var note: String?

    func draw(into canvas: inout Canvas, rect: Rect) {
        let step = pane.cursor.position.step, network = pane.run.network, trace = pane.cursor.trace
        let l = NetworkView.touchedLayer(step, L: network.L)
        let inner = canvas.box(rect, title: "Layer \(l) of \(network.sizes.map(String.init).joined(separator: "-"))")
        guard inner.height >= 3 else { return }
        let frame = TraceFrame(trace: trace, step: step)
        let hidden = app.hidesResults
        var header = "", rows: [String] = []
        var top = 0
        if case .gradientDescent = step {
            header = "  i   j       ∂C/∂w           Δw"
            for i in 0..<network.n(l - 1) {
                for j in 0..<network.n(l) {
                    rows.append(String(i + 1).leftPadded(3) + String(j + 1).leftPadded(4)
                                + (hidden ? "?" : NumberText.fixed(trace.weightGradient(l, i, j), decimals: 6)).leftPadded(12)
                                + (hidden ? "?" : NumberText.fixed(trace.weightChange(l, i, j), decimals: 6)).leftPadded(13))
                }
            }
            for j in 0..<network.n(l) {
                rows.append("  b" + String(j + 1).leftPadded(4) + (hidden ? "?" : NumberText.fixed(trace.biasGradient(l, j), decimals: 6)).leftPadded(12)
                            + (hidden ? "?" : NumberText.fixed(trace.biasChange(l, j), decimals: 6)).leftPadded(13))
            }
        } else {
            let m = step.example ?? 1
            header = "   j          z          a          δ" + (trace.mask.isEmpty ? "" : "  dropped")
            let activation = frame.isComputed(.activation, example: m, layer: l), error = frame.isComputed(.error, example: m, layer: l)
            for j in 0..<network.n(l) {
                func cell(_ v: Double, _ known: Bool) -> String { (known ? (hidden ? "?" : NumberText.fixed(v, decimals: 5)) : "·").leftPadded(11) }
                rows.append(String(j + 1).leftPadded(4) + cell(trace.z(m, l, j), activation && l > 0) + cell(trace.a(m, l, j), activation)
                            + cell(trace.delta(m, l, j), error && l > 0) + (trace.isDropped(m, l, j) ? "  ✗" : ""))
            }
        }
        canvas.put(note ?? "↑/↓ scroll", x: inner.x, y: inner.y, style: Theme.label, clip: inner)
        canvas.put(header, x: inner.x, y: inner.y + 1, style: Theme.heading, clip: inner)
        let visible = inner.height - 2
        let focusRow = min(app.focus, max(rows.count - 1, 0))
        top = max(0, min(focusRow - visible / 2, rows.count - visible))
        for (k, row) in rows.enumerated().dropFirst(top).prefix(visible) {
            canvas.put(row, x: inner.x, y: inner.y + 2 + k - top, style: k == focusRow ? Theme.focused : .plain, clip: inner)
        }
    }
}

/// The lesson's narration for the current beat, the question being asked, or how the
/// student's answer was graded.
struct LessonPane {
    let app: TraceApp

    func draw(into canvas: inout Canvas, rect: Rect) {
        let inner = canvas.box(rect, title: "Lesson")
        guard !inner.isEmpty else { return }
        var lines: [(String, Style)] = []
        func add(_ text: String, _ style: Style) {
            for piece in wrap(text, width: inner.width) { lines.append((piece, style)) }
        }
        let position = app.leader.cursor.position, layout = app.leader.run.layout
        let index = layout.index(of: position)
        for q in app.questionsHere {
            guard let answer = app.answers[q] else { continue }
            let question = app.lesson.questions[q]
            let truth = question.answer.value(in: app.leader.cursor.trace, example: position.step.example ?? 1)
            let verdict = answer.correct ? "✓ Right" : "✗ Not quite"
            add("\(verdict): the answer is \(NumberText.format(truth, digits: 6)); you said \(NumberText.format(answer.typed, digits: 6)).",
                answer.correct ? Theme.good : Theme.bad)
            if let explain = question.explain, app.prompt == nil { add(explain, .plain) }
        }
        if case .answer(let q, let text)? = app.prompt {
            let question = app.lesson.questions[q]
            add("Question: " + question.ask, Theme.warning)
            add("Your answer: " + text + "█   (Enter to check · Esc to skip)", Theme.key)
        }
        if let message = app.message { add(message, Theme.warning) }
        if let beat = app.lesson.beats.filter({ layout.index(of: $0.at.position) <= index })
            .max(by: { layout.index(of: $0.at.position) < layout.index(of: $1.at.position) }) {
            let fresh = beat.at.position == position
            add(beat.text, fresh ? Style(bold: true) : .plain)
        } else if lines.isEmpty {
            add(app.lesson.summary, Theme.label)
        }
        canvas.lines(lines, in: inner)
    }
}

/// Every key, on `?`.
enum HelpOverlay {
    static let keys: [(String, String)] = [
        ("space → l", "next step"),
        ("← h backspace", "previous step"),
        ("n / N", "next / previous step of the same kind"),
        ("u / U", "next update / start of this or the previous update"),
        ("e / E", "next epoch / start of this or the previous epoch"),
        ("g", "go to: epoch update example step (ff oe bp gd) lN"),
        ("r", "run until a breakpoint, beat, question or the end"),
        ("b", "choose breakpoints: NaN/∞, saturated node, cost rising"),
        ("↑ ↓  k j", "choose the node or weight the equations show"),
        ("tab / shift-tab", "network · minibatch · tables view"),
        ("c", "cost chart on/off"),
        ("?", "this help"),
        ("q  Ctrl-C", "quit"),
    ]

    static func draw(into canvas: inout Canvas) {
        let width = min(canvas.width - 4, 76), height = min(canvas.height - 2, keys.count + 4)
        let rect = Rect(x: (canvas.width - width) / 2, y: (canvas.height - height) / 2, width: width, height: height)
        canvas.fill(rect)
        let inner = canvas.box(rect, title: "Keys")
        let lines = keys.map { key, what in (key.padded(17) + what, Style.plain) } + [("", .plain), ("any key closes this help", Theme.label)]
        canvas.lines(lines, in: inner)
        for (k, (key, _)) in keys.enumerated() where k < inner.height {
            canvas.put(key, x: inner.x, y: inner.y + k, style: Theme.key, clip: inner)
        }
    }
}
