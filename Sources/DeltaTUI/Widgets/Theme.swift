import DeltaText

/// The styles every widget draws with, by what they mean (a heading, a value the step
/// computed, a hidden answer, good or bad news), so that one meaning always looks the same.
/// Without colour (NO_COLOR) the bold, dim and reverse attributes still tell them apart.
enum Theme {
    /// The title bar.
    static let title = Style(bold: true, reverse: true)
    /// The position line under the title.
    static let position = Style(foreground: .cyan, bold: true)
    /// Box borders.
    static let border = Style(foreground: .blue)
    /// Box titles and formulas in symbols.
    static let heading = Style(foreground: .cyan, bold: true)
    /// Labels and notes in the background.
    static let label = Style(dim: true)
    /// A value the current step computes, and the layer it works on.
    static let touched = Style(foreground: .yellow, bold: true)
    /// The focused node, weight, bias or row.
    static let focused = Style(foreground: .yellow, bold: true, reverse: true)
    /// A positive weight or bias.
    static let positive = Style(foreground: .green)
    /// A negative weight or bias.
    static let negative = Style(foreground: .red)
    /// "?" in place of a value a question asks for.
    static let hidden = Style(foreground: .magenta, bold: true)
    /// Something to look at: a question, a message, a slowdown.
    static let warning = Style(foreground: .yellow, bold: true)
    /// Good news: a right answer, learning that stays fast.
    static let good = Style(foreground: .green, bold: true)
    /// Bad news: a wrong answer, an error.
    static let bad = Style(foreground: .red, bold: true)
    /// In the background: a dropped node.
    static let dim = Style(dim: true)
    /// A key name.
    static let key = Style(bold: true)
    /// The colours of runs side by side and of the chart's series, in order.
    static let series: [Color] = [.cyan, .magenta, .green, .yellow, .red, .blue]

    /// How a narrated sentence is drawn: its tone, never more than its words say.
    static func style(_ tone: Sentence.Tone) -> Style {
        switch tone {
        case .neutral: return label
        case .aside: return dim
        case .good: return good
        case .warning: return warning
        }
    }
}

extension Theme {
    /// The answer being typed: a question waits, and this is where the keys go.
    static let answering = Style(foreground: .yellow, bold: true, reverse: true)
}
