import DeltaCore

extension Lesson {
    /// Checks a `cv` claim on the cross-validation it is about.
    func check(_ claim: Claim, _ figure: Claim.CrossValidationFigure, in cv: CrossValidation) -> ClaimResult {
        let what = describe(claim.measure, epoch: nil)
        if let broken = cv.runs.first(where: { $0.ending.nonFiniteEvent != nil }) {
            return ClaimResult(claim: claim, actual: nil, passed: false, measured: what, problem: .endedBefore(broken.ending))
        }
        guard let v = figure.value(in: cv) else {
            return ClaimResult(claim: claim, actual: nil, passed: false, measured: what, problem: .notMeasured(.validationAccuracy))
        }
        guard v.isFinite else { return ClaimResult(claim: claim, actual: v, passed: false, measured: what, problem: .notFinite(v)) }
        return ClaimResult(claim: claim, actual: v, passed: claim.test.passes(v), measured: what, problem: nil)
    }
}
