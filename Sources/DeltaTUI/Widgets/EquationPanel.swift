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

    /// How many lines the panel is scrolled down, when its lines do not fit (clamped).
    var scroll = 0
    /// The marker of a last row with more below, naming the key that scrolls there.
    var moreBelow = "↓ more"
    /// The marker of a first row with more above, naming the key that scrolls there.
    var moreAbove = "↑ more"

    /// Draws the panel into a rectangle.
    func draw(into canvas: inout Canvas, rect: Rect) {
        let title = StepText.title(explanation.position.step, outputLayer: trace.network.L)
        let inner = framed ? canvas.box(rect, title: title) : rect
        guard !inner.isEmpty else { return }
        let all = lines(width: inner.width, detail: detail ?? fitting(inner))
        let window = EquationPanel.window(lines: all.count, rows: inner.height, scroll: scroll)
        var y = inner.y
        if window.above { canvas.put(moreAbove, x: inner.x, y: y, style: Theme.label, clip: inner); y += 1 }
        canvas.lines(Array(all[window.lines]), in: Rect(x: inner.x, y: y, width: inner.width, height: window.lines.count))
        if window.below { canvas.put(moreBelow, x: inner.x, y: y + window.lines.count, style: Theme.label, clip: inner) }
    }

    /// The lines shown of `lines` in `rows` rows scrolled down by `scroll` (clamped, so the
    /// last line can reach the bottom), and whether a marker row says there is more above or
    /// below. Every line is reachable by scrolling: at most `lines − rows + 1` lines down
    /// (one row goes to the marker above), the last line shows.
    static func window(lines count: Int, rows: Int, scroll: Int) -> (lines: Range<Int>, above: Bool, below: Bool) {
        guard count > rows, rows >= 3 else { return (0..<min(count, max(rows, 0)), false, false) }
        let top = min(max(0, scroll), maxScroll(lines: count, rows: rows))
        let above = top > 0
        var shown = rows - (above ? 1 : 0)
        let below = count - top > shown
        if below { shown -= 1 }
        return (top..<top + shown, above, below)
    }

    /// The furthest a panel of `count` lines in `rows` rows scrolls: where, with the marker
    /// above, its last line is on the last row (0 when everything fits).
    static func maxScroll(lines count: Int, rows: Int) -> Int {
        count > rows && rows >= 3 ? count - (rows - 1) : 0
    }

    /// How far this panel scrolls in a rectangle (0 when everything fits).
    func maxScroll(in rect: Rect) -> Int {
        let inner = framed ? rect.inset(1) : rect
        guard !inner.isEmpty else { return 0 }
        return EquationPanel.maxScroll(lines: lines(width: inner.width, detail: detail ?? fitting(inner)).count, rows: inner.height)
    }

    /// The most detail whose lines fit a rectangle (``Detail/compact`` when none does).
    func fitting(_ rect: Rect) -> Detail {
        Detail.allCases.first { lines(width: rect.width, detail: $0).count <= rect.height } ?? .compact
    }

    /// The panel's lines at a width: the equations of the focused target, then how many nodes
    /// of the step's hidden layer are saturated (in a layer of several), then its facts.
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
            add(EquationPanel.focusLabel(targets, index: index), Theme.label, indent: "")
        }
        let m = explanation.position.step.example
        for derivation in explanation.derivations(for: target) {
            let equation = derivation.equation
            let relation = equation.relation == .becomes ? " → " : " = "
            let lhs = text.render(equation.lhs)
            let pad = String(repeating: " ", count: min(lhs.count, 12))
            // Top to bottom: the symbolic forms, then the forms with this step's numbers, in
            // the order of the equation's forms, then the result.
            let shownForms = equation.forms.indices.filter { !compact || $0 == equation.forms.count - 1 }
            for (row, k) in shownForms.enumerated() {
                add((row == 0 ? lhs + relation : pad + " = ") + text.render(equation.forms[k]), Theme.heading)
            }
            // Whether the line before the result reads as equal to it.
            var chainHolds = true
            for k in shownForms {
                chainHolds = true
                if hidden || derivation.stoppedBefore != nil || detail == .lastNumbers && k < equation.forms.count - 1 { continue }
                let written = text.render(equation.forms[k])
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
        // The facts are about the node in view; in a hidden layer of several, first how many
        // of its nodes are saturated for this example.
        let counts = SaturatedNode.hiddenLayers(in: explanation.facts).filter { trace.network.n($0) > 1 }.map { l in
            Narrator.sayHiddenSaturation(count: SaturatedNode.hiddenCount(in: explanation.facts, layer: l), of: trace.network.n(l), layer: l)
        }
        if !(facts.isEmpty && counts.isEmpty) && detail == .full { out.append(("", .plain)) }
        for sentence in counts + facts.map(Narrator.say) {
            add(sentence.text, Theme.style(sentence.tone), indent: "")
        }
        return out
    }

    /// The focus line: the focused target, which of the step's targets it is, and, where
    /// they are of more than one kind, what they are, so that "1 of 2" is not read as a layer
    /// of two nodes where the second target is the cost: "node 1 of layer 1 (1 of 2: node 1
    /// of layer 1, the cost C; ↑/↓)"; "node 2 of layer 1 (2 of 3; ↑/↓ to choose)".
    static func focusLabel(_ targets: [StepExplanation.Target], index: Int) -> String {
        let kinds = Set(targets.map { target -> String in
            switch target {
            case .node(let l, _): return "node \(l)"
            case .weight(let l, _, _): return "weight \(l)"
            case .bias(let l, _): return "bias \(l)"
            case .cost: return "cost"
            }
        })
        let keys = KeyBinding.focusKeys
        let which = kinds.count > 1 ? ": \(summary(targets)); \(keys)" : "; \(keys) to choose"
        return "\(describe(targets[index])) (\(index + 1) of \(targets.count)\(which))"
    }

    /// The step's targets in words, by kind: "nodes 1–3 of layer 1", "6 weights w₁,ᵢ,ⱼ",
    /// "3 biases b₁,ⱼ", "the cost C".
    static func summary(_ targets: [StepExplanation.Target]) -> String {
        var parts: [String] = []
        var nodes: [Int: [Int]] = [:], weights: [Int: Int] = [:], biases: [Int: Int] = [:], layers: [Int] = []
        var cost = false
        for target in targets {
            switch target {
            case .node(let l, let j): if nodes[l] == nil && !layers.contains(l) { layers.append(l) }; nodes[l, default: []].append(j)
            case .weight(let l, _, _): if !layers.contains(l) { layers.append(l) }; weights[l, default: 0] += 1
            case .bias(let l, _): if !layers.contains(l) { layers.append(l) }; biases[l, default: 0] += 1
            case .cost: cost = true
            }
        }
        for l in layers {
            if let js = nodes[l] {
                parts.append(js.count == 1 ? "node \(js[0] + 1) of layer \(l)" : "nodes \(js.min()! + 1)–\(js.max()! + 1) of layer \(l)")
            }
            if let k = weights[l] { parts.append("\(k) weight\(k == 1 ? "" : "s") w" + ExprText.subscripted("\(l),i,j")) }
            if let k = biases[l] { parts.append("\(k) bias\(k == 1 ? "" : "es") b" + ExprText.subscripted("\(l),j")) }
        }
        if cost { parts.append("the cost C") }
        return parts.joined(separator: ", ")
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
