import DeltaCore
import DeltaText

/// Every layer of the network for the current example: one row per node with z, a and δ
/// ("·" where the step has not computed them yet, "?" for what this step computes while a
/// question waits), the target y beside each output node, the nodes the step touches and the
/// focused one highlighted; and under them the weights and bias into the focused node, before
/// the update, and after it too once gradient descent has reached their layer.
///
/// Where the rectangle is too small for every node of a layer, the layer shows a window of
/// them around the focused node ("nodes 11-20 of 30": an ASCII hyphen, which `--ascii`
/// keeps), which scrolls as ↑/↓ move the focus, its values heat-coloured; inputs that are an
/// image (the lesson's `data.image`, or a square such as an 8×8 digit) are drawn as a picture
/// when there is room. An example of expanded data (`data.expand`) is named in the box's
/// title by its data row and how it was made ("row 41, shifted right"). Where not even a window
/// of every layer fits, the layer the step computes alone, with a line that says so. See
/// ``NetworkLayout`` for where each block goes.
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
    /// The widest numbers to show (more digits on a larger terminal).
    var widest = 9
    /// The shape of the inputs' picture the lesson declares (`data.image`), if any.
    var image: ImageShape? = nil
    /// The origins of the run's training examples (``Dataset/origins``), when its data is
    /// expanded: each example shown is named by its data row and transform.
    var origins: [ExampleOrigin]? = nil

    /// The width of the targets' text: the widest y of the update's examples, as the view
    /// writes it.
    static func targetWidth(_ trace: UpdateTrace) -> Int {
        trace.targets.map { NetworkView.targetText($0, width: 9).count }.max() ?? 1
    }

    /// A target y or an input x as the view writes it: as short as it reads (0, 1, 0.35),
    /// else fitted to the width.
    static func targetText(_ y: Double, width: Int) -> String {
        let short = NumberText.format(y)
        return short.count <= width ? short : NumberText.fitting(y, width: width)
    }

    /// The width (with the box) the network needs in a height to show every node with
    /// numbers of `digits` columns, or where a layer is too wide for that, its neighbourhood.
    static func preferredWidth(_ trace: UpdateTrace, height: Int, digits: Int = 7, image: ImageShape? = nil) -> Int {
        (NetworkLayout.preferredWidth(for: trace.network.sizes, targetWidth: targetWidth(trace), height: height - 2, digits: digits, image: image) ?? 40) + 2
    }

    /// The height (without a box) of the most compact layout that shows every node in a
    /// width, or 0 when none does.
    static func preferredHeight(_ network: Network, width: Int, image: ImageShape? = nil) -> Int {
        // A layout that shows every node is as tall as its blocks, whatever the room.
        NetworkLayout.candidates(for: network.sizes, targetWidth: 1, height: 1000, widest: 9, image: image)
            .filter { $0.isComplete && $0.width <= width }.map(\.height).min() ?? 0
    }

    /// Whether every node of the trace's network is drawn in a box of this size.
    static func showsEveryNode(_ trace: UpdateTrace, width: Int, height: Int, image: ImageShape? = nil) -> Bool {
        NetworkLayout.best(for: trace.network.sizes, targetWidth: targetWidth(trace), width: width - 2, height: height - 2, image: image)?.isComplete == true
    }

    /// Whether every node of a network can be drawn in a rectangle (without a box).
    static func fits(_ network: Network, in rect: Rect, image: ImageShape? = nil) -> Bool {
        NetworkLayout.best(for: network.sizes, targetWidth: 1, width: rect.width, height: rect.height, image: image)?.isComplete == true
    }

    /// A value in a cell of `width` columns: as many decimals as fit (up to 6), see
    /// ``NumberText/fitting(_:width:decimals:minus:)``; a small number whose decimals would
    /// keep fewer than 3 significant digits (−0.00005) in scientific notation when that
    /// keeps more (−4.54e−5).
    static func number(_ v: Double, width: Int) -> String {
        let fixed = NumberText.fitting(v, width: width, decimals: max(1, min(6, width - 2)))
        guard v != 0, v.isFinite, significantDigits(fixed) < 3 else { return fixed }
        let scientific = NumberText.fitting(v, width: width, decimals: 0)
        return significantDigits(scientific) > significantDigits(fixed) ? scientific : fixed
    }

    /// The significant digits a number's text keeps (of its mantissa).
    static func significantDigits(_ text: String) -> Int {
        let mantissa = text.prefix { $0 != "e" }.filter(\.isNumber)
        return mantissa.drop { $0 == "0" }.count
    }

    /// The layout the view uses in a rectangle's inside.
    func layout(in inner: Rect) -> NetworkLayout? {
        NetworkLayout.best(for: trace.network.sizes, targetWidth: NetworkView.targetWidth(trace), width: inner.width,
                           height: inner.height, widest: widest, image: image)
    }

    /// The example whose values are shown: the step's, or at gradient descent the last.
    var example: Int { step.shownExample(minibatchSize: trace.M) }

    /// Where the example shown came from, when the run's data is expanded.
    var origin: ExampleOrigin? { origins?[trace.exampleIndices[example - 1]] }

    /// Draws the network into a rectangle.
    func draw(into canvas: inout Canvas, rect: Rect) {
        // The box's title: the shape and the example whose values are shown, as much as fits.
        let sizes = trace.network.sizes.map(String.init).joined(separator: "-")
        let which = step.example == nil ? "values of example \(example)" : "example \(example)/\(trace.M)"
        var titles = ["Network \(sizes) · " + which, "\(sizes) · " + which, which]
        // An expanded example is named by its data row and change ("row 41, shifted right"),
        // with as much of the rest as fits (the position line names the example too).
        if let origin, framed {
            let named = OriginText.describe(origin)
            titles = ["Network \(sizes) · \(which): \(named)", "\(sizes) · \(which): \(named)", "\(which): \(named)",
                      "example \(example): \(named)", named] + titles
        }
        let title = titles.first { $0.count + 4 <= rect.width } ?? which
        let inside = framed ? canvas.box(rect, title: title) : rect
        guard !inside.isEmpty else { return }
        var inner = inside
        var layout = layout(in: inside)
        if layout == nil {
            // Too small for every layer: the layer the step touches, and a line that says so.
            let l = max(1, NetworkView.touchedLayer(step, L: trace.network.L))
            canvas.put("only layer \(l) fits here", x: inside.x, y: inside.y, style: Theme.label, clip: inside)
            inner = Rect(x: inside.x, y: inside.y + 1, width: inside.width, height: inside.height - 1)
            layout = NetworkLayout.best(for: trace.network.sizes, targetWidth: NetworkView.targetWidth(trace), width: inner.width,
                                        height: inner.height, widest: widest, only: l, image: image)
        }
        guard let layout else {
            // As much of the sentence as fits whole (at 80×24 with the chart on, the box is 38
            // wide), over the whole row, where "only layer l fits here" may stand.
            let said = ["too small to draw: enlarge the terminal", "too small: enlarge the terminal", "too small"].first { $0.count <= inside.width } ?? "…"
            canvas.put(said + String(repeating: " ", count: max(0, inside.width - said.count)), x: inside.x, y: inside.y, style: Theme.label, clip: inside)
            return
        }
        if case .line(let lines, let perLine) = layout.input, lines > 0 {
            drawInputLine(into: &canvas, inner: inner, layout: layout, perLine: perLine)
        }
        for block in layout.blocks {
            let area = Rect(x: inner.x + block.x, y: inner.y + block.y, width: block.width, height: block.height)
            if block.layer == 0, case .picture(let shape) = layout.input {
                DigitImage(pixels: (0..<shape.count).map { trace.x(example, $0) }, shape: shape, marked: sourceNode(inLayer: 0))
                    .draw(into: &canvas, rect: area)
            } else {
                drawBlock(block, layout: layout, into: &canvas, area: area, clip: inner)
            }
        }
        // The weights take every row under the blocks (at least the layout's).
        let weights = Rect(x: inner.x, y: inner.y + layout.weightTop, width: inner.width, height: inner.height - layout.weightTop)
        drawWeights(into: &canvas, rect: weights, numberWidth: layout.numberWidth)
    }

    // MARK: What each node shows

    /// The layer whose nodes the step computes.
    static func touchedLayer(_ step: Step, L: Int) -> Int {
        switch step {
        case .feedforward(_, let l): return l
        case .outputError: return L
        case .backpropagate(_, let l): return l - 1
        case .gradientDescent(let l): return l
        }
    }

    /// The focused node (layer, j): the focused node itself, or the node a focused weight or
    /// bias feeds; without one, the first node of the layer the step touches.
    var focusedNode: (layer: Int, j: Int) {
        switch focus {
        case .node(let l, let j)?: return (l, j)
        case .weight(let l, _, let j)?, .bias(let l, let j)?: return (l, j)
        default: return (max(1, NetworkView.touchedLayer(step, L: trace.network.L)), 0)
        }
    }

    /// Whether the focus is a node or what feeds one (a weight, a bias), so that the view
    /// highlights the node; not for the example's cost C.
    var isFocusOnANode: Bool {
        switch focus {
        case .node?, .weight?, .bias?: return true
        default: return false
        }
    }

    /// The node of layer l a focused weight comes from, if any.
    func sourceNode(inLayer l: Int) -> Int? {
        if case .weight(let wl, let i, _)? = focus, wl - 1 == l { return i }
        return nil
    }

    /// The first node of a window of `rows` nodes of layer l: around the focused node (or the
    /// node a focused weight comes from), else from the first.
    func windowStart(layer l: Int, rows: Int) -> Int {
        let n = trace.network.n(l)
        guard rows < n else { return 0 }
        let centre = focusedNode.layer == l ? focusedNode.j : sourceNode(inLayer: l) ?? 0
        return max(0, min(centre - rows / 2, n - rows))
    }

    /// Whether the step computes a and z (`activation`) or δ (`error`) of layer l.
    func computesHere(_ value: TraceFrame.NodeValue, layer l: Int) -> Bool {
        switch (value, step) {
        case (.activation, .feedforward(_, let sl)): return sl == l
        case (.error, .outputError): return l == trace.network.L
        case (.error, .backpropagate(_, let sl)): return l == sl - 1
        default: return false
        }
    }

    /// A node's value as the view writes it, and its style: "·" not yet computed, "?" hidden
    /// by a waiting question, else the number (heat-coloured in a window).
    func cell(_ v: Double, known: Bool, here: Bool, width: Int, heat: Bool) -> (String, Style) {
        if !known { return ("·", Theme.dim) }
        if hidden && here { return ("?", Theme.hidden) }
        let text = NetworkView.number(v, width: width)
        if here { return (text, Theme.touched) }
        return (text, heat ? Theme.heat(v) : .plain)
    }

    // MARK: Drawing

    /// One layer's block: a title row for a window, the header, then a row per node shown.
    func drawBlock(_ block: NetworkLayout.Block, layout: NetworkLayout, into canvas: inout Canvas, area: Rect, clip: Rect) {
        let network = trace.network, l = block.layer, w = layout.numberWidth
        let frame = TraceFrame(trace: trace, step: step)
        let touched = l == NetworkView.touchedLayer(step, L: network.L)
        let headerStyle = touched ? Theme.touched : Theme.label
        let label = NetworkLayout.labelWidth(network.sizes, layer: l, short: layout.shortLabels)
        let start = windowStart(layer: l, rows: block.rows)
        var y = area.y
        let name = l == 0 ? "input" : l == network.L ? "output l=\(l)" : "layer \(l)"
        if block.isWindow {
            let range = "\(start + 1)-\(start + block.rows) of \(network.n(l))"
            let short = l == 0 ? "x" : "l=\(l)"
            let title = ["\(name): nodes " + range, "\(short): nodes " + range, "\(short): " + range, range].first { $0.count <= block.width } ?? range
            canvas.put(title, x: area.x, y: y, style: headerStyle, clip: clip)
            y += 1
        }
        // The header: the layer's name, and each column's name over its numbers.
        let names = l == 0 ? ["x"] : ["z", "a", "δ"] + (l == network.L ? ["y"] : [])
        var ends: [Int] = []
        var x = area.x + label
        for k in names.indices {
            x += 1 + (k == 3 ? max(1, min(NetworkView.targetWidth(trace), w)) : w)
            ends.append(x)
        }
        // The layer's name leaves two blanks before the first column's name.
        let room = ends[0] - 1 - area.x - 2
        let titles = block.isWindow ? [""] : l == 0 ? ["input"] : l == network.L ? ["output l=\(l)", "output", "l=\(l)"] : ["layer \(l)", "l=\(l)"]
        if let title = titles.first(where: { $0.count <= room }) { canvas.put(title, x: area.x, y: y, style: headerStyle, clip: clip) }
        for (k, columnName) in names.enumerated() {
            canvas.put(columnName, x: ends[k] - 1, y: y, style: Theme.label, clip: clip)
        }
        y += 1
        let m = example
        let activationKnown = frame.isComputed(.activation, example: m, layer: l)
        let errorKnown = frame.isComputed(.error, example: m, layer: l)
        for j in start..<start + block.rows {
            var labelStyle = touched ? Theme.touched : Style.plain
            if l > 0, isFocusOnANode, focusedNode.layer == l, focusedNode.j == j { labelStyle = Theme.focused }
            if sourceNode(inLayer: l) == j { labelStyle.underline = true }
            let dropped = l > 0 && trace.isDropped(m, l, j) && activationKnown
            let text = l == 0 ? "x" + ExprText.subscripted("\(j + 1)")
                : layout.shortLabels ? "●\(j + 1)" : "●" + ExprText.subscripted("\(l),\(j + 1)")
            canvas.put(text, x: area.x, y: y, style: dropped ? Theme.dim : labelStyle, clip: clip)
            var cells: [(String, Style)]
            if l == 0 {
                cells = [(NetworkView.targetText(trace.x(m, j), width: w), block.isWindow ? Theme.heat(trace.x(m, j)) : .plain)]
            } else if dropped {
                cells = [("", .plain), ("dropped", Theme.dim), ("", .plain)]
            } else {
                cells = [cell(trace.z(m, l, j), known: activationKnown, here: computesHere(.activation, layer: l), width: w, heat: block.isWindow),
                         cell(trace.a(m, l, j), known: activationKnown, here: computesHere(.activation, layer: l), width: w, heat: block.isWindow),
                         cell(trace.delta(m, l, j), known: errorKnown, here: computesHere(.error, layer: l), width: w, heat: block.isWindow)]
            }
            if l == network.L { cells.append((NetworkView.targetText(trace.y(m, j), width: w), Theme.label)) }
            for (k, (value, style)) in cells.enumerated() where !value.isEmpty {
                canvas.put(value, x: ends[k] - value.count, y: y, style: style, clip: clip)
            }
            y += 1
        }
    }

    /// The inputs on the top lines: `x₁ 0.51  x₂ 0.35 …`.
    func drawInputLine(into canvas: inout Canvas, inner: Rect, layout: NetworkLayout, perLine: Int) {
        let item = NetworkLayout.labelWidth(trace.network.sizes, layer: 0) + 1 + layout.numberWidth
        for i in 0..<trace.network.n(0) {
            let x = inner.x + (i % perLine) * (item + 2), y = inner.y + i / perLine
            var style = Style.plain
            if sourceNode(inLayer: 0) == i { style.underline = true }
            let value = NetworkView.targetText(trace.x(example, i), width: layout.numberWidth)
            canvas.put("x" + ExprText.subscripted("\(i + 1)"), x: x, y: y, style: sourceNode(inLayer: 0) == i ? Theme.touched : Theme.label, clip: inner)
            canvas.put(value, x: x + item - value.count, y: y, style: style, clip: inner)
        }
    }

    /// The weights and bias into the focused node, `w₁,ᵢ,₂ into ●₁,₂, i = 1…4: … b₁,₂ …`, in
    /// order of i: their values before the update, and once gradient descent has updated
    /// their layer, before and after it (after: "?" while a question asks for one, the
    /// before staying, since the update starts from it); the focused one reversed. Where they
    /// do not fit, those around the focused weight (or the first) with "…" for the rest.
    ///
    /// At backpropagation into layer l − 1, whose δ_{l−1,i} sums w_{l,i,j}·δ_{l,j} over j,
    /// the weights the step uses instead: those out of the focused node,
    /// `w₂,₁,ⱼ out of ●₁,₁, j = 1…3: …` (no bias: the error does not go through it).
    func drawWeights(into canvas: inout Canvas, rect: Rect, numberWidth: Int) {
        guard rect.height >= 1 else { return }
        let network = trace.network, (focusLayer, focusJ) = focusedNode
        // Backpropagation into the focused node's layer uses the weights out of it.
        var outgoing = false
        if case .backpropagate(_, let sl) = step, focusLayer == sl - 1, case .node? = focus { outgoing = true }
        // The weights' layer l and, of their two node indices, the one that is fixed.
        let l = outgoing ? focusLayer + 1 : focusLayer, fixed = focusJ
        guard l >= 1 else { return }
        let updated = TraceFrame(trace: trace, step: step).isUpdated(layer: l)
        var focusedWeight: Int?, biasFocused = false
        if case .weight(_, let fi, _)? = focus { focusedWeight = fi }
        if case .bias? = focus { biasFocused = true }
        func item(_ v: Double, after: Bool, focused: Bool) -> [(String, Style)] {
            if hidden && after { return [("?", Theme.hidden)] }
            var style = v >= 0 ? Theme.positive : Theme.negative
            if focused { style.reverse = true }
            return [(NetworkView.number(v, width: numberWidth), style)]
        }
        /// The k-th weight listed: w_{l,k,fixed} into the node, or w_{l,fixed,k} out of it.
        func weight(_ k: Int, after: Bool) -> Double {
            let (i, j) = outgoing ? (fixed, k) : (k, fixed)
            return after ? trace.weightAfter(l, i, j) : trace.weightBefore(l, i, j)
        }
        let node = "●" + ExprText.subscripted("\(focusLayer),\(focusJ + 1)")
        let n = outgoing ? network.n(l) : network.n(l - 1)
        // The lead in phrases that wrap as wholes; a short one where that shows more weights.
        let w = "w" + ExprText.subscripted(outgoing ? "\(l),\(fixed + 1),j" : "\(l),i,\(fixed + 1)")
        let k = outgoing ? "j" : "i"
        let leads = [[w + (outgoing ? " out of \(node)," : " into \(node),"), n == 1 ? "\(k) = 1:" : "\(k) = 1…\(n):"], [w + (updated ? "" : ":")]]
        let b = "b" + ExprText.subscripted("\(l),\(fixed + 1)") + " "
        // Groups that stay on one row: the lead, each weight, "b" with the bias; as many
        // weights as fit, around the focused one; before, and after, the update.
        func groups(_ lead: [String], first: Int, count: Int) -> [[(String, Style)]] {
            var groups: [[(String, Style)]] = lead.map { [($0, Theme.label)] }
            for after in updated ? [false, true] : [false] {
                // "after:" starts a row, and "before:" too after the long lead.
                if updated && (after || lead.count > 1) { groups.append([("\n", Theme.label)]) }
                if updated { groups.append([(after ? "after:" : "before:", Theme.label)]) }
                if first > 0 { groups.append([("…", Theme.label)]) }
                groups += (first..<first + count).map { i in item(weight(i, after: after), after: after, focused: i == focusedWeight) }
                if first + count < n { groups.append([("…", Theme.label)]) }
                if !outgoing {
                    groups.append([(b, Theme.label)] + item(after ? trace.biasAfter(l, fixed) : trace.biasBefore(l, fixed), after: after, focused: biasFocused))
                }
            }
            return groups
        }
        /// Places the groups row by row; returns whether they all fit.
        @discardableResult
        func place(_ groups: [[(String, Style)]], on canvas: inout Canvas?) -> Bool {
            var x = rect.x, y = rect.y
            for group in groups {
                if group[0].0 == "\n" {
                    if x > rect.x + 2 { (x, y) = (rect.x + 2, y + 1) }
                    continue
                }
                let length = group.map(\.0.count).reduce(0, +)
                if x > rect.x && x + length > rect.maxX {
                    x = rect.x + 2
                    y += 1
                }
                guard y < rect.maxY else { return false }
                for (text, style) in group {
                    canvas?.put(text, x: x, y: y, style: style, clip: rect)
                    x += text.count
                }
                x += 1
            }
            return true
        }
        var none: Canvas? = nil
        let centre = sourceNode(inLayer: l - 1) ?? 0
        var chosen = groups(leads[leads.count - 1], first: min(centre, n - 1), count: 1), most = 0
        for lead in leads {
            for count in stride(from: n, through: most + 1, by: -1) {
                let first = max(0, min(centre - count / 2, n - count))
                if place(groups(lead, first: first, count: count), on: &none) {
                    chosen = groups(lead, first: first, count: count)
                    most = count
                    break
                }
            }
        }
        var target: Canvas? = canvas
        place(chosen, on: &target)
        if let target { canvas = target }
    }
}
