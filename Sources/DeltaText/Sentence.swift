/// A sentence for a student, with the tone a screen may give it (colour, or a mark without
/// colour). The tone says what kind of news it is, never more than the words do.
public struct Sentence: Sendable, Hashable {
    /// What kind of news a sentence is.
    public enum Tone: Sendable, Hashable {
        /// Worth knowing, nothing more.
        case neutral
        /// In the background: a dropped node, an inactive ReLU.
        case aside
        /// Good news: learning is fast here.
        case good
        /// Look here: learning is slow, or something went wrong.
        case warning
    }

    /// The words.
    public let text: String
    /// The tone.
    public let tone: Tone

    /// A sentence; see each property.
    public init(_ text: String, tone: Tone = .neutral) {
        self.text = text
        self.tone = tone
    }
}
