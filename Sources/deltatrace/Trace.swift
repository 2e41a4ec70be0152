import ArgumentParser
import DeltaCore
import DeltaLessons
import DeltaText

/// `deltatrace trace`: every number of every update, as JSON Lines.
struct Trace: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the full trace as JSON Lines: one object per update.",
        discussion: """
            Each object has epoch, update, cost (the minibatch's mean cost before the update, \
            without penalty), examples (index, x, y, cost, and per layer l: z, a, delta, and \
            the dropout mask; with data.expand also origin: the data row, counted from 0 in \
            file order, the copy and its transform), and layers (w_before, b_before, grad_w, grad_b, w_after, \
            b_after, with w[i][j] = w_{l,i,j} counted from 0). Numbers have full double precision.
            """)

    enum TraceFormat: String, ExpressibleByArgument { case json }

    @OptionGroup var lesson: LessonOptions
    @OptionGroup var variantOption: VariantOption
    var variant: String? { variantOption.variant }
    @Option(help: "Only the first K updates.") var updates: Int?
    @Option(help: "Only the updates of the first N epochs.") var epochs: Int?
    @Option(help: "json (JSON Lines).") var format: TraceFormat = .json

    func validate() throws {
        if updates != nil && epochs != nil { throw ValidationError("give --updates or --epochs, not both") }
        if let updates, updates < 1 { throw ValidationError("--updates must be at least 1") }
        if let epochs, epochs < 1 { throw ValidationError("--epochs must be at least 1") }
    }

    func run() throws {
        let lesson = try self.lesson.load()
        let run = try reportingLessonErrors { try lesson.makeRun(variant: variant) }
        let limit = updates ?? epochs.map { min($0, run.layout.epochs) * run.layout.updatesPerEpoch } ?? run.layout.totalUpdates
        for g in 0..<min(limit, run.layout.totalUpdates) {
            run.advance(through: g)
            guard let last = run.lastTracedUpdate, g <= last else { break }
            print(Trace.json(run.trace(ofUpdate: g), origins: run.training.origins).text)
        }
        try report(run.ending, of: run, format: .json)
    }

    /// One update as JSON. In an update that stopped at a NaN or ∞, what was never computed
    /// (the values after the failing one, the gradients before gradient descent, the
    /// parameters after an update that was not applied) is `null`, beside `failure`, which
    /// says where training stopped — never a 0 that was not computed.
    ///
    /// With `origins` (the training examples of an expanded run, ``Dataset/origins``), each
    /// example also says where it came from: `"origin": {"row": 41, "copy": 2,
    /// "transform": "shift down 1"}`, with `copy` 0 and `transform` null for the row itself
    /// (``OriginText/code(_:)`` writes the transforms).
    static func json(_ t: UpdateTrace, origins: [ExampleOrigin]? = nil) -> JSON {
        let network = t.network, L = network.L
        // What the failing step had computed (``TraceFrame``), or everything.
        let stop = t.failure.map { TraceFrame(trace: t, step: $0.position.step) }
        let descended = stop?.isGradientComputed ?? true
        func known(_ value: TraceFrame.NodeValue, _ m: Int, _ l: Int) -> Bool { stop?.isComputed(value, example: m, layer: l) ?? true }
        func costKnown(_ m: Int) -> Bool { stop?.isCostComputed(example: m) ?? true }
        func shown(_ computed: Bool, _ json: JSON) -> JSON { computed ? json : .null }
        let examples: [JSON] = (1...t.M).map { m in
            let layers: [JSON] = (1...L).map { l in
                let nodes = 0..<network.n(l)
                var pairs: [(String, JSON)] = [
                    ("l", .integer(l)),
                    ("z", shown(known(.activation, m, l), .numbers(nodes.map { t.z(m, l, $0) }))),
                    ("a", shown(known(.activation, m, l), .numbers(nodes.map { t.a(m, l, $0) }))),
                    ("delta", shown(known(.error, m, l), .numbers(nodes.map { t.delta(m, l, $0) }))),
                ]
                if !t.mask.isEmpty && l < L {
                    pairs.append(("mask", shown(known(.activation, m, l), .numbers(nodes.map { t.isDropped(m, l, $0) ? 0 : 1 }))))
                }
                return .object(pairs)
            }
            let outputs = 0..<network.n(L)
            let origin: [(String, JSON)] = origins.map { all in
                let o = all[t.exampleIndices[m - 1]]
                return [("origin", .object([("row", .integer(o.row)), ("copy", .integer(o.copy)),
                                            ("transform", o.transform.map { .string(OriginText.code($0)) } ?? .null)]))]
            } ?? []
            return .object([
                ("index", .integer(t.exampleIndices[m - 1])),
            ] + origin + [
                ("x", .numbers((0..<network.n(0)).map { t.x(m, $0) })),
                ("y", .numbers(outputs.map { t.y(m, $0) })),
                ("cost", shown(costKnown(m), .number(t.costs[m - 1]))),
                ("dC_da", shown(known(.error, m, L), .numbers(outputs.map { t.costGradient(m, $0) }))),
                ("f_prime", shown(known(.error, m, L), .numbers(outputs.map { t.outputDerivative(m, $0) }))),
                ("layers", .array(layers)),
            ])
        }
        let layers: [JSON] = (1...L).map { l in
            .object([
                ("l", .integer(l)),
                ("w_before", .matrix(t.before.parameters.weightMatrix(network, layer: l))),
                ("b_before", .numbers(t.before.parameters.biasVector(network, layer: l))),
                ("grad_w", shown(descended, .matrix((0..<network.n(l - 1)).map { i in (0..<network.n(l)).map { t.weightGradient(l, i, $0) } }))),
                ("grad_b", shown(descended, .numbers((0..<network.n(l)).map { t.biasGradient(l, $0) }))),
                ("w_after", shown(t.failure == nil, .matrix(t.after.parameters.weightMatrix(network, layer: l)))),
                ("b_after", shown(t.failure == nil, .numbers(t.after.parameters.biasVector(network, layer: l)))),
            ])
        }
        var pairs: [(String, JSON)] = [
            ("epoch", .integer(t.epoch)), ("update", .integer(t.update)), ("cost", shown(descended, .number(t.cost))),
            ("examples", .array(examples)), ("layers", .array(layers)),
        ]
        if let failure = t.failure { pairs.append(("failure", .string(Narrator.say(failure, minus: .ascii)))) }
        return .object(pairs)
    }
}
