import DeltaCore
import DeltaText
import Foundation

extension Lesson {
    /// The keys a lesson may have at its top level.
    static let topKeys = ["title", "summary", "network", "init", "data", "train", "variants", "compare", "beats", "questions", "expect"]

    /// Reads and validates a lesson file.
    ///
    /// - Parameter path: the file, as the user named it (messages repeat it; data files are
    ///   found relative to its folder, from whatever the working directory).
    /// - Throws: ``LessonError`` naming the file, line and column of the first problem.
    public static func load(path: String) throws -> Lesson {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            let exists = FileManager.default.fileExists(atPath: path)
            throw LessonError(SourceLocation(file: path, line: 1, column: 1),
                              exists ? "the lesson cannot be read as UTF-8 text" : "no such lesson file",
                              hint: exists ? "save it as UTF-8" : "give the path of a .yaml lesson, or a lesson's number or name from `deltatrace lessons`")
        }
        return try parse(text, file: path)
    }

    /// Reads and validates a lesson from its text; data files are found relative to the
    /// folder of `file` (relative to the working directory when `file` is relative).
    public static func parse(_ text: String, file: String) throws -> Lesson {
        let root = try YAMLNode.parse(text, file: file)
        let top = try root.mapping("a lesson", allowed: topKeys)
        let title = try top.require("title", hint: "start the lesson with `title: …`").string("`title`")
        let summary = try top.require("summary", hint: "add `summary:` with one sentence on what the lesson teaches").string("`summary`")

        var settings = Settings.defaults
        try LessonKey.read(.network, from: try top.require("network", hint: "describe the network, e.g. network: {layers: [1, 1], output: sigmoid, cost: quadratic}"),
                           into: &settings)
        if let initNode = top["init"] {
            try LessonKey.read(.initialization, from: initNode, into: &settings)
        }
        try LessonKey.read(.train, from: try top.require("train", hint: "give at least the learning rate, e.g. train: {eta: 0.5, epochs: 30}"),
                           into: &settings)
        LessonKey.deriveDefaults(&settings)
        try validate(settings, at: root.location)

        let dataNode = try top.require("data", hint: "give the examples: inline `inputs:` and `targets:`, a CSV `file:`, or a `generator:`")
        try LessonKey.read(.data, from: dataNode, into: &settings)
        let data = try LessonData.load(dataNode, settings: settings)
        let own = data.datasets(for: settings)

        var variants: [Variant] = []
        for node in try top["variants"]?.list("`variants`") ?? [] {
            variants.append(try variant(node, of: settings, data: data, after: variants))
        }

        let compare = try top["compare"]?.bool("`compare`") ?? false
        if compare && variants.isEmpty {
            throw top.keyNode("compare")!.error("`compare: true` needs variants to show beside the lesson", hint: "add `variants:`, or remove `compare`")
        }
        let layout = TraceLayout(layers: settings.layers.count - 1, trainingSetSize: data.trainingRows.count,
                                 batchSize: settings.training.batchSize, epochs: settings.training.epochs)
        let beats = try (top["beats"]?.list("`beats`") ?? []).map {
            try beat($0, settings: settings, variants: variants, examples: data.trainingRows.count)
        }
        let questions = try (top["questions"]?.list("`questions`") ?? []).map {
            try question($0, settings: settings, variants: variants, examples: data.trainingRows.count)
        }
        let claims = try (top["expect"]?.list("`expect`") ?? []).map {
            try claim($0, settings: settings, variants: variants, layout: layout, hasValidation: !data.validationRows.isEmpty, hasTest: !data.testRows.isEmpty)
        }
        return Lesson(file: file, title: title, summary: summary, opensInCompare: compare, settings: settings, training: own.training,
                      validation: own.validation, test: own.test, data: data, dataDescription: data.description, variants: variants,
                      beats: beats, questions: questions, claims: claims)
    }

    /// A variant: a `name` and changes to keys of `network`, `init`, `train` and the settings of
    /// `data` (`standardize`), by path or
    /// bare name (``LessonKey/readChanges(_:what:besides:into:)``), applied to the lesson's
    /// settings and checked as the lesson's are.
    static func variant(_ node: YAMLNode, of settings: Settings, data: LessonData, after earlier: [Variant]) throws -> Variant {
        var changed = settings
        let mapping = try LessonKey.readChanges(node, what: "a variant", besides: ["name"], into: &changed)
        let name = try mapping.require("name", hint: "give each variant a `name:` to refer to it by").string("a variant's `name`")
        if name == Lesson.baseName {
            throw mapping["name"]!.error("a variant cannot be named `\(Lesson.baseName)`", hint: "`\(Lesson.baseName)` names the lesson itself; choose another name")
        }
        if earlier.contains(where: { $0.name == name }) {
            throw mapping["name"]!.error("two variants are named `\(name)`", hint: "give each variant its own name")
        }
        try validate(changed, at: node.location)
        try data.check(fits: changed)
        return Variant(name: name, settings: changed, location: node.location)
    }
}
