/// One key of a lesson's `network`, `init`, `data` or `train` section, declared once: where
/// it lives, what it means and what a lesson gets without it (both as lessons/README.md
/// writes them), and how its value is read into ``Settings``.
///
/// The declarations are the table in `LessonKeys.swift` (``LessonKey/all``). Everything that
/// reads a key goes through them: the sections of a lesson, a variant's changes, `compare
/// --vary` and the options of `run`; an unknown key is refused with a did-you-mean, and a
/// value that cannot be used with an error at its line and column. A test holds README's key
/// tables to ``markdownTable(for:)``, so the documentation cannot drift from the code.
public struct LessonKey: Sendable {
    /// The sections of a lesson whose keys are declared.
    public enum Section: String, Sendable, Hashable, CaseIterable {
        /// The layer sizes, activations and cost.
        case network
        /// The initial weights and biases (`init:` in a lesson).
        case initialization = "init"
        /// The examples.
        case data
        /// η, M, the epochs and the other training settings.
        case train
    }

    /// What a lesson gets when it leaves a key out.
    public enum Default: Sendable, Hashable {
        /// Every lesson must give the key; the hint says how.
        case required(hint: String)
        /// The value it has then, as README's tables write it (`sigmoid`, 1, —, …).
        case value(String)

        /// The default as README's tables write it: "required", or the value.
        public var text: String {
            switch self {
            case .required: return "required"
            case .value(let text): return text
            }
        }
    }

    /// Reads a key's value into settings, or throws a ``LessonError`` at the value.
    typealias Reader = @Sendable (YAMLNode, inout Settings) throws -> Void

    /// The section the key is written in.
    public let section: Section
    /// Its name in the section: `eta`, `seed`, `early-stopping`.
    public let name: String
    /// What it means: the text of README's table, in Markdown.
    public let meaning: String
    /// What a lesson gets without it.
    public let `default`: Default
    /// How its value is read into settings. Nil for the keys of `data`, which depend on one
    /// another (`inputs` are rows inline and column names with `file`) and are read together
    /// by `LessonData.load`.
    let read: Reader?
    /// Writes the key's value in some settings back as a lesson would write it (`0.15`,
    /// `cross-entropy`, `[1, 1]`), or nil where the settings do not use the key (`weights`
    /// under a scheme). Nil for the keys of `data`, which are not settings.
    let write: (@Sendable (Settings) -> String?)?
    /// For a default that derives from other keys (`init.seed` is the lesson's `train.seed`):
    /// gives it to the lesson's own settings when the lesson does not write the key.
    /// Variants start from the lesson's settings and so inherit the lesson's value.
    let derive: (@Sendable (inout Settings) -> Void)?

    /// A declaration; see each property.
    init(_ section: Section, _ name: String, meaning: String, default: Default,
         derive: (@Sendable (inout Settings) -> Void)? = nil, write: (@Sendable (Settings) -> String?)? = nil, read: Reader?) {
        self.section = section
        self.name = name
        self.meaning = meaning
        self.default = `default`
        self.read = read
        self.write = write
        self.derive = derive
    }

    /// The key with its section, as a variant or `--vary` may write it: `train.seed`.
    public var path: String { "\(section.rawValue).\(name)" }
}
