import DeltaCore
import DeltaText

/// The verdict of `compare`, as facts: for each contender, the first epoch at which a measure
/// every contender shares reaches a goal, and which contender gets there first and how much
/// sooner. The table words these facts (``lines``); the JSON carries them as typed fields
/// (``json``).
///
/// The measure is one yardstick, measured the same way for every contender. The training cost
/// C_0 is one only when every contender has the same cost function: the lecture's MSE, the
/// quadratic cost and cross-entropy give the same output a = 0.98 (target 0) the costs 0.96,
/// 0.48 and 4.02, so epochs at which each cost halves would be ranked by the yardstick, not by
/// learning. When the costs differ, the verdict ranks by the training accuracy instead, where
/// every contender is a classification judged by the same ``AccuracyRule``; otherwise it ranks
/// nothing and says why (``Measure``).
///
/// When the lesson holds out validation data, every contender is judged on it instead of on
/// the examples it trained on (``Judged``): the same rules, with the validation cost and the
/// validation accuracy, and the verdict says so.
struct CompareVerdict {
    /// Which examples the contenders are judged on.
    enum Judged: Equatable {
        /// The training examples: the lesson holds out none.
        case training
        /// The validation examples, which every contender holds out alike: a network is
        /// judged on data it did not train on whenever the lesson keeps some.
        case validation

        /// Which examples finished runs are judged on: the validation examples when every
        /// run has them.
        init(runs: [TrainingRun]) {
            self = !runs.isEmpty && runs.allSatisfy({ $0.validation != nil }) ? .validation : .training
        }

        /// The cost an epoch is judged by: C_0 over the training or the validation examples
        /// (NaN, which reaches no goal, if an epoch lacks it).
        func cost(_ s: EpochSummary) -> Double {
            self == .validation ? s.validationCost ?? .nan : s.cost
        }

        /// The accuracy an epoch is judged by, for a classification.
        func accuracy(_ s: EpochSummary) -> Double? {
            self == .validation ? s.validationAccuracy : s.accuracy
        }

        /// "cost" or "validation cost", "accuracy" or "validation accuracy": a figure's name.
        func name(_ figure: String) -> String { self == .validation ? "validation " + figure : figure }
    }

    /// The cost that counts as learned, when the verdict ranks by cost.
    enum Goal: Equatable {
        /// Half the contender's own starting cost C_0 at epoch 0 (the default).
        case halfStartingCost
        /// A cost given with `--below`.
        case below(Double)

        /// The goal for a run whose epoch-0 cost is `start`.
        func target(start: Double) -> Double {
            switch self {
            case .halfStartingCost: return start / 2
            case .below(let cost): return cost
            }
        }
    }

    /// What the verdict ranks the contenders by.
    enum Measure: Equatable {
        /// The training cost C_0, when every contender has the same cost function: the first
        /// epoch at which it falls below the goal.
        case cost(Goal)
        /// The training accuracy, when the costs differ and every contender is a
        /// classification under the same rule: the first epoch at which it reaches `goal`,
        /// the highest accuracy any contender reaches in any epoch (1 once one of them
        /// classifies every example right).
        case accuracy(AccuracyRule, goal: Double)
        /// Nothing: the costs differ and the contenders share no accuracy rule.
        case unranked

        /// The measure for finished runs, on the examples they are judged on: the cost when
        /// they all have one cost function (the goal `below`, or half each one's starting
        /// cost); otherwise the accuracy when they all report one under the same rule;
        /// otherwise none. `below` is a cost, so it is only used when the costs are the same
        /// (`compare` refuses it when they differ).
        init(runs: [TrainingRun], below: Double?, judged: Judged) {
            if !CompareVerdict.costsDiffer(runs.map(\.network.cost)) {
                self = .cost(below.map(Goal.below) ?? .halfStartingCost)
                return
            }
            let rules = Set(runs.map(\.accuracyRule))
            guard rules.count == 1, let rule = rules.first, rule != .none,
                  let best = runs.flatMap({ $0.epochSummaries.compactMap(judged.accuracy) }).max() else {
                self = .unranked
                return
            }
            self = .accuracy(rule, goal: best)
        }

