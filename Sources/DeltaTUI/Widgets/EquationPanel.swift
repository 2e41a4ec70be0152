import DeltaCore
import DeltaText

/// The current step's formula in the lecture's notation, the same with this step's numbers,
/// and the result, for the focused node, weight or bias; then what is worth noticing.
///
/// A substituted form is shown as its agreement with the stored result allows
/// (``Substitution/Agreement``): with "=" when it equals the result, with "≈" when it lost
/// digits to rounding, and not at all when its numbers do not give the result; the narrator
/// says why, and which numbers were computed from z because the stored a had lost them.
struct EquationPanel {
    /// The step's formulas, numbers and facts.
    let explanation: StepExplanation
    /// The update's trace (for the output error's two factors).
    let trace: UpdateTrace
    /// The index of the focused target (clamped to the step's targets).
    let focus: Int
    /// Whether the results are hidden (a question asks for one).
    let hidden: Bool
    /// Whether to draw a box with the step's title around it.
    var framed = true
    /// How much to show; nil: the most that fits the rectangle (see ``Detail``).
    var detail: Detail?

    /// How much of the step the panel shows, from most to least. When the most does not
    /// fit, the panel gives up the numbers of the intermediate forms first, then the
    /// intermediate forms themselves; the facts are kept, since they say what the numbers
    /// mean.
    enum Detail: CaseIterable {
        /// Every form with its numbers, the output error's two factors, a blank line before
        /// the facts.
        case full
        /// Every form, but numbers only for the last; no factors, no blank line.
        case lastNumbers
        /// Only the last form, its numbers and the result.
        case compact
    }

    /// Draws the panel into a rectangle.
    func draw(into canvas: inout Canvas, rect: Rect) {
        let title = StepText.title(explanation.position.step, outputLayer: trace.network.L)
        let inner = framed ? canvas.box(rect, title: title) : rect
        guard !inner.isEmpty else { return }
        canvas.lines(lines(width: inner.width, detail: detail ?? fitting(inner)), in: inner)
    }

    /// The most detail whose lines fit a rectangle (``Detail/compact`` when none does).
    func fitting(_ rect: Rect) -> Detail {
        Detail.allCases.first { lines(width: rect.width, detail: $0).count <= rect.height } ?? .compact
    }

    /// The panel's lines at a width: the equations of the focused target, then its facts.
    func lines(width: Int, detail: Detail) -> [(String, Style)] {
        let compact = detail == .compact
        let text = ExprText(digits: width >= 60 ? 7 : 6, maxTerms: width >= 60 ? 5 : 4)
        var out: [(String, Style)] = []
        func add(_ line: String, _ style: Style = .plain, indent: String = "    ") {
            for piece in wrap(line, width: width, indent: indent) { out.append((piece, style)) }
        }
        let targets = explanation.targets
        guard !targets.isEmpty else { return out }
        let index = min(max(focus, 0), targets.count - 1)
        let target = targets[index]
        if targets.count > 1 && !compact {
            add("\(EquationPanel.describe(target)) (\(index + 1) of \(targets.count), ↑/↓ to choose)", Theme.label, indent: "")
        }
        let m = explanation.position.step.example
        for derivation in explanation.derivations(for: target) {
            let equation = derivation.equation
            let relation = equation.relation == .becomes ? " → " : " = "
            let lhs = text.render(equation.lhs)
            let pad = String(repeating: " ", count: min(lhs.count, 12))
            // Whether the line before the result reads as equal to it.
            var chainHolds = true
            for (k, form) in equation.forms.enumerated() where !compact || k == equation.forms.count - 1 {
                let written = text.render(form)
                add((k == 0 || compact ? lhs + relation : pad + " = ") + written, Theme.heading)
                chainHolds = true
                if hidden || derivation.stoppedBefore != nil || detail == .lastNumbers && k < equation.forms.count - 1 { continue }
                let substitution = derivation.substituted[k]
                let numbers = text.render(substitution.expr)
                switch substitution.agreement {
                case .equal:
                    if numbers != written { add(pad + " = " + numbers) }
                case .approximate:
                    add(pad + " ≈ " + numbers)
                    chainHolds = false
                case .notEvaluable:
                    chainHolds = false
                }
                // Why a form is not "=", and which of its numbers came from z instead of a.
                let notes = [Narrator.say(substitution)].compactMap { $0 } + substitution.notes.map(Narrator.say)
                for note in notes { add(pad + "   " + note.text, Theme.style(note.tone), indent: pad + "    ") }
            }
            if let failure = derivation.stoppedBefore {
                let what = equation.relation == .becomes ? "not applied" : "not computed"
                add(pad + "   " + "\(what): training stopped at \(Narrator.say(failure))", Theme.warning, indent: pad + "    ")
                continue
            }
            // After a line that is not equal to the result, the result restates what it is.
            let resultLead = chainHolds || hidden ? pad + " = " : lhs + " = "
            add(resultLead + (hidden ? "?" : NumberText.format(derivation.result, digits: 8)), hidden ? Theme.hidden : Theme.touched)
        }
        // ∂C/∂a and f′(z) are δ_L's two factors only where f acts on each node alone (not softmax).
        if case .outputError = explanation.position.step, case .node(_, let j) = target, !hidden, let m, detail == .full,
           trace.network.outputActivation.isElementwise, trace.failure?.position != explanation.position {
            let name = Narrator.derivativeName(trace.network.outputActivation)
            add("factors: ∂C/∂a = \(NumberText.format(trace.costGradient(m, j))), \(name) = \(NumberText.format(trace.outputDerivative(m, j)))", Theme.label)
        }
        let facts = explanation.facts.filter { fact in
            guard let node = fact.node, case .node(_, let k) = target else { return true }
            return node.j == k
        }
        if hidden { return out }
        if !facts.isEmpty && detail == .full { out.append(("", .plain)) }
        for fact in facts {
            let sentence = Narrator.say(fact)
            add(sentence.text, Theme.style(sentence.tone), indent: "")
        }
        return out
    }

    /// A target in words: "node 1 of layer 2", "weight w₂,₁,₁", "bias b₂,₁".
    static func describe(_ target: StepExplanation.Target) -> String {
        switch target {
        case .node(let l, let j): return "node \(j + 1) of layer \(l)"
        case .weight(let l, let i, let j): return "weight w\(ExprText.subscripted("\(l),\(i + 1),\(j + 1)"))"
        case .bias(let l, let j): return "bias b\(ExprText.subscripted("\(l),\(j + 1)"))"
        case .cost: return "the example's cost C"
        }
    }
}
