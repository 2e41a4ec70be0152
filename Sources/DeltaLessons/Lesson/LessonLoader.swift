import DeltaCore
import DeltaText
import Foundation

extension Lesson {
    /// The keys a lesson may have at its top level.
    static let topKeys = ["title", "summary", "network", "init", "data", "train", "variants", "compare", "beats", "questions", "expect"]
    static let networkKeys = ["layers", "hidden", "output", "cost"]
    static let initKeys = ["scheme", "seed", "weights", "biases"]
    static let trainKeys = ["eta", "batch", "epochs", "shuffle", "seed", "regularization", "lambda", "dropout"]
    /// The most memory one update's trace and the engine's buffers may take.
    static let traceMemoryLimit = 1 << 30

    /// Reads and validates a lesson file.
    ///
    /// - Parameter path: the file, as the user named it (messages repeat it).
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

    /// Reads and validates a lesson from its text; data files are found relative to `file`.
    public static func parse(_ text: String, file: String) throws -> Lesson {
        let root = try YAMLNode.parse(text, file: file)
        let top = try root.mapping("a lesson", allowed: topKeys)
        let title = try top.require("title", hint: "start the lesson with `title: …`").string("`title`")
        let summary = try top.require("summary", hint: "add `summary:` with one sentence on what the lesson teaches").string("`summary`")

        var settings = Settings.defaults
        let networkNode = try top.require("network", hint: "describe the network, e.g. network: {layers: [1, 1], output: sigmoid, cost: quadratic}")
        let network = try networkNode.mapping("`network`", allowed: networkKeys)
        try apply(network, to: &settings, keys: networkKeys)
        guard network.has("layers") else { throw network.node.error("`network` needs `layers`", hint: "list the layer sizes, input first, e.g. layers: [2, 3, 1]") }
        guard network.has("cost") else { throw network.node.error("`network` needs `cost`", hint: "choose one of: \(Suggestion.listing(Cost.allCases.map(\.rawValue)))") }
        if let initNode = top["init"] {
            try apply(try initNode.mapping("`init`", allowed: initKeys), to: &settings, keys: initKeys)
        }
        let trainNode = try top.require("train", hint: "give at least the learning rate, e.g. train: {eta: 0.5, epochs: 30}")
        let train = try trainNode.mapping("`train`", allowed: trainKeys)
        guard train.has("eta") else { throw train.node.error("`train` needs `eta`, the learning rate η", hint: "e.g. eta: 0.5") }
        try apply(train, to: &settings, keys: trainKeys)
        try validate(settings, at: root.location)

        let dataNode = try top.require("data", hint: "give the examples: inline `inputs:` and `targets:`, a CSV `file:`, or a `generator:`")
        let data = try LessonData.load(dataNode, settings: settings)

        var variants: [Variant] = []
        for node in try top["variants"]?.list("`variants`") ?? [] {
            let variantKeys = ["name"] + networkKeys + initKeys + trainKeys
            let mapping = try node.mapping("a variant", allowed: variantKeys)
            let name = try mapping.require("name", hint: "give each variant a `name:` to refer to it by").string("a variant's `name`")
            if name == Lesson.baseName {
                throw mapping["name"]!.error("a variant cannot be named `\(Lesson.baseName)`", hint: "`\(Lesson.baseName)` names the lesson itself; choose another name")
            }
            if variants.contains(where: { $0.name == name }) {
                throw mapping["name"]!.error("two variants are named `\(name)`", hint: "give each variant its own name")
            }
            var changed = settings
            try apply(mapping, to: &changed, keys: networkKeys + initKeys + trainKeys, base: settings)
            try validate(changed, at: node.location)
            try data.check(fits: changed)
            variants.append(Variant(name: name, settings: changed, location: node.location))
        }

        let compare = try top["compare"]?.bool("`compare`") ?? false
        if compare && variants.isEmpty {
            throw top.keyNode("compare")!.error("`compare: true` needs variants to show beside the lesson", hint: "add `variants:`, or remove `compare`")
        }
        let layout = TraceLayout(layers: settings.layers.count - 1, trainingSetSize: data.training.count,
                                 batchSize: settings.training.batchSize, epochs: settings.training.epochs)
        let beats = try (top["beats"]?.list("`beats`") ?? []).map { node in
            let mapping = try node.mapping("a beat", allowed: ["at", "say", "variants"])
            let runs = try runNames(mapping, variants: variants)
            return Beat(at: try tracePoint(try mapping.require("at", hint: "say where: at: {epoch: 1, step: output-error}"),
                                           runs: runs, settings: settings, variants: variants, examples: data.training.count),
                        text: try mapping.require("say", hint: "write the narration under `say:`").string("`say`"), runs: runs)
        }
        let questions = try (top["questions"]?.list("`questions`") ?? []).map {
            try question($0, settings: settings, variants: variants, examples: data.training.count)
        }
        let claims = try (top["expect"]?.list("`expect`") ?? []).map {
            try claim($0, settings: settings, variants: variants, layout: layout, hasValidation: data.validation != nil)
        }
        return Lesson(file: file, title: title, summary: summary, opensInCompare: compare, settings: settings, training: data.training,
                      validation: data.validation, dataDescription: data.description, variants: variants,
                      beats: beats, questions: questions, claims: claims)
    }

