import DeltaCore

/// The outcome of checking one claim.
public struct ClaimResult: Sendable {
    /// The claim.
    public let claim: Claim
    /// The number measured (nil: a `first-epoch` that never happened, or training stopped first).
    public let actual: Double?
    /// Whether the claim holds.
    public let passed: Bool
    /// What was measured, in words: "output a_1 for x = [1] after epoch 300".
    public let measured: String
    /// Why it failed, when the measure could not be taken.
    public let problem: String?
}

extension Lesson {
    /// Checks every claim, training each variant it needs once.
    public func checkClaims() throws -> [ClaimResult] {
        var runs: [String: TrainingRun] = [:]
        func run(_ variant: String?) throws -> TrainingRun {
            if let run = runs[variant ?? ""] { return run }
            let run = try makeRun(variant: variant)
            runs[variant ?? ""] = run
            return run
        }
        return try claims.map { claim in try check(claim, run: try run(claim.variant)) }
    }

    /// Checks one claim on a run.
    func check(_ claim: Claim, run: TrainingRun) throws -> ClaimResult {
        func result(_ actual: Double?, _ measured: String, problem: String? = nil) -> ClaimResult {
            ClaimResult(claim: claim, actual: actual, passed: actual.map { claim.test.passes($0) } ?? false,
                        measured: measured, problem: problem)
        }
        switch claim.measure {
        case .firstEpoch(let inner, let condition):
            run.finish()
            let last = run.epochSummaries.count - 1
            let first = (0...last).first { e in
                guard let v = measure(inner, epoch: e, run: run) else { return false }
                return condition.passes(v)
            }
            let what = "first epoch at which \(describe(inner, epoch: nil)) \(condition.description)"
            return result(first.map(Double.init), what,
                          problem: first == nil ? "it never did in \(last) epoch\(last == 1 ? "" : "s")" + stopped(run) : nil)
        case .value(let value, let position):
            let cursor = TraceCursor(run: run)
            guard cursor.seek(to: position) else {
                return result(nil, "\(value.quantity.rawValue) at \(position)", problem: "training stopped before it" + stopped(run))
            }
            let m = position.step.example ?? 1
            return result(value.value(in: cursor.trace, example: m), "\(describe(value)) at \(position)")
        case .gradientCheck:
            let network = try settings(variant: claim.variant).network()
            let batch = Array(0..<min(run.configuration.batchSize, training.count))
            let report = GradientCheck.run(network: network, parameters: run.initialParameters, examples: training.subset(batch),
                                           regularization: run.configuration.regularization, trainingSetSize: training.count,
                                           dropout: run.configuration.dropout, seed: run.configuration.seed)
            return result(report.maxRelativeError, "largest relative error of backpropagation against finite differences")
        case .output, .statistic:
            let epoch: Int?
            switch claim.measure {
            case .output(_, _, let e), .statistic(_, let e): epoch = e
            default: epoch = nil
            }
            let e = epoch ?? run.layout.epochs
            run.advance(through: e * run.layout.updatesPerEpoch - 1)
            guard e < run.epochSummaries.count else {
                return result(nil, describe(claim.measure, epoch: e), problem: "training stopped before epoch \(e)" + stopped(run))
            }
            return result(measure(claim.measure, epoch: e, run: run), describe(claim.measure, epoch: e))
        }
    }

    /// A per-epoch measure after epoch e (which must have been reached).
    func measure(_ measure: Claim.Measure, epoch e: Int, run: TrainingRun) -> Double? {
        guard e < run.epochSummaries.count else { return nil }
        switch measure {
        case .output(let input, let node, _):
            return run.output(for: input, parameters: run.parameters(afterEpoch: e))[node - 1]
        case .statistic(let statistic, _):
            let s = run.epochSummaries[e]
            switch statistic {
            case .cost: return s.cost
            case .regularizedCost: return s.totalCost
            case .accuracy: return s.accuracy
            case .validationCost: return s.validationCost
            case .validationAccuracy: return s.validationAccuracy
            }
        default: return nil
        }
    }

    func describe(_ measure: Claim.Measure, epoch: Int?) -> String {
        let when = epoch.map { $0 == 0 ? " before training" : " after epoch \($0)" } ?? ""
        switch measure {
        case .output(let input, let node, _):
            return "output a_{L,\(node)} for x = [\(input.map(format).joined(separator: ", "))]\(when)"
        case .statistic(let statistic, _): return "\(statistic.rawValue)\(when)"
        case .firstEpoch(let inner, let test): return "first epoch at which \(describe(inner, epoch: nil)) \(test.description)"
        case .value(let value, let position): return "\(describe(value)) at \(position)"
        case .gradientCheck: return "gradient check"
        }
    }

    func describe(_ value: TraceValue) -> String {
        var text = value.quantity.rawValue
        let indices = [value.layer, value.from, value.node].compactMap { $0 }.map(String.init)
        if !indices.isEmpty { text += "_{\(indices.joined(separator: ","))}" }
        return text
    }

    private func stopped(_ run: TrainingRun) -> String {
        run.failure.map { " (training stopped: \($0))" } ?? ""
    }
}