        /// The value a run whose epoch-0 summary is `start` must reach: the cost it must fall
        /// below, or the accuracy it must reach; nil when nothing is ranked.
        func target(start: EpochSummary, judged: Judged) -> Double? {
            switch self {
            case .cost(let goal): return goal.target(start: judged.cost(start))
            case .accuracy(_, let goal): return goal
            case .unranked: return nil
            }
        }

        /// Whether an epoch reaches `target`: its C_0 is below it, or its accuracy is at least it.
        func reaches(_ s: EpochSummary, _ target: Double, judged: Judged) -> Bool {
            switch self {
            case .cost: return judged.cost(s) < target
            case .accuracy: return judged.accuracy(s).map { $0 >= target } ?? false
            case .unranked: return false
            }
        }
    }

    /// One contender's facts.
    struct Contender {
        /// Its name: `lesson`, a variant's name, or a `--vary` combination.
        let name: String
        /// Its cost function.
        let cost: Cost
        /// How its accuracy is judged (`.none` when it is not a classification).
        let accuracyRule: AccuracyRule
        /// C_0 at epoch 0, before training, on the examples judged on.
        let startingCost: Double
        /// The accuracy at epoch 0 on the examples judged on; nil when it is not a classification.
        let startingAccuracy: Double?
        /// The cost it must fall below, or the accuracy it must reach; nil when nothing is ranked.
        let target: Double?
        /// The first epoch that reaches ``target``; nil if none does.
        let epoch: Int?
        /// The last epoch it trained (fewer than the lesson's epochs after an early stop or
        /// a NaN or ∞).
        let epochsTrained: Int
        /// How its training ended.
        let ending: RunEnding?
    }

    /// What the contenders are ranked by, and the goal.
    let measure: Measure
    /// The examples they are judged on.
    let judged: Judged
    /// How many examples each holds out for validation (nil: none).
    let validationCount: Int?
    /// Every contender, in the order compared.
    let contenders: [Contender]

    /// Whether these cost functions differ, so that their cost values are not one yardstick.
    static func costsDiffer(_ costs: [Cost]) -> Bool { Set(costs).count > 1 }

    /// The verdict on finished runs (`below` as for ``Measure/init(runs:below:)``).
    init(names: [String], runs: [TrainingRun], below: Double?) {
        let judged = Judged(runs: runs)
        let measure = Measure(runs: runs, below: below, judged: judged)
        self.measure = measure
        self.judged = judged
        validationCount = judged == .validation ? runs.first?.validation?.count : nil
        contenders = zip(names, runs).map { name, run in
            let start = run.epochSummaries[0]
            let target = measure.target(start: start, judged: judged)
            return Contender(name: name, cost: run.network.cost, accuracyRule: run.accuracyRule,
                             startingCost: judged.cost(start), startingAccuracy: judged.accuracy(start), target: target,
                             epoch: target.flatMap { t in run.epochSummaries.first { measure.reaches($0, t, judged: judged) }?.epoch },
                             epochsTrained: run.epochSummaries.count - 1, ending: run.ending)
        }
    }

    /// Whether the contenders' cost functions differ.
    var costsDiffer: Bool { CompareVerdict.costsDiffer(contenders.map(\.cost)) }

    /// The contender that reaches the goal in the earliest epoch (the first listed of those
    /// that tie); nil if none reaches it or nothing is ranked.
    var winner: Contender? {
        contenders.filter { $0.epoch != nil }.min { $0.epoch! < $1.epoch! }
    }

    /// How many times sooner the winner gets there than a contender: the contender's epoch
    /// over the winner's (over 1 when the winner gets there at epoch 0), and 1 when they
    /// reach it in the same epoch. Nil for the winner itself and for a contender that never
    /// gets there.
    func winnerSoonerBy(_ c: Contender) -> Double? {
        guard let winner, winner.name != c.name, let epoch = c.epoch, let best = winner.epoch else { return nil }
        return epoch == best ? 1 : Double(epoch) / Double(max(best, 1))
    }