    // MARK: Settings

    /// Reads the given keys of a mapping into settings.
    static func apply(_ mapping: YAMLMapping, to s: inout Settings, keys: [String], base: Settings? = nil) throws {
        var explicitWeights: [[[Double]]]?, explicitBiases: [[Double]]?
        for (key, keyNode, value) in mapping.entries where keys.contains(key) {
            s.locations[key] = value.location
            switch key {
            case "layers":
                s.layers = try value.list("`layers`", hint: "list the layer sizes, input first, e.g. [2, 3, 1]").map { try $0.int("a layer size") }
                if let bad = s.layers.firstIndex(where: { $0 < 1 }) {
                    throw try value.list("`layers`")[bad].error("layer \(bad) has \(s.layers[bad]) nodes", hint: "every layer needs at least 1 node")
                }
                if let bad = s.layers.firstIndex(where: { $0 > 100_000 }) {
                    throw try value.list("`layers`")[bad].error("layer \(bad) has \(s.layers[bad]) nodes, too many to trace",
                                                                hint: "use at most 100000 nodes per layer")
                }
            case "hidden": s.hidden = try value.choice("the hidden activation", Activation.self)
            case "output": s.output = try value.choice("the output activation", Activation.self)
            case "cost": s.cost = try value.choice("the cost", Cost.self)
            case "scheme":
                let name = try value.string("`scheme`")
                switch name {
                case "gaussian": s.initialization = .gaussian
                case "unit-gaussian": s.initialization = .unitGaussian
                case "slide-sqrt-n": s.initialization = .slideSqrtN
                default:
                    let names = ["gaussian", "unit-gaussian", "slide-sqrt-n"]
                    let guess = Suggestion.didYouMean(name, among: names)
                    throw value.error("unknown initialisation scheme `\(name)`", hint: "\(guess)use one of: \(Suggestion.listing(names)), or give `weights:` and `biases:`")
                }
            case "seed" where mapping.what == "`init`":
                s.initSeed = try seed(value)
            case "seed": s.training.seed = try seed(value)
            case "weights":
                explicitWeights = try value.list("`weights`", hint: "one matrix per layer after the input: weights[l-1][i][j] = w_{l,i,j}").enumerated()
                    .map { try $1.matrix("weights[\($0)]") }
            case "biases": explicitBiases = try value.matrix("`biases`")
            case "eta":
                s.training.eta = try value.double("`eta`")
                guard s.training.eta > 0 else { throw value.error("η must be greater than 0, not \(NumberText.written(s.training.eta))", hint: "a typical learning rate is between 0.01 and 3") }
            case "batch":
                s.training.batchSize = try value.int("`batch`")
                guard s.training.batchSize >= 1 else { throw value.error("the minibatch size must be at least 1, not \(s.training.batchSize)", hint: "batch: 1 updates after every example") }
            case "epochs":
                s.training.epochs = try value.int("`epochs`")
                guard s.training.epochs >= 1 else { throw value.error("`epochs` must be at least 1, not \(s.training.epochs)") }
                guard s.training.epochs <= 1_000_000 else { throw value.error("\(s.training.epochs) epochs is more than a lesson can step through", hint: "use at most 1000000") }
            case "shuffle": s.training.shuffle = try value.bool("`shuffle`")
            case "regularization":
                let name = try value.string("`regularization`")
                switch name {
                case "none": s.training.regularization = .none
                case "l2": s.training.regularization = .l2(lambda: s.lambda)
                case "l1": s.training.regularization = .l1(lambda: s.lambda)
                default:
                    let guess = Suggestion.didYouMean(name, among: ["none", "l2", "l1"])
                    throw value.error("unknown regularization `\(name)`", hint: "\(guess)use none, l2 or l1")
                }
            case "lambda":
                let lambda = try value.double("`lambda`")
                guard lambda >= 0 else { throw value.error("λ must be 0 or more, not \(NumberText.written(lambda))") }
                s.lambda = lambda
            case "dropout":
                s.training.dropout = try value.double("`dropout`")
                guard s.training.dropout >= 0 && s.training.dropout < 1 else {
                    throw value.error("the dropout probability must be at least 0 and below 1, not \(NumberText.written(s.training.dropout))",
                                      hint: "it is the chance that a hidden node is dropped for one example, e.g. 0.5")
                }
            default:
                throw keyNode.error("`\(key)` cannot be used here")
            }
        }
        s.applyLambda()
        if explicitWeights != nil || explicitBiases != nil {
            guard let weights = explicitWeights else {
                throw mapping.node.error("`biases` are given without `weights`", hint: "give `weights:` too, or leave both out and use a `scheme:`")
            }
            s.initialization = .explicit(weights: weights, biases: explicitBiases)
            s.locations["init"] = mapping.keyNode("weights")?.location
        }
    }

