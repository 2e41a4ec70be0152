import DeltaCore
import DeltaText
import Foundation

extension Lesson {
    /// Checks every claim, training each variant it needs once.
    public func checkClaims() throws -> [ClaimResult] {
        let runs = RunsByVariant(self), crossValidations = CrossValidationsByVariant(self)
        return try claims.map { claim in
            if case .crossValidation(let k, let figure) = claim.measure {
                return check(claim, figure, in: try crossValidations.result(claim.variant, folds: k))
            }
            return try check(claim, run: try runs.run(claim.variant))
        }
    }

    /// Checks one claim on a run.
    func check(_ claim: Claim, run: TrainingRun) throws -> ClaimResult {
        let data = datasets(for: try settings(variant: claim.variant))
        func result(_ measurement: Measurement, _ measured: String) -> ClaimResult {
            switch measurement {
            case .value(let v) where !v.isFinite:
                return ClaimResult(claim: claim, actual: v, passed: false, measured: measured, problem: .notFinite(v))
            case .value(let v):
                return ClaimResult(claim: claim, actual: v, passed: claim.test.passes(v), measured: measured, problem: nil)
            case .missing(let problem):
                return ClaimResult(claim: claim, actual: nil, passed: false, measured: measured, problem: problem)
            }
        }
        switch claim.measure {
        case .firstEpoch(let inner, let condition):
            run.finish()
            let last = run.epochSummaries.count - 1
            var first: Int?
            for e in 0...last {
                if case .missing(let problem) = measure(inner, epoch: e, run: run, data: data) {
                    return result(.missing(problem), "first epoch at which \(describe(inner, epoch: nil)) \(condition.description)")
                }
                if case .value(let v) = measure(inner, epoch: e, run: run, data: data), condition.passes(v) {
                    first = e
                    break
                }
            }
            let what = "first epoch at which \(describe(inner, epoch: nil)) \(condition.description)"
            return result(first.map { .value(Double($0)) } ?? .missing(.neverPassed(epochs: last, ending: run.ending ?? .completed)), what)
        case .value(let value, let position):
            let cursor = TraceCursor(run: run)
            let what = "\(describe(value)) at \(StepText.position(position))"
            guard cursor.seek(to: position) else { return result(.missing(.endedBefore(run.ending ?? .completed)), what) }
            let m = position.step.shownExample(minibatchSize: cursor.trace.M)
            return result(.value(value.value(in: cursor.trace, example: m)), what)
        case .gradientCheck:
            let network = try settings(variant: claim.variant).network()
            let batch = Array(0..<min(run.configuration.batchSize, run.training.count))
            let report = GradientCheck.run(network: network, parameters: run.initialParameters, examples: run.training.subset(batch),
                                           regularization: run.configuration.regularization, trainingSetSize: run.training.count,
                                           dropout: run.configuration.dropout, seed: run.configuration.seed)
            return result(.value(report.maxRelativeError), "largest relative error of backpropagation against finite differences")
        case .test(let figure):
            let what = describe(claim.measure, epoch: nil)
            guard let test = try evaluateTest(of: run, settings: try settings(variant: claim.variant)) else {
                return result(.missing(.endedBefore(run.ending ?? .completed)), what)
            }
            switch figure {
            case .cost: return result(.value(test.cost), what)
            case .accuracy: return result(test.accuracy.map(Measurement.value) ?? .missing(.notMeasured(.accuracy)), what)
            }
        case .crossValidation(let k, let figure):
            let cv = try crossValidate(try settings(variant: claim.variant), folds: k, jobs: ProcessInfo.processInfo.activeProcessorCount)
            return check(claim, figure, in: cv)
        case .saturatedNodes(let l, let position):
            let cursor = TraceCursor(run: run)
            let what = describe(claim.measure, epoch: nil)
            guard cursor.seek(to: position) else { return result(.missing(.endedBefore(run.ending ?? .completed)), what) }
            return result(.value(Double(Lesson.saturatedNodes(layer: l, in: cursor.trace, example: position.step.shownExample(minibatchSize: cursor.trace.M)))), what)
        case .nonFiniteAt, .droppedNodes:
            return checkTraining(claim, run: run)
        case .output(_, _, let epoch), .statistic(_, let epoch), .meanSaturatedNodes(_, let epoch), .nearZeroWeights(_, _, let epoch):
            let e: Int
            if let epoch {
                e = epoch
                run.advance(through: e * run.layout.updatesPerEpoch - 1)
            } else {
                // Without an epoch: the network the run ends with.
                run.finish()
                if case .nonFinite? = run.ending { return result(.missing(.endedBefore(run.ending!)), describe(claim.measure, epoch: nil)) }
                e = run.keptEpoch
            }
            guard e < run.epochSummaries.count else {
                return result(.missing(.endedBefore(run.ending ?? .completed)), describe(claim.measure, epoch: e))
            }
            return result(measure(claim.measure, epoch: e, run: run, data: data), describe(claim.measure, epoch: e))
        }
    }

