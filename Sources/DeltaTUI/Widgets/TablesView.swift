import DeltaCore
import DeltaText

/// Per-layer tables: z, a, δ of every node of the step's
/// layer for the current example (and the output layer's target y, one per node: one-hot
/// for a classifier), or ∂C/∂w and Δw of every weight at gradient descent; scrolled so that
/// the focused row is visible. The target is given, never computed: a waiting question
/// hides only what the step computes.
struct TablesView {
    /// The update's trace.
    let trace: UpdateTrace
    /// The current step.
    let step: Step
    /// The index of the focused row.
    let focus: Int
    /// Whether the values the step computes are hidden (a question asks for one).
    let hidden: Bool

    /// The width of a column of node values (a blank and the number): 11 where the columns
    /// fit the box's inside, else as many as they share, at least 7; so that the output
    /// layer's fourth column, y, is not clipped off at 80 columns.
    static func columnWidth(inner: Int, columns: Int, dropped: Bool) -> Int {
        min(11, max(7, (inner - 4 - (dropped ? 9 : 0)) / columns))
    }

    /// Draws the table of the step's layer into a rectangle.
    func draw(into canvas: inout Canvas, rect: Rect) {
        let network = trace.network
        let l = NetworkView.touchedLayer(step, L: network.L)
        let inner = canvas.box(rect, title: "Layer \(l) of \(network.sizes.map(String.init).joined(separator: "-"))")
        guard inner.height >= 3 else { return }
        let frame = TraceFrame(trace: trace, step: step)
        var header = "", rows: [String] = []
        var top = 0
        if case .gradientDescent = step {
            header = "  i   j       ∂C/∂w           Δw"
            for i in 0..<network.n(l - 1) {
                for j in 0..<network.n(l) {
                    rows.append(String(i + 1).leftPadded(3) + String(j + 1).leftPadded(4)
                                + (hidden ? "?" : NumberText.fitting(trace.weightGradient(l, i, j), width: 11, decimals: 6)).leftPadded(12)
                                + (hidden ? "?" : NumberText.fitting(trace.weightChange(l, i, j), width: 12, decimals: 6)).leftPadded(13))
                }
            }
            for j in 0..<network.n(l) {
                rows.append("  b" + String(j + 1).leftPadded(4) + (hidden ? "?" : NumberText.fitting(trace.biasGradient(l, j), width: 11, decimals: 6)).leftPadded(12)
                            + (hidden ? "?" : NumberText.fitting(trace.biasChange(l, j), width: 12, decimals: 6)).leftPadded(13))
            }
        } else {
            let m = step.example ?? 1
            let output = l == network.L
            let names = ["z", "a", "δ"] + (output ? ["y"] : [])
            let column = TablesView.columnWidth(inner: inner.width, columns: names.count, dropped: !trace.mask.isEmpty)
            header = "   j" + names.map { $0.leftPadded(column) }.joined() + (trace.mask.isEmpty ? "" : "  dropped")
            let activation = frame.isComputed(.activation, example: m, layer: l), error = frame.isComputed(.error, example: m, layer: l)
            // A waiting question hides only what this step computes: z and a at feedforward,
            // δ at the output error and backpropagation (the layer shown is the one computed).
            let hidesActivation = hidden && step.phase == .feedforward, hidesError = hidden && step.phase != .feedforward
            for j in 0..<network.n(l) {
                func cell(_ v: Double, _ known: Bool, _ hides: Bool) -> String {
                    (known ? (hides ? "?" : NumberText.fitting(v, width: column - 1, decimals: 5)) : "·").leftPadded(column)
                }
                rows.append(String(j + 1).leftPadded(4) + cell(trace.z(m, l, j), activation && l > 0, hidesActivation)
                            + cell(trace.a(m, l, j), activation, hidesActivation)
                            + cell(trace.delta(m, l, j), error && l > 0, hidesError)
                            + (output ? cell(trace.y(m, j), true, false) : "") + (trace.isDropped(m, l, j) ? "  ✗" : ""))
            }
        }
        let visible = inner.height - 2
        // The rows follow the focus (↑/↓) when they do not all fit.
        if rows.count > visible { canvas.put("\(KeyBinding.focusKeys): the other rows", x: inner.x, y: inner.y, style: Theme.label, clip: inner) }
        canvas.put(header, x: inner.x, y: inner.y + 1, style: Theme.heading, clip: inner)
        let focusRow = min(focus, max(rows.count - 1, 0))
        top = max(0, min(focusRow - visible / 2, rows.count - visible))
        for (k, row) in rows.enumerated().dropFirst(top).prefix(visible) {
            canvas.put(row, x: inner.x, y: inner.y + 2 + k - top, style: k == focusRow ? Theme.focused : .plain, clip: inner)
        }
    }
}
