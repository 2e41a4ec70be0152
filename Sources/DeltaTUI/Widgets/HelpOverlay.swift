/// Every key of the screen, on `?`: one row per key binding, generated from the bindings
/// themselves, so that the help can never list a key that does something else.
struct HelpOverlay {
    /// The rows to list.
    let bindings: [KeyBinding]

    /// Draws the overlay centred on the canvas.
    func draw(into canvas: inout Canvas) {
        let keyWidth = (bindings.map(\.keyLabel.count).max() ?? 10) + 2
        let width = min(canvas.width - 4, max(76, keyWidth + (bindings.map(\.help.count).max() ?? 40) + 2))
        let height = min(canvas.height - 2, bindings.count + 4)
        let rect = Rect(x: (canvas.width - width) / 2, y: (canvas.height - height) / 2, width: width, height: height)
        let inner = canvas.popup(rect, title: "Keys")
        // How to close it goes under the keys where there is room, else in the bottom border,
        // so that no key's row is given up for it.
        let hint = "any key closes this help"
        var lines = bindings.map { ($0.keyLabel.padded(keyWidth) + $0.help, Style.plain) }
        if lines.count + 2 <= inner.height {
            lines += [("", .plain), (hint, Theme.label)]
        } else {
            canvas.put(" " + hint + " ", x: rect.x + 2, y: rect.maxY - 1, style: Theme.label, clip: Rect(x: rect.x + 1, y: rect.maxY - 1, width: rect.width - 2, height: 1))
        }
        canvas.lines(lines, in: inner)
        for (k, binding) in bindings.enumerated() where k < inner.height {
            canvas.put(binding.keyLabel, x: inner.x, y: inner.y + k, style: Theme.key, clip: inner)
        }
    }
}
