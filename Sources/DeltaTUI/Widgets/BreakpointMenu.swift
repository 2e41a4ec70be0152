import DeltaText

/// The breakpoints for `r`, on `b`: each with its number to toggle it, whether it is on,
/// and its condition in full.
struct BreakpointMenu {
    /// The breakpoints, in order, with whether each is on.
    let entries: [(breakpoint: Breakpoint, on: Bool)]

    /// Draws the menu centred on the canvas.
    func draw(into canvas: inout Canvas) {
        let width = min(canvas.width - 4, 76)
        var lines: [(String, Style)] = []
        for (k, entry) in entries.enumerated() {
            lines.append(("\(k + 1)  [\(entry.on ? "x" : " ")] stop at \(entry.breakpoint.label)", .plain))
            if let detail = entry.breakpoint.detail {
                lines += wrap(detail, width: width - 4 - 7).map { (String(repeating: " ", count: 7) + $0, Theme.label) }
            }
        }
        lines += [("", .plain), ("1–\(entries.count) toggle · any other key closes", Theme.label)]
        let height = min(canvas.height - 2, lines.count + 2)
        let rect = Rect(x: (canvas.width - width) / 2, y: (canvas.height - height) / 2, width: width, height: height)
        canvas.fill(rect)
        let inner = canvas.box(rect, title: "Breakpoints for r (run)")
        canvas.lines(lines, in: inner)
    }
}
