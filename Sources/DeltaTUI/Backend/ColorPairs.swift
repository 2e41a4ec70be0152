/// The colour pairs of a curses screen: each foreground–background combination a cell
/// uses gets its own pair number, allocated the first time it is drawn and kept.
///
/// Pairs are found by the combination itself, so any number of colours works (256-colour
/// terminals included): no two combinations can share a pair. When the terminal has no
/// pairs left, a combination falls back to pair 0, the terminal's default look.
struct ColorPairs {
    /// A foreground and background colour number as curses takes them (−1: the terminal's
    /// default colour).
    struct Combination: Hashable {
        /// The text colour number.
        let foreground: Int16
        /// The background colour number.
        let background: Int16
    }

    /// Whether the terminal's default colours can be used (−1 in a pair).
    let defaultsAvailable: Bool
    /// How many pairs the terminal has (pair 0 included).
    let limit: Int
    /// Defines a pair: number, foreground, background; false when curses refuses.
    let define: (Int16, Int16, Int16) -> Bool
    /// The pairs allocated so far.
    private(set) var pairs: [Combination: Int16] = [:]
    /// The next free pair number.
    private var next: Int16 = 1

    /// An empty table for a terminal with `limit` pairs; `define` is `init_pair`.
    init(limit: Int, defaultsAvailable: Bool, define: @escaping (Int16, Int16, Int16) -> Bool) {
        self.limit = limit
        self.defaultsAvailable = defaultsAvailable
        self.define = define
    }

    /// The pair of a style's colours (0 for a style without colours).
    mutating func pair(for style: Style) -> Int16 {
        if style.foreground == nil && style.background == nil { return 0 }
        // Without the terminal's default colours, an unset colour is white on black.
        let foreground = style.foreground?.rawValue ?? (defaultsAvailable ? -1 : Color.white.rawValue)
        let background = style.background?.rawValue ?? (defaultsAvailable ? -1 : Color.black.rawValue)
        return pair(foreground: foreground, background: background)
    }

    /// The pair of a combination of colour numbers, allocated if it is new.
    mutating func pair(foreground: Int16, background: Int16) -> Int16 {
        let combination = Combination(foreground: foreground, background: background)
        if let known = pairs[combination] { return known }
        guard Int(next) < limit, define(next, foreground, background) else { return 0 }
        pairs[combination] = next
        next += 1
        return pairs[combination]!
    }
}
