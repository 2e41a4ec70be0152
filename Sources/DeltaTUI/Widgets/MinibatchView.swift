import DeltaCore
import DeltaText

/// The sum over the minibatch made visible: for one weight (the focused one at gradient
/// descent, otherwise the first weight into the focused node), each example's term
/// a_{l−1,i}(m) δ_{l,j}(m), their average ∂C/∂w, and the update; and δ_{l,j}(m), whose
/// average is ∂C/∂b.
struct MinibatchView {
    /// The update's trace.
    let trace: UpdateTrace
    /// The current step.
    let step: Step
    /// The node, weight or bias the equations show.
    let focus: StepExplanation.Target?
    /// Whether the values the step computes are hidden (a question asks for one).
    let hidden: Bool

    /// Draws the sum into a rectangle. Each column's numbers are written to fit its width
    /// (``NumberText/fitting(_:width:decimals:minus:)``, which rounds), the columns sharing
    /// the box's width; the lines under the table wrap. While a question waits at gradient
    /// descent, the products and their sum are hidden too: the sum over M is ∂C/∂w, which
    /// the step computes.
    func draw(into canvas: inout Canvas, rect: Rect) {
        let inner = canvas.box(rect, title: "Minibatch: Σₘ over the examples")
        guard !inner.isEmpty else { return }
        canvas.lines(lines(width: inner.width), in: inner)
    }

    /// The widths of the columns a(m), δ(m) and the product at a width: 13, 10 and 11 where
    /// they fit, else the room left after the m column shared out.
    static func columnWidths(width: Int) -> (a: Int, delta: Int, product: Int) {
        let room = max(15, width - 4 - 3)
        if room >= 34 { return (13, 10, 11) }
        let third = room / 3
        return (room - 2 * third, third, third)
    }

    /// The view's lines at a width.
    func lines(width: Int) -> [(String, Style)] {
        let frame = TraceFrame(trace: trace, step: step)
        let (l, i, j) = weight()
        let w = "w" + ExprText.subscripted("\(l),\(i + 1),\(j + 1)")
        let column = MinibatchView.columnWidths(width: width)
        var lines: [(String, Style)] = []
        func add(_ text: String, _ style: Style) {
            for piece in wrap(text, width: width, indent: "    ") { lines.append((piece, style)) }
        }
        add("∂C/∂\(w) = Σₘ a\(ExprText.subscripted("\(l - 1),\(i + 1)"))(m)·δ\(ExprText.subscripted("\(l),\(j + 1)"))(m) / M", Theme.heading)
        func row(_ m: String, _ a: String, _ d: String, _ p: String) -> String {
            m.leftPadded(4) + " " + a.leftPadded(column.a) + " " + d.leftPadded(column.delta) + " " + p.leftPadded(column.product)
        }
        let names = ["a" + ExprText.subscripted("\(l - 1),\(i + 1)") + "(m)", "δ" + ExprText.subscripted("\(l),\(j + 1)") + "(m)"]
        lines.append((row("m", names[0], names[1], column.product >= 7 ? "product" : "a·δ"), Theme.label))
        // At gradient descent the sum over the examples is what the step computes.
        let hidesSum = hidden && step.phase == .gradientDescent
        var sum = 0.0, known = 0, hiddenTerm = false
        for m in 1...trace.M {
            let shownActivation = frame.isComputed(.activation, example: m, layer: l - 1)
            let computedError = frame.isComputed(.error, example: m, layer: l)
            // The δ this very step computes, while a question waits: "?" (computed, hidden),
            // not "·" (not computed yet).
            let hiddenError = computedError && hidden && m == step.example
            let shownError = computedError && !hiddenError
            let a = trace.a(m, l - 1, i), d = trace.delta(m, l, j)
            let product = shownActivation && shownError ? (hidesSum ? "?" : NumberText.fitting(a * d, width: column.product, decimals: 6))
                : (shownActivation && hiddenError ? "?" : "·")
            let cells = [shownActivation ? NumberText.fitting(a, width: column.a, decimals: 5) : "·",
                         shownError ? NumberText.fitting(d, width: column.delta, decimals: 5) : (hiddenError ? "?" : "·"), product]
            if shownActivation && shownError { sum += a * d; known += 1 }
            if shownActivation && hiddenError { known += 1; hiddenTerm = true }
            let style: Style = m == step.example ? Theme.touched : .plain
            lines.append((row(String(m), cells[0], cells[1], cells[2]), style))
        }
        lines.append(("", .plain))
        if hidesSum {
            add("Σ/M = ? (the step computes it)", Theme.hidden)
        } else if known == trace.M, case .gradientDescent = step {
            add("Σ/M = \(NumberText.format(sum, digits: 8)) / \(trace.M) = \(NumberText.format(trace.weightGradient(l, i, j), digits: 8))", Theme.touched)
            let update = "\(w): \(NumberText.format(trace.weightBefore(l, i, j), digits: 8)) → \(NumberText.format(trace.weightAfter(l, i, j), digits: 8))"
            let change = "Δw = \(NumberText.format(trace.weightChange(l, i, j)))"
            // Δw on the update's line where it fits, else on its own (never "Δw =" apart from its number).
            if update.count + 3 + change.count <= width { add(update + "   " + change, Theme.touched) } else { add(update, Theme.touched); add("    " + change, Theme.touched) }
            add("∂C/∂b\(ExprText.subscripted("\(l),\(j + 1)")) = Σₘ δ(m)/M = \(NumberText.format(trace.biasGradient(l, j), digits: 8))", .plain)
        } else {
            add("Σ so far (\(known) of \(trace.M) examples) = " + (hiddenTerm ? "?" : NumberText.format(sum, digits: 8)),
                hiddenTerm ? Theme.hidden : Theme.label)
            add("averaged at gradient descent, after example M", Theme.label)
        }
        return lines
    }

    /// The weight shown: the focused one at gradient descent, else the first weight into the
    /// focused node (of the layer the step is about).
    func weight() -> (Int, Int, Int) {
        switch focus {
        case .weight(let l, let i, let j)?: return (l, i, j)
        case .bias(let l, let j)?: return (l, 0, j)
        case .node(let l, let j)?: return l >= 1 ? (l, 0, j) : (1, j, 0)
        default: return (trace.network.L, 0, 0)
        }
    }
}
