import DeltaCore
import DeltaText

/// A lesson: a network, its data and training settings, optional variants to compare,
/// narration tied to points of the trace, questions for the student, and claims that
/// `deltatrace check` verifies.
public struct Lesson: Sendable {
    /// The lesson file, as it was named.
    public let file: String
    /// The title.
    public let title: String
    /// One sentence on what it teaches.
    public let summary: String
    /// Whether the screen opens with the lesson and its variants side by side (`compare: true`).
    public let opensInCompare: Bool
    /// The base settings.
    public let settings: Settings
    /// The training data.
    public let training: Dataset
    /// Data held out for validation, if any.
    public let validation: Dataset?
    /// Where the data came from and what its columns are.
    public let dataDescription: DataDescription
    /// The same lesson with some settings changed.
    public let variants: [Variant]
    /// Narration attached to trace positions.
    public let beats: [Beat]
    /// Questions that ask the student to predict a number.
    public let questions: [Question]
    /// Claims about the results, checked by `deltatrace check`.
    public let claims: [Claim]

    /// The settings of a variant (nil: the base lesson).
    public func settings(variant name: String?) throws -> Settings {
        guard let name else { return settings }
        guard let variant = variants.first(where: { $0.name == name }) else {
            throw LessonError(SourceLocation(file: file, line: 1, column: 1), "the lesson has no variant `\(name)`",
                              hint: variants.isEmpty ? "this lesson defines no variants" : "its variants are: \(Suggestion.listing(variants.map(\.name)))")
        }
        return variant.settings
    }

    /// A training run of the lesson (or of one of its variants).
    public func makeRun(_ settings: Settings) throws -> TrainingRun {
        let network = try settings.network()
        let seed = settings.initSeed ?? settings.training.seed
        let parameters: Parameters
        do { parameters = try settings.initialization.parameters(for: network, seed: seed) } catch {
            throw LessonError(SourceLocation(file: file, line: 1, column: 1), "the lesson cannot be trained: \(error)")
        }
        return try makeRun(settings, network: network, parameters: parameters)
    }

    /// A run of settings from given initial parameters.
    func makeRun(_ settings: Settings, network: Network, parameters: Parameters) throws -> TrainingRun {
        do {
            return try TrainingRun(network: network, training: training, validation: validation,
                                   configuration: settings.training, parameters: parameters)
        } catch {
            throw LessonError(SourceLocation(file: file, line: 1, column: 1), "the lesson cannot be trained: \(error)")
        }
    }

    /// A training run of the base lesson or a variant.
    public func makeRun(variant: String? = nil) throws -> TrainingRun {
        try makeRun(settings(variant: variant))
    }
}

/// The lesson with some settings changed, e.g. another cost.
public struct Variant: Sendable {
    /// Its name, used by `--variant` and in `compare`.
    public let name: String
    /// The settings with its changes applied.
    public let settings: Settings
    /// Where it is defined.
    public let location: SourceLocation
}

/// Where a lesson's data came from.
public struct DataDescription: Sendable, Hashable {
    /// The CSV file, if the data came from one (as written in the lesson, and resolved).
    public var file: String?
    /// The generator, if the data was generated.
    public var generator: String?
    /// The input column names (from a file).
    public var inputColumns: [String]
    /// The target column names, or for a class column the class names in one-hot order.
    public var targetNames: [String]
}

/// A point in a trace named in a lesson: epoch, update, example (from 1) and step.
public struct TracePoint: Sendable, Hashable {
    /// The position.
    public let position: TracePosition
    /// Where it was written.
    public let location: SourceLocation
}

/// Narration shown when the student reaches a trace position.
public struct Beat: Sendable, Hashable {
    /// When to show it.
    public let at: TracePoint
    /// What to say.
    public let text: String
    /// The runs it is written for: ``Lesson/baseName`` for the lesson itself (the default),
    /// or names of variants (`variants:` in the lesson).
    public let runs: [String]
}