    /// A measured number, or why there is none.
    enum Measurement {
        case value(Double)
        case missing(ClaimProblem)
    }

    /// A per-epoch measure after epoch e (which must have been reached); an `output` claim's
    /// input is written as the lesson's examples hold it (after `scale`) and standardised as the run's data is.
    func measure(_ measure: Claim.Measure, epoch e: Int, run: TrainingRun, data: Datasets) -> Measurement {
        guard e < run.epochSummaries.count else { return .missing(.endedBefore(run.ending ?? .completed)) }
        switch measure {
        case .output(let input, let node, _):
            switch run.output(for: data.networkInput(input), parameters: run.parameters(afterEpoch: e)) {
            case .success(let a): return .value(a[node - 1])
            case .failure(let failure): return .missing(.outputNotComputable(failure))
            }
        case .statistic(let statistic, _):
            let s = run.epochSummaries[e]
            let value: Double?
            switch statistic {
            case .cost: value = s.cost
            case .regularizedCost: value = s.totalCost
            case .accuracy: value = s.accuracy
            case .validationCost: value = s.validationCost
            case .validationAccuracy: value = s.validationAccuracy
            }
            return value.map(Measurement.value) ?? .missing(.notMeasured(statistic))
        case .meanSaturatedNodes(let l, _):
            switch run.meanSaturatedNodes(layer: l, parameters: run.parameters(afterEpoch: e)) {
            case .success(let mean): return .value(mean)
            case .failure(let failure): return .missing(.outputNotComputable(failure))
            }
        case .nearZeroWeights(let within, let layer, _):
            return .value(nearZeroWeights(within: within, layer: layer, epoch: e, run: run))
        case .firstEpoch, .value, .gradientCheck, .test, .crossValidation, .saturatedNodes, .nonFiniteAt, .droppedNodes:
            preconditionFailure("\(measure) is not measured per epoch")
        }
    }

    /// What a measure is, in words: "output a_{L,1} for x = [1] after epoch 300".
    func describe(_ measure: Claim.Measure, epoch: Int?) -> String {
        let when = epoch.map { $0 == 0 ? " before training" : " after epoch \($0)" } ?? ""
        switch measure {
        case .output(let input, let node, _):
            return "output a_{L,\(node)} for x = [\(input.map(NumberText.written).joined(separator: ", "))]\(when)"
        case .statistic(let statistic, _): return "\(statistic.rawValue)\(when)"
        case .firstEpoch(let inner, let test): return "first epoch at which \(describe(inner, epoch: nil)) \(test.description)"
        case .value(let value, let position): return "\(describe(value)) at \(StepText.position(position))"
        case .gradientCheck: return "gradient check"
        case .test(let figure): return "\(figure.rawValue) with the parameters the run ends with"
        case .crossValidation(let k, let figure): return "\(figure.rawValue) over \(k) folds"
        case .saturatedNodes(let l, let position):
            return "saturated nodes of layer \(l) at \(StepText.position(position))"
        case .meanSaturatedNodes(let l, _):
            return "mean saturated nodes of layer \(l) per training example\(when)"
        case .nearZeroWeights, .nonFiniteAt, .droppedNodes: return describeTraining(measure, epoch: epoch)!
        }
    }

    /// A trace value's name with its indices: `w_{1,1,1}`, `delta_{1,1}`.
    func describe(_ value: TraceValue) -> String {
        var text = value.quantity.rawValue
        let indices = [value.layer, value.from, value.node].compactMap { $0 }.map(String.init)
        if !indices.isEmpty { text += "_{\(indices.joined(separator: ","))}" }
        return text
    }
}
