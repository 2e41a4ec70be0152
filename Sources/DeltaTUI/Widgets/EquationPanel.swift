import DeltaCore

/// The current step's formula in the lecture's notation, the same with this step's numbers,
/// and the result, for the focused node, weight or bias; then what is worth noticing.
struct EquationPanel {
    let app: TraceApp
    let pane: TraceApp.Pane
    var framed = true
    /// Only the most specific form, its numbers and the result (side-by-side panes on a
    /// small terminal).
    var compact = false

    func draw(into canvas: inout Canvas, rect: Rect) {
        let explanation = pane.cursor.explanation
        let inner = framed ? canvas.box(rect, title: EquationPanel.title(explanation.position.step, L: pane.run.network.L)) : rect
        guard !inner.isEmpty else { return }
        canvas.lines(lines(explanation, width: inner.width), in: inner)
    }

    static func title(_ step: Step, L: Int) -> String {
        switch step {
        case .feedforward(_, let l): return "Feedforward, layer \(l)"
        case .outputError: return "Output error, layer \(L)"
        case .backpropagate(_, let l): return "Backpropagate, layer \(l) → \(l - 1)"
        case .gradientDescent(let l): return "Gradient descent, layer \(l)"
        }
    }

    func lines(_ explanation: StepExplanation, width: Int) -> [(String, Style)] {
        let text = ExprText(digits: width >= 60 ? 7 : 6, maxTerms: width >= 60 ? 5 : 4)
        var out: [(String, Style)] = []
        func add(_ line: String, _ style: Style = .plain, indent: String = "    ") {
            for piece in wrap(line, width: width, indent: indent) { out.append((piece, style)) }
        }
        let targets = explanation.targets
        guard !targets.isEmpty else { return out }
        let focus = min(app.focus, targets.count - 1)
        let target = targets[focus]
        let hidden = app.hidesResults  // in every pane, or another pane would give the answer away
        if targets.count > 1 && !compact {
            out.append(("\(EquationPanel.describe(target)) (\(focus + 1) of \(targets.count), ↑/↓ to choose)", Theme.label))
        }
        let trace = pane.cursor.trace, m = explanation.position.step.example
        for derivation in explanation.derivations(for: target) {
            let equation = derivation.equation
            let relation = equation.relation == .becomes ? " → " : " = "
            let lhs = text.render(equation.lhs)
            let pad = String(repeating: " ", count: min(lhs.count, 12))
            for (k, form) in equation.forms.enumerated() where !compact || k == equation.forms.count - 1 {
                add((k == 0 || compact ? lhs + relation : pad + " = ") + text.render(form), Theme.heading)
                if hidden { continue }
                let substituted = text.render(derivation.substituted[k])
                if substituted != text.render(form) { add(pad + " = " + substituted) }
            }
            add(pad + " = " + (hidden ? "?" : NumberText.format(derivation.result, digits: 8)), hidden ? Theme.hidden : Theme.touched)
        }
        if case .outputError = explanation.position.step, case .node(_, let j) = target, !hidden, let m {
            let f = pane.run.network.outputActivation
            let name = f == .softmax ? "∂a/∂z (diagonal)" : (f == .sigmoid ? "σ′" : f.rawValue + "′") + "(z)"
            add("factors: ∂C/∂a = \(NumberText.format(trace.costGradient(m, j))), \(name) = \(NumberText.format(trace.outputDerivative(m, j)))", Theme.label)
        }
        let facts = explanation.facts.filter { fact in
            switch (fact, target) {
            case (.saturated(_, let j, _, _), .node(_, let k)), (.droppedOut(_, let j), .node(_, let k)), (.inactive(_, let j), .node(_, let k)):
                return j == k
            default: return true
            }
        }
        if !facts.isEmpty && !hidden { out.append(("", .plain)) }
        for fact in facts where !hidden {
            let (sentence, style) = EquationPanel.say(fact, network: pane.run.network)
            add(sentence, style, indent: "")
        }
        return out
    }

    static func describe(_ target: StepExplanation.Target) -> String {
        switch target {
        case .node(let l, let j): return "node \(j + 1) of layer \(l)"
        case .weight(let l, let i, let j): return "weight w\(ExprText.subscripted("\(l),\(i + 1),\(j + 1)"))"
        case .bias(let l, let j): return "bias b\(ExprText.subscripted("\(l),\(j + 1)"))"
        case .cost: return "the example's cost C"
        }
    }

    /// A fact in plain words.
    static func say(_ fact: StepExplanation.Fact, network: Network) -> (String, Style) {
        switch fact {
        case .saturated(let l, let j, let d, let cancelled):
            let f = network.activation(l) == .tanh ? "tanh′(z)" : (network.activation(l) == .softmax ? "a(1 − a)" : "σ′(z)")
            if cancelled {
                return ("\(f) = \(NumberText.format(d, digits: 3)) is tiny — node \(j + 1) is saturated — but the cost cancels it, so δ stays large and learning stays fast.", Theme.good)
            }
            return ("\(f) = \(NumberText.format(d, digits: 3)) is tiny: node \(j + 1) of layer \(l) is saturated, so its δ and every update it drives are small. This is why learning is slow.", Theme.warning)
        case .derivativeCancels(let cost, let activation, let simplification):
            let form = simplification == .activationMinusTarget ? "a − y" : "y(a − 1)"
            return ("With \(cost) and \(activation) outputs the derivative cancels exactly: δ = \(form).", Theme.good)
        case .droppedOut(let l, let j):
            return ("Node \(j + 1) of layer \(l) is dropped out for this example: its a and δ are 0.", Theme.dim)
        case .inactive(let l, let j):
            return ("ReLU node \(j + 1) of layer \(l) has z ≤ 0: relu′ = 0, so no error passes back through it.", Theme.dim)
        case .weightDecay(let factor):
            return ("L2: every weight is first multiplied by 1 − ηλ/n = \(NumberText.format(factor, digits: 8)).", Theme.label)
        case .weightShrink(let amount):
            return ("L1: every weight first moves ηλ/n = \(NumberText.format(amount)) towards 0.", Theme.label)
        }
    }
}