    static func seed(_ node: YAMLNode) throws -> UInt64 {
        let value = try node.int("the seed")
        guard value >= 0 else { throw node.error("the seed must be 0 or more, not \(value)") }
        return UInt64(value)
    }

    /// Checks what no single key can: pairings, explicit shapes, and the size of a trace.
    static func validate(_ s: Settings, at location: SourceLocation) throws {
        let network = try s.network()
        if s.output == .softmax && s.cost != .logLikelihood {
            throw LessonError(s.location("cost", or: location), "softmax outputs do not pair with the \(s.cost) cost",
                              hint: "use `cost: log-likelihood` with softmax (the lecture's pairing), or a sigmoid output for \(s.cost)")
        }
        if s.cost == .logLikelihood && s.output != .softmax {
            throw LessonError(s.location("cost", or: location), "the log-likelihood cost −ln a_k needs softmax outputs that sum to 1",
                              hint: "use `output: softmax`, or `cost: cross-entropy` with sigmoid outputs")
        }
        if case .explicit(let weights, let biases) = s.initialization {
            do { _ = try Parameters(network: network, weights: weights, biases: biases ?? (1...network.L).map { Array(repeating: 0, count: network.n($0)) }) } catch {
                guard case .shapeMismatch(let what) = error else { throw error }
                throw LessonError(s.location("weights", or: s.location("init", or: location)), what,
                                  hint: "weights[l-1] is layer l's matrix: one row per node i of layer l−1, one entry per node j of layer l")
            }
        }
        let nodes = Double(network.nodeCount), batch = Double(s.training.batchSize)  // an upper bound: M ≤ batch
        let bytes = 8 * (batch * nodes * 5 + Double(network.parameterCount) * 6)
        if bytes > Double(traceMemoryLimit) {
            throw LessonError(s.location("layers", or: location),
                              "this network is too large to trace: one update's record would take \(Int(bytes / 1_048_576)) MiB",
                              hint: "use fewer or smaller layers, or a smaller `batch`, so that it stays under \(traceMemoryLimit >> 20) MiB")
        }
    }

