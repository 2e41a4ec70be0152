import DeltaCore
import DeltaText

/// The layers as columns of nodes, each showing z, a and (once computed) δ for the current
/// example; the nodes the step touches highlighted, dropped nodes marked; below, the
/// weights and biases of the step's layer, coloured by sign.
struct NetworkView {
    /// The update's trace (its network is the one drawn).
    let trace: UpdateTrace
    /// The current step.
    let step: Step
    /// Whether the values the step computes are hidden (a question asks for one).
    let hidden: Bool
    /// The node, weight or bias the equations show.
    let focus: StepExplanation.Target?
    /// Whether to draw a box around it.
    var framed = true

    /// The width of one layer's column.
    static let columnWidth = 15
    /// The most nodes a layer may have to be drawn.
    static let maxNodes = 8

    /// The width the network needs.
    static func preferredWidth(_ network: Network) -> Int { (network.L + 1) * columnWidth }
    /// The height the network's nodes need.
    static func preferredHeight(_ network: Network) -> Int { (network.sizes.dropFirst().max() ?? 1) * 4 + 1 }

    /// Whether a network can be drawn in a rectangle (else: tables).
    static func fits(_ network: Network, in rect: Rect) -> Bool {
        network.sizes.max()! <= maxNodes && preferredWidth(network) <= rect.width
            && (network.sizes.dropFirst().max()! * 4 + 1 <= rect.height || network.sizes.max()! <= 2 && rect.height >= 7)
    }

    /// Draws the network into a rectangle.
    func draw(into canvas: inout Canvas, rect: Rect) {
        let inner = framed ? canvas.box(rect, title: "Network") : rect
        guard !inner.isEmpty else { return }
        let network = trace.network
        let frame = TraceFrame(trace: trace, step: step)
        let m = step.example ?? trace.M
        let touched = NetworkView.touchedLayer(step, L: network.L)
        let rowsPerNode = inner.height >= NetworkView.preferredHeight(network) + 1 ? 4 : 3
        let nodesHeight = 1 + (network.sizes.max() ?? 1) * rowsPerNode
        let columnWidth = min(NetworkView.columnWidth + 3, inner.width / (network.L + 1))
        for l in 0...network.L {
            let x = inner.x + l * columnWidth
            let header = l == 0 ? "input" : (l == network.L ? "output l=\(l)" : "layer \(l)")
            canvas.put(header, x: x, y: inner.y, style: l == touched ? Theme.touched : Theme.label, clip: inner)
            for j in 0..<network.n(l) {
                let y = inner.y + 1 + j * rowsPerNode
                var nodeStyle = l == touched ? Theme.touched : Style.plain
                if case .node(let fl, let fj)? = focus, fl == l, fj == j { nodeStyle = Theme.focused }
                let dropped = trace.isDropped(m, l, j) && frame.isComputed(.activation, example: m, layer: l)
                let label = (l == 0 ? "x" : "●") + ExprText.subscripted(l == 0 ? "\(j + 1)" : "\(l),\(j + 1)")
                canvas.put(label, x: x, y: y, style: dropped ? Theme.dim : nodeStyle, clip: inner)
                let valueX = x + label.count + 1
                func value(_ name: String, _ v: Double, known: Bool, computedHere: Bool, row: Int) {
                    let shown: String, style: Style
                    // Up to the next column (less a space), or the box's edge for the last.
                    let room = (l == network.L ? inner.maxX : x + columnWidth - 1) - (valueX + name.count + 1)
                    if !known { shown = "·"; style = Theme.dim } else if hidden && computedHere { shown = "?"; style = Theme.hidden } else {
                        shown = NumberText.fitting(v, width: max(1, room))
                        style = computedHere ? Theme.touched : .plain
                    }
                    canvas.put(name + " " + shown, x: valueX, y: y + row, style: style, clip: inner)
                }
                if l == 0 {
                    value("", trace.x(m, j), known: true, computedHere: false, row: 0)
                    continue
                }
                let activationKnown = frame.isComputed(.activation, example: m, layer: l)
                let errorKnown = frame.isComputed(.error, example: m, layer: l)
                let activationHere: Bool, errorHere: Bool
                switch step {
                case .feedforward(_, let sl): activationHere = sl == l; errorHere = false
                case .outputError: activationHere = false; errorHere = l == network.L
                case .backpropagate(_, let sl): activationHere = false; errorHere = l == sl - 1
                case .gradientDescent: activationHere = false; errorHere = false
                }
                if dropped {
                    canvas.put("dropped", x: valueX, y: y, style: Theme.dim, clip: inner)
                    continue
                }
                value("z", trace.z(m, l, j), known: activationKnown, computedHere: activationHere, row: 0)
                value("a", trace.a(m, l, j), known: activationKnown, computedHere: activationHere, row: 1)
                value("δ", trace.delta(m, l, j), known: errorKnown, computedHere: errorHere, row: 2)
            }
        }
        if step.example == nil {
            canvas.put("(values of example \(m))", x: inner.x, y: min(inner.y + nodesHeight, inner.maxY - 1), style: Theme.label, clip: inner)
        }
        let weightsTop = inner.y + nodesHeight + (step.example == nil ? 1 : 0)
        if weightsTop + 2 < inner.maxY {
            drawWeights(into: &canvas, rect: Rect(x: inner.x, y: weightsTop, width: inner.width, height: inner.maxY - weightsTop),
                        layer: max(touched, 1))
        }
    }

