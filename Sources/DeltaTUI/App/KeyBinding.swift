/// One row of the trace screen's keys: the keys of an action (and, on the same row, the
/// keys of its reverse, as `n / N`), the help text, and the short label of the status bar.
///
/// ``traceScreen`` is the one declaration of the screen's keys: ``TraceApp`` looks a
/// pressed key up in it and performs the action, the help overlay lists every row, and the
/// status bar shows the essential rows first and the others while there is room. To add a
/// key, add an ``Action`` case, perform it in `TraceApp.perform(_:)` and add a row here.
public struct KeyBinding: Sendable {
    /// Keys and the action they perform.
    public struct Keys: Sendable {
        /// The keys, the one the status bar shows first.
        public let keys: [Key]
        /// What they do.
        public let action: Action
    }

    /// The action of the row.
    public let primary: Keys
    /// The reverse action on other keys, shown on the same row (N for n), if any.
    public let reverse: Keys?
    /// What the row does, for the help overlay.
    public let help: String
    /// The status bar's word for it (nil: shown only in the help).
    public let status: String?
    /// Whether the status bar must show it even at the smallest width.
    public let essential: Bool

    /// A row; see each property.
    public init(_ keys: [Key], _ action: Action, reverse: (keys: [Key], action: Action)? = nil,
                help: String, status: String? = nil, essential: Bool = false) {
        primary = Keys(keys: keys, action: action)
        self.reverse = reverse.map { Keys(keys: $0.keys, action: $0.action) }
        self.help = help
        self.status = status
        self.essential = essential
    }

    /// The action a key performs by this row, if it is one of its keys.
    public func action(for key: Key) -> Action? {
        if primary.keys.contains(key) { return primary.action }
        if let reverse, reverse.keys.contains(key) { return reverse.action }
        return nil
    }

    /// Every action of the row.
    public var actions: [Action] { [primary.action] + (reverse.map { [$0.action] } ?? []) }

    /// The keys as the help overlay lists them: "→ space l", "n / N", "q Ctrl-C".
    public var keyLabel: String {
        let forward = primary.keys.map(\.label).joined(separator: " ")
        guard let reverse else { return forward }
        return forward + " / " + reverse.keys.map(\.label).joined(separator: " ")
    }

    /// The keys as the status bar shows them: the first of each side, "→", "n/N".
    public var statusKey: String {
        let first = primary.keys.first?.label ?? ""
        guard let second = reverse?.keys.first?.label else { return first }
        return first + "/" + second
    }

    /// The keys of the trace screen, in the order the help lists them.
    public static let traceScreen: [KeyBinding] = [
        KeyBinding([.right, .character(" "), .character("l")], .stepForward, help: "next step", status: "step", essential: true),
        KeyBinding([.left, .character("h"), .backspace], .stepBack, help: "previous step", status: "back", essential: true),
        KeyBinding([.character("n")], .nextOfKind, reverse: ([.character("N")], .previousOfKind),
                   help: "next / previous step of the same kind", status: "same kind", essential: true),
        KeyBinding([.character("u")], .nextUpdate, reverse: ([.character("U")], .previousUpdate),
                   help: "next update / start of this or the previous update", status: "update", essential: true),
        KeyBinding([.character("e")], .nextEpoch, reverse: ([.character("E")], .previousEpoch),
                   help: "next epoch / start of this or the previous epoch", status: "epoch", essential: true),
        KeyBinding([.character("g")], .goTo, help: "go to: epoch update example step (ff oe bp gd) lN", status: "go", essential: true),
        KeyBinding([.character("r")], .run, help: "run until a breakpoint, beat, question or the end", status: "run", essential: true),
        KeyBinding([.character("b")], .chooseBreakpoints, help: "breakpoints: NaN/∞, saturation, cost rising, a position", status: "breaks"),
        KeyBinding([.character("+"), .character("=")], .faster, reverse: ([.character("-")], .slower),
                   help: "run faster / slower (r)", status: "speed"),
        KeyBinding([.character("v")], .chooseVariant, help: "the lesson, a variant, or all side by side", status: "variant"),
        KeyBinding([.character("p")], .nextRuns, reverse: ([.character("P")], .previousRuns),
                   help: "compare: next / previous runs when not all fit", status: "runs"),
        KeyBinding([.down, .character("j")], .focusNext, reverse: ([.up, .character("k")], .focusPrevious),
                   help: "choose the node or weight the equations show"),
        KeyBinding([.tab], .nextView, reverse: ([.backTab], .previousView), help: "network · minibatch · tables view", status: "view"),
        KeyBinding([.character("c")], .toggleChart, help: "cost chart on/off", status: "chart"),
        KeyBinding([.character("?")], .help, help: "this help", status: "help", essential: true),
        KeyBinding([.character("q"), .interrupt], .quit, help: "back to the lessons (quit if none); Ctrl-C quits", status: "lessons", essential: true),
        KeyBinding([.pageDown], .scrollLessonDown, reverse: ([.pageUp], .scrollLessonUp),
                   help: "scroll the lesson's text down / up", status: "more"),
        KeyBinding([.character("s")], .askSkipped, help: "go to the first question not answered yet and ask it", status: "ask skipped"),
        KeyBinding([.character("]")], .scrollEquationsDown, reverse: ([.character("[")], .scrollEquationsUp),
                   help: "scroll the equations down / up, when they do not fit"),
    ]

    /// The keys that work while a question waits for an answer, the only ones: any other key
    /// does nothing but say so (an arrow, `g` or `q` must not move on, quit or be typed).
    /// The status bar's "answer the question — Esc to skip" and that message are made
    /// from these rows.
    public static let answering: [KeyBinding] = [
        KeyBinding("0123456789+-−.,eE/".map(Key.character), .typeAnswer,
                   help: "type the answer: digits, sign, point, e notation (1.5e-3), a fraction (1/2)"),
        KeyBinding([.backspace], .eraseAnswer, help: "erase the last character"),
        KeyBinding([.enter], .checkAnswer, help: "check the answer", status: "check", essential: true),
        KeyBinding([.escape], .skipQuestion, help: "skip the question (it is asked again when you come back to its step)",
                   status: "skip", essential: true),
        KeyBinding([.pageDown], .scrollLessonDown, reverse: ([.pageUp], .scrollLessonUp),
                   help: "scroll the lesson's text down / up", status: "read"),
        KeyBinding([.interrupt], .quit, help: "quit", status: "quit"),
    ]

    /// The keys that move the focus through a step's targets, as a sentence names them
    /// ("↑/↓"), from the ``traceScreen`` row that declares them.
    public static var focusKeys: String {
        "\(keyName(for: .focusPrevious) ?? "")/\(keyName(for: .focusNext) ?? "")"
    }

    /// The first binding of a table that performs an action, if any.
    public static func binding(for action: Action, in bindings: [KeyBinding] = traceScreen) -> KeyBinding? {
        bindings.first { $0.actions.contains(action) }
    }

    /// The name of the first key that performs an action ("Esc", "PgDn"), for sentences
    /// made from the table ("Esc to skip").
    public static func keyName(for action: Action, in bindings: [KeyBinding] = traceScreen) -> String? {
        guard let binding = binding(for: action, in: bindings) else { return nil }
        let keys = binding.primary.action == action ? binding.primary.keys : binding.reverse?.keys ?? []
        return keys.first?.label
    }

    /// The action of a key on the trace screen, if it has one.
    public static func action(for key: Key, in bindings: [KeyBinding] = traceScreen) -> Action? {
        for binding in bindings {
            if let action = binding.action(for: key) { return action }
        }
        return nil
    }
}
