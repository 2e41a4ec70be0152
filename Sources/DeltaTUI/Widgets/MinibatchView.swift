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

    /// Draws the sum into a rectangle.
    func draw(into canvas: inout Canvas, rect: Rect) {
        let inner = canvas.box(rect, title: "Minibatch: Σₘ over the examples")
        guard !inner.isEmpty else { return }
        let frame = TraceFrame(trace: trace, step: step)
        let (l, i, j) = weight()
        let w = "w" + ExprText.subscripted("\(l),\(i + 1),\(j + 1)")
        var lines: [(String, Style)] = [
            ("∂C/∂\(w) = Σₘ a\(ExprText.subscripted("\(l - 1),\(i + 1)"))(m)·δ\(ExprText.subscripted("\(l),\(j + 1)"))(m) / M", Theme.heading),
            ("   m   a\(ExprText.subscripted("\(l - 1),\(i + 1)"))(m)".padded(18) + "δ\(ExprText.subscripted("\(l),\(j + 1)"))(m)".leftPadded(11) + "product".leftPadded(12), Theme.label),
        ]
        var sum = 0.0, known = 0
        for m in 1...trace.M {
            let shownActivation = frame.isComputed(.activation, example: m, layer: l - 1)
            let shownError = frame.isComputed(.error, example: m, layer: l) && !(hidden && m == step.example)
            let a = trace.a(m, l - 1, i), d = trace.delta(m, l, j)
            let cells = [shownActivation ? NumberText.fitting(a, width: 13, decimals: 5) : "·", shownError ? NumberText.fitting(d, width: 10, decimals: 5) : "·",
                         shownActivation && shownError ? NumberText.fitting(a * d, width: 11, decimals: 6) : "·"]
            if shownActivation && shownError { sum += a * d; known += 1 }
            let style: Style = m == step.example ? Theme.touched : .plain
            lines.append(((String(m).leftPadded(4) + cells[0].leftPadded(14)).padded(18) + cells[1].leftPadded(11) + cells[2].leftPadded(12), style))
        }
        lines.append(("", .plain))
        if known == trace.M, case .gradientDescent = step, !hidden {
            lines.append(("Σ/M = \(NumberText.format(sum, digits: 8)) / \(trace.M) = \(NumberText.format(trace.weightGradient(l, i, j), digits: 8))", Theme.touched))
            lines.append(("\(w): \(NumberText.format(trace.weightBefore(l, i, j), digits: 8)) → \(NumberText.format(trace.weightAfter(l, i, j), digits: 8))   Δw = \(NumberText.format(trace.weightChange(l, i, j)))", Theme.touched))
            lines.append(("∂C/∂b\(ExprText.subscripted("\(l),\(j + 1)")) = Σₘ δ(m)/M = \(NumberText.format(trace.biasGradient(l, j), digits: 8))", .plain))
        } else {
            lines.append(("Σ so far (\(known) of \(trace.M) examples) = \(NumberText.format(sum, digits: 8))", Theme.label))
            lines.append(("averaged at gradient descent, after example M", Theme.label))
        }
        canvas.lines(lines, in: inner)
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
