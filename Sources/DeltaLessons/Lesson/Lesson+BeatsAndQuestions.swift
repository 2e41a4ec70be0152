import DeltaCore
import DeltaText

extension Lesson {
    /// The keys a beat may have (lessons/README.md's `beats` section; tested to agree).
    static let beatKeys = ["at", "say", "variants", "shows"]
    /// The keys a question may have (lessons/README.md's `questions` table; tested to agree).
    static let questionKeys = ["at", "ask", "answer", "tolerance", "explain", "variants"]

    /// A beat: `at`, `say`, optionally the runs it is for (`variants:`) and the numbers its
    /// words state, tied to the screen beside it (`shows:`, ``shownClaims(_:at:runs:settings:variants:examples:)``).
    static func beat(_ node: YAMLNode, settings: Settings, variants: [Variant], examples: Int) throws -> Beat {
        let m = try node.mapping("a beat", allowed: beatKeys)
        let runs = try runNames(m, variants: variants)
        let at = try tracePoint(try m.require("at", hint: "say where: at: {epoch: 1, step: output-error}"),
                                runs: runs, settings: settings, variants: variants, examples: examples)
        let text = try m.require("say", hint: "write the narration under `say:`").string("`say`")
        let shows = try m["shows"].map { try shownClaims($0, at: at, runs: runs, settings: settings, variants: variants, examples: examples) } ?? []
        return Beat(at: at, text: text, runs: runs, shows: shows)
    }

    /// A question: `at`, `ask`, `answer` (a value the step computes), `tolerance`, `explain`,
    /// and optionally the runs it is asked in, which must share the network's shape.
    static func question(_ node: YAMLNode, settings: Settings, variants: [Variant], examples: Int) throws -> Question {
        let m = try node.mapping("a question", allowed: questionKeys)
        let runs = try runNames(m, variants: variants)
        let at = try tracePoint(try m.require("at", hint: "say at which step to ask: at: {step: output-error}"),
                                runs: runs, settings: settings, variants: variants, examples: examples)
        // One answer for every run it is asked in: they must share the first run's shape.
        func shape(_ name: String) -> [Int] { (name == Lesson.baseName ? settings : variants.first { $0.name == name }!.settings).layers }
        for name in runs.dropFirst() {
            guard shape(name) == shape(runs[0]) else {
                throw (m.keyNode("variants") ?? m.node).error("variant `\(name)` has another network shape than the other runs this question is asked in",
                                                              hint: "ask it separately for each network shape")
            }
        }
        let answerSettings = runs[0] == Lesson.baseName ? settings : variants.first { $0.name == runs[0] }!.settings
        let answer = try traceValue(try m.require("answer", hint: "name the value that answers it: answer: {quantity: delta, layer: 1, node: 1}"), settings: answerSettings)
        let tolerance = try m["tolerance"]?.double("`tolerance`") ?? 0.005
        guard tolerance >= 0 else { throw m["tolerance"]!.error("the tolerance cannot be negative") }
        return Question(at: at, ask: try m.require("ask", hint: "write the question under `ask:`").string("`ask`"),
                        answer: answer, tolerance: tolerance, explain: try m["explain"]?.string("`explain`"), runs: runs)
    }

    /// The runs a beat or question is written for: `variants: [NAME, …]` (with `lesson` for
    /// the lesson itself), or the lesson alone.
    static func runNames(_ m: YAMLMapping, variants: [Variant]) throws -> [String] {
        guard let node = m["variants"] else { return [Lesson.baseName] }
        let known = [Lesson.baseName] + variants.map(\.name)
        let names = try node.list("`variants`", hint: "list the runs it is for, e.g. variants: [lesson, cross-entropy]").map { item -> String in
            let name = try item.string("a variant's name")
            guard known.contains(name) else {
                let guess = Suggestion.didYouMean(name, among: known)
                throw item.error("no variant is named `\(name)`", hint: "\(guess)use `\(Lesson.baseName)` for the lesson itself, or one of: \(Suggestion.listing(known))")
            }
            return name
        }
        guard !names.isEmpty else { throw node.error("`variants` is empty", hint: "name at least one run, or leave `variants` out for the lesson itself") }
        return names
    }

    /// A position written for some runs, checked against each of them (every run of a
    /// lesson has the same training rows, `examples` of them, but a variant may change the
    /// network, M, the epochs, or with `expand` the number of examples made from the rows).
    static func tracePoint(_ node: YAMLNode, runs: [String], settings: Settings, variants: [Variant], examples: Int) throws -> TracePoint {
        var point: TracePoint?
        for name in runs {
            let s = variants.first { $0.name == name }?.settings ?? settings
            let layout = TraceLayout(layers: s.layers.count - 1, trainingSetSize: s.data.trainingSetSize(rows: examples),
                                     batchSize: s.training.batchSize, epochs: s.training.epochs)
            point = try tracePoint(node, layout: layout)
        }
        return point!
    }
}
