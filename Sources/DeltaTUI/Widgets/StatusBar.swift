/// The bottom row: the keys (the essential ones first, the rest while there is room, all
/// of them from the key bindings), or the go-to prompt being typed, or that a question
/// waits for an answer (and the keys that work then), or that `r` is running.
struct StatusBar {
    /// What the row shows.
    enum Content {
        /// The keys of these bindings.
        case keys([KeyBinding])
        /// The go-to prompt with the text typed so far.
        case goTo(String)
        /// A question waits: "answer the question — Esc to skip", then the other keys of
        /// these bindings (``KeyBinding/answering``) that have a status word.
        case answering([KeyBinding])
        /// `r` is running.
        case running
    }

    /// What to show.
    let content: Content

    /// The bindings the status bar names, essential first, each group in the table's order.
    static func shown(_ bindings: [KeyBinding]) -> [KeyBinding] {
        let named = bindings.filter { $0.status != nil }
        return named.filter(\.essential) + named.filter { !$0.essential }
    }

    /// Draws the row at `y`.
    func draw(into canvas: inout Canvas, y: Int) {
        switch content {
        case .goTo(let text):
            canvas.put(" go to (epoch update example step, e.g. 12 1 1 oe): \(text)█  Enter go · Esc cancel", x: 0, y: y, style: Theme.key)
        case .answering(let bindings):
            canvas.fill(Rect(x: 0, y: y, width: canvas.width, height: 1), style: Theme.answering)
            let skip = bindings.first { $0.actions.contains(.skipQuestion) }
            var text = " answer the question" + (skip.map { " — \($0.statusKey) to \($0.status ?? "skip")" } ?? "")
            for binding in StatusBar.shown(bindings) where binding.primary.action != .skipQuestion {
                let part = " · \(binding.statusKey) \(binding.status ?? "")"
                if text.count + part.count >= canvas.width { break }
                text += part
            }
            canvas.put(text, x: 0, y: y, style: Theme.answering)
        case .running:
            canvas.put(" ▶ running… any key pauses", x: 0, y: y, style: Theme.warning)
        case .keys(let bindings):
            // The help key always has its place, at the right end when the essential keys do
            // not all fit: it lists every key the row leaves out.
            let shown = StatusBar.shown(bindings)
            func width(_ binding: KeyBinding) -> Int { binding.statusKey.count + (binding.status ?? "").count + 2 }
            func put(_ binding: KeyBinding, at x: Int) {
                canvas.put(binding.statusKey, x: x, y: y, style: Theme.key)
                canvas.put(binding.status ?? "", x: x + binding.statusKey.count + 1, y: y, style: Theme.label)
            }
            let help = shown.first { $0.actions.contains(.help) }
            let crowded = 1 + shown.filter(\.essential).map(width).reduce(0, +) > canvas.width
            var limit = canvas.width
            if let help, crowded {
                limit -= width(help)
                put(help, at: limit)
            }
            var x = 1
            for binding in shown where !crowded || binding.primary.action != help?.primary.action {
                if x + width(binding) > limit { break }
                put(binding, at: x)
                x += width(binding)
            }
        }
    }
}
