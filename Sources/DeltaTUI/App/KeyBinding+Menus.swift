/// The keys of the variant and breakpoint menus, declared once per menu like
/// ``KeyBinding/answering``: each menu looks a pressed key up in its table, and draws its
/// hint line from the same table (``hint(_:)``), so that what the hint says is what the keys do.
extension KeyBinding {
    /// The digit keys from `first` to `last` (at most 1…9; none when `last < first`).
    static func digits(_ first: Int, through last: Int) -> [Key] {
        let low = max(first, 1), high = min(last, 9)
        return low <= high ? (low...high).map { Key.character(Character(String($0))) } : []
    }

    /// The keys of the variant menu over `choices` choices: ↑/↓ (k/j) highlight, Enter or →
    /// opens the highlighted choice, a digit opens its choice (the first nine have one);
    /// any other key closes the menu.
    public static func variantMenu(choices: Int) -> [KeyBinding] {
        [
            KeyBinding([.up, .character("k")], .highlightPreviousChoice, reverse: ([.down, .character("j")], .highlightNextChoice),
                       help: "highlight the previous / next choice", status: "choose"),
            KeyBinding([.enter, .right], .openHighlightedChoice, help: "open the highlighted choice", status: "open"),
            KeyBinding(digits(1, through: choices), .openNumberedChoice, help: "open the choice of that number", status: "open"),
        ]
    }

    /// The keys of the breakpoint menu with `conditions` conditions and `positions`
    /// positions to stop at, numbered in that order (``ScreenControl/maximumPositionBreakpoints``
    /// keeps them within 1…9): a condition's digit turns it on or off, a position's digit
    /// removes it, `a` starts typing a position; any other key closes the menu.
    public static func breakpointMenu(conditions: Int, positions: Int) -> [KeyBinding] {
        [
            KeyBinding(digits(1, through: conditions), .toggleBreakpoint, help: "turn that condition on or off", status: "toggle"),
            KeyBinding(digits(conditions + 1, through: conditions + positions), .removePositionBreakpoint,
                       help: "remove the position of that number", status: "remove"),
            KeyBinding([.character("a")], .addPositionBreakpoint, help: "add a position to stop at", status: "add a position"),
        ]
    }

    /// The keys while a position to stop at is typed in the breakpoint menu, besides the
    /// characters of a position (those of the go-to prompt).
    public static let typingPosition: [KeyBinding] = [
        KeyBinding([.enter], .confirmPosition, help: "add the position typed", status: "adds"),
        KeyBinding([.escape], .cancelPosition, help: "stop typing, adding nothing", status: "cancels"),
        KeyBinding([.backspace], .erasePosition, help: "erase the last character"),
    ]

    /// The keys as a menu's hint names them: digits as their range ("1–4", or "4" alone);
    /// else every key that is not a letter (j and k only repeat the arrows), or the first
    /// key when all are letters; the reverse's keys after a slash: "↑/↓", "Enter/→", "a".
    public var menuKey: String {
        func named(_ keys: [Key]) -> String {
            let digits = keys.compactMap { key -> Int? in
                if case .character(let c) = key { return c.wholeNumberValue }
                return nil
            }
            if !keys.isEmpty && digits.count == keys.count {
                return digits.count == 1 ? "\(digits[0])" : "\(digits.first!)–\(digits.last!)"
            }
            let shown = keys.filter { key in
                if case .character(let c) = key { return !c.isLetter }
                return true
            }
            return (shown.isEmpty ? Array(keys.prefix(1)) : shown).map(\.label).joined(separator: "/")
        }
        guard let reverse else { return named(primary.keys) }
        return named(primary.keys) + "/" + named(reverse.keys)
    }

    /// A menu's hint line from its table: each row with keys and a status word as "keys
    /// word", rows next to each other with the same word as one ("Enter/→ or 1–4 open"),
    /// joined by " · ".
    public static func hint(_ bindings: [KeyBinding]) -> String {
        var parts: [(keys: [String], word: String)] = []
        for binding in bindings where !binding.primary.keys.isEmpty {
            guard let word = binding.status else { continue }
            if parts.last?.word == word {
                parts[parts.count - 1].keys.append(binding.menuKey)
            } else {
                parts.append(([binding.menuKey], word))
            }
        }
        return parts.map { $0.keys.joined(separator: " or ") + " " + $0.word }.joined(separator: " · ")
    }
}
