import DeltaCore
import DeltaText
import Foundation

extension Lesson {
    /// A claim on the data kept apart from training: `test-cost:` or `test-accuracy:` (the
    /// test set, evaluated once with the parameters the run ends with), or
    /// `cv: {folds: K, measure: validation-accuracy-mean}` (K-fold cross-validation of the
    /// lesson's training rows, at each fold's last epoch). Neither has an epoch, and neither
    /// can stand inside `first-epoch`, which would look at it after every epoch.
    static func splitMeasure(_ key: String, _ value: YAMLNode, in m: YAMLMapping, layout: TraceLayout,
                             hasTest: Bool, allowEpoch: Bool) throws -> Claim.Measure {
        guard allowEpoch else {
            throw value.error(key == "cv" ? "`first-epoch` works with per-epoch measures; `cv` is measured at each fold's last epoch"
                                          : "`first-epoch` would look at the test set after every epoch; it is looked at once, after training",
                              hint: "claim `\(key)` on its own under `expect:`")
        }
        if let epoch = m.keyNode("epoch") {
            throw epoch.error(key == "cv" ? "`cv` is measured at each fold's last epoch" : "the test set is evaluated once, with the parameters the run ends with",
                              hint: "leave out `epoch:`")
        }
        if key == "cv" { return try crossValidationMeasure(value, trainingRows: layout.trainingSetSize) }
        guard hasTest else {
            throw value.error("the lesson keeps no test data", hint: "add `test: N` (or a fraction, `test: 0.2`) under `data:`")
        }
        guard value.described == "nothing" else {
            throw value.error("the test set is evaluated once, with the parameters the run ends with", hint: "write `\(key):` with nothing after it")
        }
        return .test(Claim.TestFigure(rawValue: key)!)
    }

    /// `cv: {folds: K, measure: M}`: K from 2 to the number of training rows, M one of the
    /// ``Claim/CrossValidationFigure`` names.
    static func crossValidationMeasure(_ value: YAMLNode, trainingRows n: Int) throws -> Claim.Measure {
        let names = Claim.CrossValidationFigure.allCases.map(\.rawValue)
        let cv = try value.mapping("`cv`", allowed: ["folds", "measure"])
        let foldsNode = try cv.require("folds", hint: "say how many folds: cv: {folds: 5, measure: validation-accuracy-mean}")
        let k = try foldsNode.int("`folds`")
        do { _ = try Folds(training: Array(0..<n), folds: k, seed: 0) } catch {
            switch error {
            case .tooFew: throw foldsNode.error("cross-validation needs at least 2 folds", hint: "use `folds:` from 2 to \(n), the training rows")
            case .moreThanRows: throw foldsNode.error("cannot make \(k) folds of \(n) training rows", hint: "use `folds:` from 2 to \(n)")
            }
        }
        let measure = try cv.require("measure", hint: "say what to measure: one of \(Suggestion.listing(names))")
        return .crossValidation(folds: k, try measure.choice("`measure`", Claim.CrossValidationFigure.self))
    }
}
