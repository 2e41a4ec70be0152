import DeltaCore
import DeltaText

extension Lesson {
    /// Checks a `non-finite-at` or `dropped-nodes` claim on its run (`near-zero-weights` is
    /// per-epoch and measured by ``nearZeroWeights(within:layer:epoch:run:)``).
    func checkTraining(_ claim: Claim, run: TrainingRun) -> ClaimResult {
        let what = describeTraining(claim.measure, epoch: nil) ?? "\(claim.measure)"
        func measured(_ v: Double) -> ClaimResult {
            ClaimResult(claim: claim, actual: v, passed: claim.test.passes(v), measured: what, problem: nil)
        }
        func missing(_ problem: ClaimProblem) -> ClaimResult {
            ClaimResult(claim: claim, actual: nil, passed: false, measured: what, problem: problem)
        }
        switch claim.measure {
        case .nonFiniteAt(let coordinate):
            run.finish()
            guard let event = run.nonFiniteEvent else { return missing(.noNonFinite(epochs: run.epochSummaries.count - 1, ending: run.ending ?? .completed)) }
            guard let v = coordinate.value(of: event) else { return missing(.noExample(event.position)) }
            return measured(Double(v))
        case .droppedNodes(let l, let position):
            let cursor = TraceCursor(run: run)
            guard cursor.seek(to: position) else { return missing(.endedBefore(run.ending ?? .completed)) }
            let trace = cursor.trace, m = position.step.example ?? trace.M
            return measured(Double((0..<trace.network.n(l)).filter { trace.isDropped(m, l, $0) }.count))
        default:
            preconditionFailure("\(claim.measure) is not a claim on a run's stop or its dropped nodes")
        }
    }

    /// How many weights of layer l (nil: every layer) are within ±`within` of zero after epoch
    /// e (which must have been reached): ``NearZeroWeight/count(in:of:layer:within:)``.
    func nearZeroWeights(within: Double, layer: Int?, epoch e: Int, run: TrainingRun) -> Double {
        Double(NearZeroWeight.count(in: run.parameters(afterEpoch: e), of: run.network, layer: layer, within: within))
    }

    /// What a measure of this file is, in words ("weights of layer 1 within ±0.01 of zero
    /// after epoch 30"); nil for the other measures.
    func describeTraining(_ measure: Claim.Measure, epoch: Int?) -> String? {
        let when = epoch.map { $0 == 0 ? " before training" : " after epoch \($0)" } ?? ""
        switch measure {
        case .nearZeroWeights(let within, let layer, _):
            return "weights \(layer.map { "of layer \($0) " } ?? "")within ±\(NumberText.written(within)) of zero\(when)"
        case .nonFiniteAt(let coordinate):
            return "the \(coordinate.rawValue) of the first NaN or ∞"
        case .droppedNodes(let l, let position):
            return "nodes of layer \(l) dropped at \(StepText.position(position))"
        default:
            return nil
        }
    }
}
