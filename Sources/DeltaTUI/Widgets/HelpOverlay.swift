import DeltaText

/// Every key of the screen, on `?`: one row per key binding, generated from the bindings
/// themselves, so that the help can never list a key that does something else. A help text
/// longer than its column wraps under it; a list longer than the box scrolls (the keys that
/// scroll it named in its borders).
struct HelpOverlay {
    /// The rows to list.
    let bindings: [KeyBinding]
    /// How many lines the list is scrolled down.
    var scroll = 0
    /// The marker of a border with more below, naming the key that scrolls there.
    var moreBelow = "↓ more"
    /// The marker of a border with more above.
    var moreAbove = "↑ more"
    /// What closes the help, when the whole list is shown.
    static let hint = "any key closes this help"
    /// What closes it when the list scrolls (the scrolling keys do not close it).
    static let scrollingHint = "any other key closes this help"

    /// The width of the key column.
    var keyWidth: Int { (bindings.map(\.keyLabel.count).max() ?? 10) + 2 }

    /// The box on a canvas of this size, centred.
    func rect(width: Int, height: Int) -> Rect {
        let boxWidth = min(width - 4, max(76, keyWidth + (bindings.map(\.help.count).max() ?? 40) + 2))
        // As tall as the wrapped list with the hint under it (the width alone decides the wrap).
        let boxHeight = min(height - 2, lines(width: boxWidth - 2).count + 4)
        return Rect(x: (width - boxWidth) / 2, y: (height - boxHeight) / 2, width: boxWidth, height: boxHeight)
    }

    /// The list's lines inside a width: each key's first line with its keys (their index in
    /// ``bindings``), its help text wrapped under it.
    func lines(width: Int) -> [(text: String, keys: Int?)] {
        var out: [(text: String, keys: Int?)] = []
        for (k, binding) in bindings.enumerated() {
            let wrapped = wrap(binding.help, width: max(8, width - keyWidth))
            for (n, line) in wrapped.enumerated() {
                out.append(((n == 0 ? binding.keyLabel : "").padded(keyWidth) + line, n == 0 ? k : nil))
            }
        }
        return out
    }

    /// How far the list scrolls on a canvas of this size (0 when it fits).
    func maxScroll(width: Int, height: Int) -> Int {
        let inner = rect(width: width, height: height).inset(1)
        return max(0, lines(width: inner.width).count - inner.height)
    }

    /// Draws the overlay centred on the canvas.
    func draw(into canvas: inout Canvas) {
        let rect = rect(width: canvas.width, height: canvas.height)
        let inner = canvas.popup(rect, title: "Keys")
        guard !inner.isEmpty else { return }
        var lines = self.lines(width: inner.width)
        let fits = lines.count + 2 <= inner.height
        if fits { lines += [("", nil), (HelpOverlay.hint, nil)] }
        let first = min(scroll, max(0, lines.count - inner.height))
        for (row, line) in lines.dropFirst(first).prefix(inner.height).enumerated() {
            let y = inner.y + row
            let style = line.text == HelpOverlay.hint ? Theme.label : Style.plain
            canvas.put(line.text, x: inner.x, y: y, style: style, clip: inner)
            if let k = line.keys { canvas.put(bindings[k].keyLabel, x: inner.x, y: y, style: Theme.key, clip: inner) }
        }
        guard !fits else { return }
        // The borders say how to scroll and how to close.
        let below = first + inner.height < lines.count ? "\(moreBelow) · " : ""
        let scrolls = maxScroll(width: canvas.width, height: canvas.height) > 0
        canvas.label(below + (scrolls ? HelpOverlay.scrollingHint : HelpOverlay.hint), on: rect, edge: .bottom, style: Theme.label)
        if first > 0 { canvas.label(moreAbove, on: rect, edge: .top, right: true, style: Theme.label) }
    }
}