/// A question that asks the student to predict a number before it is shown.
public struct Question: Sendable, Hashable {
    /// When to ask it: the answer is the value this step computes.
    public let at: TracePoint
    /// The question.
    public let ask: String
    /// The value that answers it.
    public let answer: TraceValue
    /// How far off an answer may be and still count as right.
    public let tolerance: Double
    /// What to tell the student after they answer (optional).
    public let explain: String?
    /// The runs it is asked in: ``Lesson/baseName`` for the lesson itself (the default), or
    /// names of variants (`variants:` in the lesson).
    public let runs: [String]
}

/// A number in a trace: a quantity of one node, weight or bias at a step of an update.
public struct TraceValue: Sendable, Hashable {
    /// The kinds of value.
    public enum Quantity: String, Sendable, Hashable, CaseIterable {
        case z, a, delta, y, x
        /// ∂C/∂a of an output node.
        case dCda = "dC/da"
        /// f′(z) of an output node (for softmax the Jacobian's diagonal).
        case fPrime = "f'"
        /// A weight before the update.
        case w
        /// A bias before the update.
        case b
        /// A weight after the update.
        case wAfter = "w-after"
        /// A bias after the update.
        case bAfter = "b-after"
        /// The averaged gradient ∂C/∂w.
        case gradW = "grad-w"
        /// The averaged gradient ∂C/∂b.
        case gradB = "grad-b"
        /// Δw = w after − w before.
        case dw
        /// Δb.
        case db
        /// The example's cost C(m).
        case cost
        /// The minibatch's mean cost.
        case batchCost = "batch-cost"
    }

    /// Which quantity.
    public let quantity: Quantity
    /// The layer l (for a node, weight or bias).
    public let layer: Int?
    /// The node j, from 1.
    public let node: Int?
    /// The node i of layer l − 1 a weight comes from, from 1.
    public let from: Int?

    /// The value in a trace, for example m (from 1).
    public func value(in trace: UpdateTrace, example m: Int) -> Double {
        let l = layer ?? (quantity == .x ? 0 : trace.network.L), j = (node ?? 1) - 1, i = (from ?? 1) - 1
        switch quantity {
        case .z: return trace.z(m, l, j)
        case .a: return trace.a(m, l, j)
        case .delta: return trace.delta(m, l, j)
        case .y: return trace.y(m, j)
        case .x: return trace.x(m, j)
        case .dCda: return trace.costGradient(m, j)
        case .fPrime: return trace.outputDerivative(m, j)
        case .w: return trace.weightBefore(l, i, j)
        case .b: return trace.biasBefore(l, j)
        case .wAfter: return trace.weightAfter(l, i, j)
        case .bAfter: return trace.biasAfter(l, j)
        case .gradW: return trace.weightGradient(l, i, j)
        case .gradB: return trace.biasGradient(l, j)
        case .dw: return trace.weightChange(l, i, j)
        case .db: return trace.biasChange(l, j)
        case .cost: return trace.costs[m - 1]
        case .batchCost: return trace.cost
        }
    }
}

extension Lesson {
    /// The name that `variants:` on a beat or a question, and the screen, give the lesson
    /// itself, as opposed to one of its variants.
    public static let baseName = "lesson"

    /// The beats written for a run: the lesson itself (nil variant) or one of its variants.
    /// A run of settings that are neither (an ad-hoc `--vary`) has none.
    public func beats(forVariant variant: String?) -> [Beat] {
        beats.filter { $0.runs.contains(variant ?? Lesson.baseName) }
    }

    /// The questions asked in a run: the lesson itself (nil variant) or one of its variants.
    public func questions(forVariant variant: String?) -> [Question] {
        questions.filter { $0.runs.contains(variant ?? Lesson.baseName) }
    }

    /// Runs of several settings of the lesson for comparing them: each later run starts from
    /// the first run's initial parameters when its network has the same shape and it does
    /// not set its own initialisation, so that only the setting compared differs.
    public func makeRuns(comparing contenders: [Settings]) throws -> [TrainingRun] {
        var runs: [TrainingRun] = []
        for settings in contenders {
            let run = try makeRun(settings)
            if let first = runs.first, let base = contenders.first, run.network.sizes == first.network.sizes,
               settings.initialization == base.initialization, settings.initSeed == base.initSeed {
                runs.append(try makeRun(settings, network: run.network, parameters: first.initialParameters))
            } else {
                runs.append(run)
            }
        }
        return runs
    }
}
