import DeltaText

/// The runs the screen can show, on `v`: the lesson, each of its variants with what it
/// changes, and all of them side by side; each with its number, the highlighted one and
/// the one shown now marked.
struct VariantMenu {
    /// One choice.
    struct Choice: Sendable, Hashable {
        /// Its name: `lesson`, a variant's name, or "compare all side by side".
        let name: String
        /// What it is: the lesson's title, the settings a variant changes, the runs compared.
        let detail: String
        /// The runs it opens (nil: the lesson itself).
        let variants: [String?]
        /// Whether the screen shows exactly these runs now.
        let isShown: Bool
    }

    /// The choices, in order.
    let choices: [Choice]
    /// The highlighted choice.
    let selected: Int

    /// Draws the menu centred on the canvas: each choice with its digit (the first nine have
    /// one), and the hint made from the menu's keys (``KeyBinding/variantMenu(choices:)``).
    func draw(into canvas: inout Canvas) {
        let width = min(canvas.width - 4, 76)
        let keys = KeyBinding.variantMenu(choices: choices.count)
        let numbered = KeyBinding.binding(for: .openNumberedChoice, in: keys)?.primary.keys.count ?? 0
        var lines: [(String, Style)] = []
        for (k, choice) in choices.enumerated() {
            let mark = choice.isShown ? " (shown now)" : ""
            lines.append(((k < numbered ? "\(k + 1)  " : "   ") + "\(choice.name)\(mark)", k == selected ? Theme.focused : Theme.key))
            lines += wrap(choice.detail, width: width - 2 - 5).map { ("     " + $0, Theme.label) }
        }
        lines += [("", .plain), (KeyBinding.hint(keys) + " · any other key closes", Theme.label)]
        let height = min(canvas.height - 2, lines.count + 2)
        let rect = Rect(x: (canvas.width - width) / 2, y: (canvas.height - height) / 2, width: width, height: height)
        let inner = canvas.popup(rect, title: "Open the lesson, a variant, or all side by side")
        // Keep the highlighted choice in view on a short terminal.
        let selectedLine = lines.firstIndex { $0.1 == Theme.focused } ?? 0
        let skip = max(0, selectedLine + 2 - inner.height)
        canvas.lines(Array(lines.dropFirst(skip)), in: inner)
    }
}
