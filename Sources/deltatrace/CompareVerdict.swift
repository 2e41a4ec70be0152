import DeltaCore
import DeltaText

/// The verdict of `compare`, as facts: for each contender, the first epoch at which its
/// training cost C_0 (the mean cost over the training examples, without the penalty) falls
/// below a goal, and which contender gets there first and how much sooner. The table words
/// these facts (``lines``); the JSON carries them as typed fields (``json``).
struct CompareVerdict {
    /// The cost that counts as learned.
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

    /// One contender's facts.
    struct Contender {
        /// Its name: `lesson`, a variant's name, or a `--vary` combination.
        let name: String
        /// C_0 at epoch 0, before training.
        let startingCost: Double
        /// The cost it must fall below.
        let target: Double
        /// The first epoch whose C_0 is below ``target``; nil if none is.
        let epoch: Int?
        /// The last epoch it trained (fewer than the lesson's epochs after an early stop or
        /// a NaN or ∞).
        let epochsTrained: Int
        /// How its training ended.
        let ending: RunEnding?
    }

    /// The rule's goal.
    let goal: Goal
    /// Every contender, in the order compared.
    let contenders: [Contender]

    /// The verdict on finished runs.
    init(names: [String], runs: [TrainingRun], below: Double?) {
        let goal = below.map(Goal.below) ?? .halfStartingCost
        self.goal = goal
        contenders = zip(names, runs).map { name, run in
            let start = run.epochSummaries[0].cost
            let target = goal.target(start: start)
            return Contender(name: name, startingCost: start, target: target,
                             epoch: run.epochSummaries.first { $0.cost < target }?.epoch,
                             epochsTrained: run.epochSummaries.count - 1, ending: run.ending)
        }
    }

    /// The contender that reaches the goal in the earliest epoch (the first listed of those
    /// that tie); nil if none reaches it.
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

    /// The verdict for people: the rule, each contender's epoch, how much sooner the winner
    /// gets there than each other, and why a contender never does.
    var lines: [String] {
        var lines = [""]
        let said: String
        switch goal {
        case .halfStartingCost: said = "to half its starting value"
        case .below(let cost): said = "below \(NumberText.written(cost))"
        }
        lines.append("Verdict: the first epoch at which each cost falls \(said):")
        for c in contenders {
            let start = NumberText.fixed(c.startingCost, decimals: 4, minus: .ascii)
            lines.append("  \(c.name.padded(20)) \(c.epoch.map { "epoch \($0)" } ?? "not within \(c.epochsTrained) epochs") (starting cost \(start))")
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

    /// The verdict as one JSON object, `{"verdict": {…}}`: the measure (`cost`, the training
    /// cost C_0), the rule (`first-epoch-below`) and its goal (`half-starting-cost`, or
    /// `below` with the cost given), the winner and its epoch (null if no contender gets
    /// there), and per contender its starting cost, the cost it had to fall below, the epoch
    /// it got there (or null), the epochs it trained, how it ended and `winner_sooner_by`.
    var json: JSON {
        var rule: [(String, JSON)] = [("measure", .string("cost")), ("rule", .string("first-epoch-below"))]
        switch goal {
        case .halfStartingCost: rule.append(("goal", .string("half-starting-cost")))
        case .below(let cost): rule += [("goal", .string("below")), ("below", .number(cost))]
        }
        let contenders: [JSON] = self.contenders.map { c in
            .object([
                ("variant", .string(c.name)),
                ("starting_cost", .number(c.startingCost)),
                ("goal_cost", .number(c.target)),
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
