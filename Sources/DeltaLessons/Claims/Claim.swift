import Foundation
import DeltaCore
import DeltaText

/// A claim about a lesson's results that `deltatrace check` verifies, e.g. "after 300
/// epochs the output for x = 1 is 0.20".
public struct Claim: Sendable, Hashable {
    /// What is measured.
    public indirect enum Measure: Sendable, Hashable {
        /// The network's output a_{L,node} for an input, after an epoch (nil: the last).
        case output(input: [Double], node: Int, epoch: Int?)
        /// A statistic of an epoch (nil: the last).
        case statistic(Statistic, epoch: Int?)
        /// The first epoch N (from 0, before training) after which a measure passes a test:
        /// the screen shows its effect from the first step of epoch N + 1, a position being a
        /// step during its epoch (lessons/README.md, "What epoch N means").
        case firstEpoch(Measure, Test)
        /// A number in the trace, as the screen shows it at a step (in `expect:` with `at:`,
        /// under a beat's `shows:` at the beat's own step).
        case value(TraceValue, at: TracePosition)
        /// The largest relative error between backpropagation and finite differences, on
        /// the first minibatch with the initial parameters.
        case gradientCheck
        /// The test set evaluated once, with the parameters the run ends with (`test-cost`,
        /// `test-accuracy`).
        case test(TestFigure)
        /// A figure of K-fold cross-validation over the lesson's training rows
        /// (`cv: {folds: K, measure: …}`), at each fold's last epoch.
        case crossValidation(folds: Int, CrossValidationFigure)
        /// How many nodes of hidden layer l are saturated (``SaturatedNode``: f′(z) below a
        /// tenth of its largest value) for the example of a step, as the screen counts them
        /// there (``Narrator/sayHiddenSaturation(count:of:layer:)``): an integer from 0 to n_l.
        case saturatedNodes(layer: Int, at: TracePosition)
        /// The mean over the training examples of how many nodes of hidden layer l are
        /// saturated, after an epoch (nil: the epoch the run ends with).
        case meanSaturatedNodes(layer: Int, epoch: Int?)
        /// How many weights w_{l,i,j} of layer l (nil: every layer) are within ±`within` of
        /// zero (``NearZeroWeight``) after an epoch (nil: the one the run ends with).
        case nearZeroWeights(within: Double, layer: Int?, epoch: Int?)
        /// A coordinate (epoch, update, example, layer) of the step where the run met its
        /// first NaN or ∞ and stopped.
        case nonFiniteAt(StopCoordinate)
        /// How many nodes of hidden layer l dropout dropped for the example of a step.
        case droppedNodes(layer: Int, at: TracePosition)
    }

    /// A per-epoch statistic.
    public enum Statistic: String, Sendable, Hashable, CaseIterable {
        /// The mean training cost C_0 (without the penalty).
        case cost
        /// The training cost with the regularisation penalty.
        case regularizedCost = "regularized-cost"
        /// The training accuracy.
        case accuracy
        /// The mean validation cost.
        case validationCost = "validation-cost"
        /// The validation accuracy.
        case validationAccuracy = "validation-accuracy"
    }

    /// How a measured number is judged.
    public enum Test: Sendable, Hashable {
        /// Within `tolerance` of the value (by default, half a unit of its last printed digit).
        case equals(Double, tolerance: Double)
        /// Strictly below.
        case below(Double)
        /// Strictly above.
        case above(Double)
        /// In the closed interval.
        case between(Double, Double)

        /// Whether a number passes.
        public func passes(_ x: Double) -> Bool {
            switch self {
            case .equals(let v, let t): return abs(x - v) <= t * (1 + 1e-12)
            case .below(let v): return x < v
            case .above(let v): return x > v
            case .between(let a, let b): return a <= x && x <= b
            }
        }

        /// The one number the test states a value to be near: the value of `is`, the middle
        /// of `between`; nil for `below` and `above`, which bound it on one side only.
        public var statedValue: Double? {
            switch self {
            case .equals(let v, _): return v
            case .between(let a, let b): return (a + b) / 2
            case .below, .above: return nil
            }
        }

        /// "= 0.20 ± 0.005", "< 0.5", ….
        public var description: String {
            switch self {
            case .equals(let v, let t): return "= \(NumberText.written(v))" + (t > 0 ? " ± \(NumberText.written(t))" : "")
            case .below(let v): return "< \(NumberText.written(v))"
            case .above(let v): return "> \(NumberText.written(v))"
            case .between(let a, let b): return "in [\(NumberText.written(a)), \(NumberText.written(b))]"
            }
        }
    }

    /// Where the claim is written.
    public let location: SourceLocation
    /// The variant it is about (nil: the base lesson).
    public let variant: String?
    /// What is measured.
    public let measure: Measure
    /// How it is judged.
    public let test: Test
    /// The author's words for it, if given.
    public let note: String?
}
