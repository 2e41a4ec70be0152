import DeltaText

/// The breakpoints for `r`, on `b`: each condition with its number to toggle it, whether it
/// is on, and its condition in full; then the positions to stop at, each with its number to
/// remove it, and the position being typed after `a`.
struct BreakpointMenu {
    /// The breakpoints, in order, with whether each is on.
    let entries: [(breakpoint: Breakpoint, on: Bool)]
    /// The positions to stop at, in words.
    var positions: [String] = []
    /// The position being typed, if any.
    var typing: String?
    /// Why the last typed position was refused.
    var problem: String?
    /// Whether another position can be added.
    var canAdd = true

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
        for (k, position) in positions.enumerated() {
            lines.append(("\(entries.count + k + 1)  stop at \(position)", .plain))
        }
        if let typing {
            lines.append(("stop at: \(typing)█", Theme.key))
            let asFor = KeyBinding.keyName(for: .goTo).map { " as for \($0)" } ?? ""
            let hint = "epoch, update, example, step\(asFor): 12 (an epoch) · 12 3 (an update) · 12 3 2 oe (a step) · "
                + KeyBinding.hint(KeyBinding.typingPosition)
            lines += wrap(hint, width: width - 2 - 3).map { ("   " + $0, Theme.label) }
        }
        if let problem { lines += wrap(problem, width: width - 4).map { ($0, Theme.warning) } }
        // The menu's keys (``KeyBinding/breakpointMenu(conditions:positions:)``), adding a
        // position while there is room for one; not while a position is typed, when the
        // digits and letters are typed and the hint above says what Enter and Esc do.
        if typing == nil {
            let keys = KeyBinding.breakpointMenu(conditions: entries.count, positions: positions.count)
                .filter { $0.primary.action != .addPositionBreakpoint || canAdd }
            lines += [("", .plain), (KeyBinding.hint(keys) + " · any other key closes", Theme.label)]
        }
        let height = min(canvas.height - 2, lines.count + 2)
        let rect = Rect(x: (canvas.width - width) / 2, y: (canvas.height - height) / 2, width: width, height: height)
        let inner = canvas.popup(rect, title: "Breakpoints for r (run)")
        canvas.lines(lines, in: inner)
    }
}