    /// A cost function as the lesson writes it, with "cost": `quadratic cost`.
    static func costName(_ cost: Cost) -> String { "\(cost.rawValue) cost" }

    /// When an accuracy rule counts an output as right, in words.
    static func ruleWords(_ rule: AccuracyRule) -> String {
        switch rule {
        case .threshold: return "an output counts as right when a ≥ ½ exactly when y = 1"
        case .argmax: return "an output counts as right when its largest a_j is at the target's 1"
        case .none: return "no output counts as right"
        }
    }

    /// The verdict for people: the measure and why, each contender's epoch (and its cost),
    /// how much sooner the winner gets there than each other, and why a contender never does;
    /// or, when nothing is ranked, that the costs differ and each one's cost.
    var lines: [String] {
        var lines = [""]
        if let count = validationCount {
            lines.append("Judged on the \(count) validation examples each contender holds out, not on the data it trained on.")
        }
        func starting(_ c: Contender) -> String { NumberText.fixed(c.startingCost, decimals: 4, minus: .ascii) }
        func reached(_ c: Contender) -> String { c.epoch.map { "epoch \($0)" } ?? "not within \(c.epochsTrained) epochs" }
        switch measure {
        case .cost(let goal):
            let said: String
            switch goal {
            case .halfStartingCost: said = "to half its starting value"
            case .below(let cost): said = "below \(NumberText.written(cost))"
            }
            lines.append("Verdict: the first epoch at which each \(judged.name("cost")) falls \(said):")
            for c in contenders {
                lines.append("  \(c.name.padded(20)) \(reached(c)) (starting \(judged.name("cost")) \(starting(c)))")
            }
        case .accuracy(let rule, let goal):
            lines.append("Verdict: the contenders' costs differ, so their cost values are not comparable;")
            lines.append("  ranked instead by \(judged == .validation ? "validation" : "training") accuracy (\(CompareVerdict.ruleWords(rule))):")
            lines.append("  the first epoch at which each reaches \(NumberText.fixed(goal, decimals: 4)), the best any of them reaches:")
            for c in contenders {
                let accuracy = c.startingAccuracy.map { "; \(judged.name("accuracy")) \(NumberText.fixed($0, decimals: 4)) at epoch 0" } ?? ""
                lines.append("  \(c.name.padded(20)) \(reached(c)) (\(CompareVerdict.costName(c.cost)), starting at \(starting(c))\(accuracy))")
            }
        case .unranked:
            let unclassified = contenders.filter { $0.accuracyRule == .none }.count
            let why = unclassified == contenders.count ? "none of them is a classification with an accuracy"
                : unclassified > 0 ? "not every one is a classification with an accuracy"
                : "their accuracies are judged by different rules"
            lines.append("Verdict: none. The contenders cannot be ranked by cost because their costs differ,")
            lines.append("  and they share no other measure (\(why)):")
            for c in contenders {
                lines.append("  \(c.name.padded(20)) \(CompareVerdict.costName(c.cost)), starting at \(starting(c))")
            }
            return lines
        }
        guard let winner, let best = winner.epoch else { return lines }
        for c in contenders where c.name != winner.name {
            guard let epoch = c.epoch, let ratio = winnerSoonerBy(c) else { continue }
            if epoch == best {
                lines.append("  \(c.name) gets there in the same epoch as \(winner.name)")
            } else {
                lines.append("  \(winner.name) gets there \(NumberText.fixed(ratio, decimals: 1))× sooner than \(c.name)")
            }
        }
        for c in contenders where c.epoch == nil {
            let why: String
            switch c.ending {
            case .nonFinite?: why = "stops at a non-finite value before it gets there"
            case .stoppedEarly(let stop)?: why = "stops early after epoch \(stop.epoch), before it gets there"
            case .completed?, nil: why = "never gets there in this run"
            }
            lines.append("  \(c.name) \(why); \(winner.name) does by epoch \(best)")
        }
        return lines
    }