    // MARK: Positions, questions, claims

    /// A trace position: `{epoch, update, example, step, layer}`, each optional, resolved
    /// as the screen's go-to prompt resolves what is typed (``PositionQuery``).
    static func tracePoint(_ node: YAMLNode, layout: TraceLayout) throws -> TracePoint {
        let m = try node.mapping("a trace position", allowed: ["epoch", "update", "example", "step", "layer"])
        var query = PositionQuery(epoch: try m["epoch"]?.int("`epoch`"), update: try m["update"]?.int("`update`"),
                                  example: try m["example"]?.int("`example`"), layer: try m["layer"]?.int("`layer`"))
        if let stepNode = m["step"] {
            let name = try stepNode.string("`step`")
            guard let phase = Phase(name: name) else {
                let (message, hint) = StepText.problem(.unknownStep(name), layout: layout)
                throw stepNode.error(message, hint: hint)
            }
            query.phase = phase
        }
        switch query.resolve(in: layout) {
        case .success(let position): return TracePoint(position: position, location: node.location)
        case .failure(let error):
            let (message, hint) = StepText.problem(error, layout: layout)
            throw node.error(message, hint: hint)
        }
    }

    static let valueKeys = ["quantity", "layer", "node", "from"]

    /// A trace value: `{quantity, layer, node, from}` checked against the network.
    static func traceValue(_ node: YAMLNode, settings: Settings) throws -> TraceValue {
        let m = try node.mapping("a trace value", allowed: valueKeys)
        let quantity = try m.require("quantity", hint: "name it: \(Suggestion.listing(TraceValue.Quantity.allCases.map(\.rawValue)))")
            .choice("the quantity", TraceValue.Quantity.self)
        let L = settings.layers.count - 1
        let layer = try m["layer"]?.int("`layer`")
        let node = try m["node"]?.int("`node`"), from = try m["from"]?.int("`from`")
        // Which layers a quantity exists in: parameters from layer 1, output factors only at L.
        let layers: ClosedRange<Int>
        switch quantity {
        case .z, .a, .delta: layers = 0...L
        case .x: layers = 0...0
        case .y, .dCda, .fPrime, .cost, .batchCost: layers = L...L
        case .w, .b, .wAfter, .bAfter, .gradW, .gradB, .dw, .db: layers = 1...L
        }
        let l = layer ?? (quantity == .x ? 0 : L)
        guard layers.contains(l) else {
            throw (m["layer"] ?? m.node).error("`\(quantity.rawValue)` has no layer \(l)",
                                               hint: layers.count == 1 ? "it belongs to layer \(layers.lowerBound)" : "its layers are \(layers.lowerBound)…\(layers.upperBound)")
        }
        if let node, !(1...settings.layers[l]).contains(node) {
            throw m["node"]!.error("layer \(l) has no node \(node)", hint: "its nodes are 1…\(settings.layers[l])")
        }
        if let from {
            guard l >= 1, (1...settings.layers[l - 1]).contains(from) else {
                throw m["from"]!.error("layer \(max(l - 1, 0)) has no node \(from)", hint: "a weight of layer l comes from a node of layer l − 1")
            }
        }
        return TraceValue(quantity: quantity, layer: layer, node: node, from: from)
    }