    /// The layer whose nodes the step computes.
    static func touchedLayer(_ step: Step, L: Int) -> Int {
        switch step {
        case .feedforward(_, let l): return l
        case .outputError: return L
        case .backpropagate(_, let l): return l - 1
        case .gradientDescent(let l): return l
        }
    }

    /// The weights and biases of layer l: before the update, or after it once gradient
    /// descent has reached the layer.
    func drawWeights(into canvas: inout Canvas, rect: Rect, layer l: Int) {
        let network = trace.network
        let updated = TraceFrame(trace: trace, step: step).isUpdated(layer: l)
        canvas.put("w\(ExprText.subscripted(String(l))) \(updated ? "after the update" : "(row i → column j)")",
                   x: rect.x, y: rect.y, style: Theme.label, clip: rect)
        let cellWidth = 9
        let columns = min(network.n(l), max(1, (rect.width - 4) / cellWidth))
        for i in 0..<min(network.n(l - 1), rect.height - 2) {
            let y = rect.y + 1 + i
            canvas.put("i=\(i + 1)", x: rect.x, y: y, style: Theme.label, clip: rect)
            for j in 0..<columns {
                let w = updated ? trace.weightAfter(l, i, j) : trace.weightBefore(l, i, j)
                var style = w >= 0 ? Theme.positive : Theme.negative
                if abs(w) >= 1 { style.bold = true }
                if case .weight(let fl, let fi, let fj)? = focus, fl == l, fi == i, fj == j { style.reverse = true }
                let text = hidden && updated ? "?" : NumberText.fitting(w, width: cellWidth - 1)
                canvas.put(text.leftPadded(cellWidth - 1), x: rect.x + 4 + j * cellWidth, y: y, style: hidden && updated ? Theme.hidden : style, clip: rect)
            }
        }
        let by = rect.y + 1 + min(network.n(l - 1), rect.height - 2)
        if by < rect.maxY {
            canvas.put("b", x: rect.x, y: by, style: Theme.label, clip: rect)
            for j in 0..<columns {
                let b = updated ? trace.biasAfter(l, j) : trace.biasBefore(l, j)
                var style = b >= 0 ? Theme.positive : Theme.negative
                if case .bias(let fl, let fj)? = focus, fl == l, fj == j { style.reverse = true }
                let text = hidden && updated ? "?" : NumberText.fitting(b, width: cellWidth - 1)
                canvas.put(text.leftPadded(cellWidth - 1), x: rect.x + 4 + j * cellWidth, y: by, style: hidden && updated ? Theme.hidden : style, clip: rect)
            }
        }
    }
}