    /// How a run ended, as a JSON value: `completed`, `stopped-early` or `non-finite`.
    static func endingName(_ ending: RunEnding?) -> String {
        switch ending {
        case .nonFinite?: return "non-finite"
        case .stoppedEarly?: return "stopped-early"
        case .completed?, nil: return "completed"
        }
    }

    /// An accuracy rule as a JSON value: `threshold`, `argmax` or `none`.
    static func ruleName(_ rule: AccuracyRule) -> String {
        switch rule {
        case .threshold: return "threshold"
        case .argmax: return "argmax"
        case .none: return "none"
        }
    }

    /// The verdict as one JSON object, `{"verdict": {…}}`: the measure and its rule —
    /// `cost` (the training cost C_0) with `first-epoch-below` and the goal
    /// `half-starting-cost` or `below` (with the cost given); `accuracy` (the training
    /// accuracy) with `first-epoch-reaching`, the goal `best-accuracy`, `goal_accuracy` and
    /// `accuracy_rule`; or `none` with a null rule and goal — then `costs_differ`, the winner
    /// and its epoch (null if no contender gets there or nothing is ranked), and per contender
    /// its `cost_function`, starting cost, the cost it had to fall below (`goal_cost`) or its
    /// starting accuracy and the accuracy it had to reach (`goal_accuracy`), the epoch it got
    /// there (or null), the epochs it trained, how it ended and `winner_sooner_by`. Judged on
    /// validation data, the measure is `validation-cost` or `validation-accuracy`, and the
    /// starting and goal figures are the validation ones.
    var json: JSON {
        var rule: [(String, JSON)]
        switch measure {
        case .cost(let goal):
            rule = [("measure", .string(judged == .validation ? "validation-cost" : "cost")), ("rule", .string("first-epoch-below"))]
            switch goal {
            case .halfStartingCost: rule.append(("goal", .string("half-starting-cost")))
            case .below(let cost): rule += [("goal", .string("below")), ("below", .number(cost))]
            }
        case .accuracy(let accuracyRule, let goal):
            rule = [("measure", .string(judged == .validation ? "validation-accuracy" : "accuracy")), ("rule", .string("first-epoch-reaching")),
                    ("goal", .string("best-accuracy")), ("goal_accuracy", .number(goal)),
                    ("accuracy_rule", .string(CompareVerdict.ruleName(accuracyRule)))]
        case .unranked:
            rule = [("measure", .string("none")), ("rule", .null), ("goal", .null)]
        }
        rule.append(("costs_differ", .bool(costsDiffer)))
        let contenders: [JSON] = self.contenders.map { c in
            var fields: [(String, JSON)] = [
                ("variant", .string(c.name)),
                ("cost_function", .string(c.cost.rawValue)),
                ("starting_cost", .number(c.startingCost)),
            ]
            switch measure {
            case .cost: fields.append(("goal_cost", c.target.map(JSON.number) ?? .null))
            case .accuracy:
                fields += [("starting_accuracy", c.startingAccuracy.map(JSON.number) ?? .null),
                           ("goal_accuracy", c.target.map(JSON.number) ?? .null)]
            case .unranked: break
            }
            return .object(fields + [
                ("epoch", c.epoch.map(JSON.integer) ?? .null),
                ("epochs_trained", .integer(c.epochsTrained)),
                ("ending", .string(CompareVerdict.endingName(c.ending))),
                ("winner_sooner_by", winnerSoonerBy(c).map(JSON.number) ?? .null),
            ])
        }
        return .object([("verdict", .object(rule + [
            ("winner", winner.map { .string($0.name) } ?? .null),
            ("winner_epoch", winner?.epoch.map(JSON.integer) ?? .null),
            ("contenders", .array(contenders)),
        ]))])
    }
}
