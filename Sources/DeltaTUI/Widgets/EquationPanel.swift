import DeltaText
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
                let substituted = text.render(derivation.substituted[k].expr)
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
            guard let node = fact.node, case .node(_, let k) = target else { return true }
            return node.j == k
        }
        if !facts.isEmpty && !hidden { out.append(("", .plain)) }
        for fact in facts where !hidden {
            let sentence = Narrator.say(fact)
            add(sentence.text, EquationPanel.style(sentence.tone), indent: "")
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

    /// How a sentence's tone is drawn.
    static func style(_ tone: Sentence.Tone) -> Style {
        switch tone {
        case .neutral: return Theme.label
        case .aside: return Theme.dim
        case .good: return Theme.good
        case .warning: return Theme.warning
        }
    }
}