    static func question(_ node: YAMLNode, settings: Settings, variants: [Variant], examples: Int) throws -> Question {
        let m = try node.mapping("a question", allowed: ["at", "ask", "answer", "tolerance", "explain", "variants"])
        let runs = try runNames(m, variants: variants)
        let at = try tracePoint(try m.require("at", hint: "say at which step to ask: at: {step: output-error}"),
                                runs: runs, settings: settings, variants: variants, examples: examples)
        for name in runs {
            let answerSettings = name == Lesson.baseName ? settings : variants.first { $0.name == name }!.settings
            guard answerSettings.layers == settings.layers || runs.count == 1 else {
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
    /// lesson has the same data, but a variant may change the network, M or the epochs).
    static func tracePoint(_ node: YAMLNode, runs: [String], settings: Settings, variants: [Variant], examples: Int) throws -> TracePoint {
        var point: TracePoint?
        for name in runs {
            let s = variants.first { $0.name == name }?.settings ?? settings
            let layout = TraceLayout(layers: s.layers.count - 1, trainingSetSize: examples, batchSize: s.training.batchSize, epochs: s.training.epochs)
            point = try tracePoint(node, layout: layout)
        }
        return point!
    }

    static let measureKeys = ["output", "cost", "regularized-cost", "accuracy", "validation-cost", "validation-accuracy", "first-epoch", "value", "gradient-check"]
    static let testKeys = ["is", "tolerance", "below", "above", "between"]

    static func claim(_ node: YAMLNode, settings: Settings, variants: [Variant], layout: TraceLayout, hasValidation: Bool) throws -> Claim {
        let m = try node.mapping("a claim", allowed: ["variant", "note", "epoch", "node", "at"] + measureKeys + testKeys)
        var chosen = settings
        var variantName: String?
        if let v = m["variant"] {
            let name = try v.string("`variant`")
            guard let variant = variants.first(where: { $0.name == name }) else {
                let guess = Suggestion.didYouMean(name, among: variants.map(\.name))
                throw v.error("no variant is named `\(name)`", hint: variants.isEmpty ? "define it under `variants:` first" : "\(guess)the variants are: \(Suggestion.listing(variants.map(\.name)))")
            }
            chosen = variant.settings
            variantName = name
        }
        let variantLayout = TraceLayout(layers: chosen.layers.count - 1, trainingSetSize: layout.trainingSetSize,
                                        batchSize: chosen.training.batchSize, epochs: chosen.training.epochs)
        let measure = try measure(m, settings: chosen, layout: variantLayout, hasValidation: hasValidation, allowEpoch: true)
        let test = try test(m, required: true)!
        return Claim(location: node.location, variant: variantName, measure: measure, test: test, note: try m["note"]?.string("`note`"))
    }

    /// The measure of a claim (or of `first-epoch`): exactly one measure key.
    static func measure(_ m: YAMLMapping, settings: Settings, layout: TraceLayout, hasValidation: Bool, allowEpoch: Bool) throws -> Claim.Measure {
        let present = m.entries.filter { measureKeys.contains($0.key) }
        guard present.count == 1, let (key, _, value) = present.first else {
            throw (present.count > 1 ? present[1].keyNode : m.node).error(
                present.isEmpty ? "\(m.what) does not say what to measure" : "\(m.what) measures more than one thing",
                hint: "use exactly one of: \(Suggestion.listing(measureKeys))")
        }
        let epochs = settings.training.epochs
        func epoch() throws -> Int? {
            guard let node = m["epoch"] else { return nil }
            guard allowEpoch else { throw node.error("`first-epoch` finds the epoch itself", hint: "leave out `epoch:` here") }
            let e = try node.int("`epoch`")
            guard (0...epochs).contains(e) else { throw node.error("epoch \(e) is outside the run", hint: "epochs are 0 (before training) to \(epochs)") }
            return e
        }
        switch key {
        case "output":
            let input = try value.doubles("the input of `output`")
            guard input.count == settings.layers[0] else {
                throw value.error("the input has \(input.count) values; the network takes \(settings.layers[0])")
            }
            let node = try m["node"]?.int("`node`") ?? 1
            guard (1...settings.layers.last!).contains(node) else {
                throw m["node"]!.error("the output layer has no node \(node)", hint: "its nodes are 1…\(settings.layers.last!)")
            }
            return .output(input: input, node: node, epoch: try epoch())
        case "first-epoch":
            let inner = try value.mapping("`first-epoch`", allowed: measureKeys + ["node"] + testKeys)
            guard let test = try test(inner, required: true) else { fatalError("unreachable") }
            let innerMeasure = try measure(inner, settings: settings, layout: layout, hasValidation: hasValidation, allowEpoch: false)
            if case .firstEpoch = innerMeasure { throw value.error("`first-epoch` cannot be nested") }
            if case .value = innerMeasure { throw value.error("`first-epoch` works with per-epoch measures: output, cost, accuracy, …") }
            if case .gradientCheck = innerMeasure { throw value.error("`first-epoch` works with per-epoch measures: output, cost, accuracy, …") }
            return .firstEpoch(innerMeasure, test)
        case "value":
            let at = try tracePoint(try m.require("at", hint: "say at which step: at: {epoch: 1, step: output-error}"), layout: layout)
            return .value(try traceValue(value, settings: settings), at: at.position)
        case "gradient-check":
            guard try value.bool("`gradient-check`") else { throw value.error("write `gradient-check: true`") }
            return .gradientCheck
        default:
            let statistic = Claim.Statistic(rawValue: key)!
            if (statistic == .validationCost || statistic == .validationAccuracy) && !hasValidation {
                throw value.error("the lesson holds out no validation data", hint: "add `holdout:` under `data:`")
            }
            if value.described == "nothing" { return .statistic(statistic, epoch: try epoch()) }
            guard allowEpoch else { throw value.error("`first-epoch` finds the epoch itself", hint: "write `\(key):` with nothing after it") }
            let e = try value.int("the epoch of `\(key)`")
            guard (0...epochs).contains(e) else { throw value.error("epoch \(e) is outside the run", hint: "epochs are 0 (before training) to \(epochs)") }
            return .statistic(statistic, epoch: e)
        }
    }

    static func test(_ m: YAMLMapping, required: Bool) throws -> Claim.Test? {
        let present = m.entries.filter { ["is", "below", "above", "between"].contains($0.key) }
        guard present.count <= 1 else { throw present[1].keyNode.error("\(m.what) has more than one test", hint: "use one of is, below, above or between") }
        guard let (key, _, value) = present.first else {
            if required { throw m.node.error("\(m.what) has no test", hint: "add `is: 0.20` (to the digits written), `below:`, `above:` or `between: [a, b]`") }
            return nil
        }
        if m.has("tolerance") && key != "is" { throw m.keyNode("tolerance")!.error("`tolerance` goes with `is`") }
        switch key {
        case "is":
            let v = try value.double("`is`")
            let tolerance = try m["tolerance"]?.double("`tolerance`") ?? value.decimalPlaces.map { 0.5 * pow(10, -Double($0)) } ?? abs(v) * 5e-7
            return .equals(v, tolerance: tolerance)
        case "below": return .below(try value.double("`below`"))
        case "above": return .above(try value.double("`above`"))
        default:
            let bounds = try value.doubles("`between`")
            guard bounds.count == 2, bounds[0] <= bounds[1] else { throw value.error("`between` takes two numbers, the lower first: [a, b]") }
            return .between(bounds[0], bounds[1])
        }
    }
}

extension Settings {
    /// Carries λ into the regularisation chosen, whichever of the two keys came first.
    mutating func applyLambda() {
        switch training.regularization {
        case .none: break
        case .l2: training.regularization = .l2(lambda: lambda)
        case .l1: training.regularization = .l1(lambda: lambda)
        }
    }
}
