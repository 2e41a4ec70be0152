import Foundation
import Testing
@testable import DeltaCore

/// Saturated nodes: every substituted form must still evaluate to the stored result, with
/// the values the stored a has lost (1 − a, ln a, …) taken from z and noted.
@Suite struct SaturatedEquationTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let hidden: Activation, output: Activation, cost: Cost
        var testDescription: String { "\(hidden)/\(output)/\(cost)" }
    }

    /// Every output activation × cost the cost allows, with each hidden activation.
    static let cases: [Case] = Activation.allCases.flatMap { output in
        Cost.allCases.filter { $0.isDefined(for: output) }.flatMap { cost in
            [Activation.sigmoid, .tanh, .relu, .linear].map { Case(hidden: $0, output: output, cost: cost) }
        }
    }

    /// The weights into the output layer: 2⁻⁶⁰, so small that z_{2,1} = b_{2,1} + a_{1,1}·2⁻⁶⁰
    /// rounds to b_{2,1} exactly for every |a_{1,1}| ≤ 40, yet δ still flows back.
    static let tiny = 0x1p-60

    /// A 1-1-n network with x = 1 whose hidden z_{1,1} is exactly `hidden` and whose first
    /// output has z_{2,1} exactly `output` (softmax: the other outputs z ≈ 0), one update.
    static func run(_ c: Case, hidden zh: Double, output zo: Double, target y: [Double]) throws -> TrainingRun {
        let n = c.output == .softmax ? 3 : 1
        let network = try Network(sizes: [1, 1, n], hidden: c.hidden, output: c.output, cost: c.cost)
        return try TrainingRun(
            network: network, training: try Dataset(inputs: [[1]], targets: [y]),
            configuration: TrainingConfiguration(eta: 0.1, batchSize: 1, epochs: 1),
            initialization: .explicit(weights: [[[zh]], [Array(repeating: tiny, count: n)]],
                                      biases: [[0], [zo] + Array(repeating: 0, count: n - 1)]))
    }

    /// The targets tried: 0 and 1, or for softmax the one-hot vectors e₁ (the saturated
    /// node right) and e₂ (wrong).
    static func targets(_ c: Case) -> [[Double]] {
        if c.output == .softmax { return [[1, 0, 0], [0, 1, 0]] }
        // Log-likelihood needs targets that sum to 1: a single output's target is 1.
        return c.cost == .logLikelihood ? [[1]] : [[0], [1]]
    }

    @Test(arguments: cases)
    func everyFormEqualsTheStoredResultAtSaturation(_ c: Case) throws {
        var checked = 0, notes = 0
        for zh in [20.0, -20, 40, -40] {
            for zo in [20.0, -20, 40, -40] {
                for y in SaturatedEquationTests.targets(c) {
                    let run = try SaturatedEquationTests.run(c, hidden: zh, output: zo, target: y)
                    #expect(run.trace(ofUpdate: 0).z(1, 1, 0) == zh)
                    #expect(run.trace(ofUpdate: 0).z(1, 2, 0) == zo)
                    let cursor = TraceCursor(run: run)
                    repeat {
                        let explanation = cursor.explanation
                        for target in explanation.targets {
                            for derivation in explanation.derivations(for: target) {
                                for (form, s) in zip(derivation.equation.forms, derivation.substituted) {
                                    let place = "z₁=\(zh) z₂=\(zo) y=\(y) \(cursor.position) \(target): \(form)"
                                    let value = try #require(s.value, "\(place) did not fully substitute")
                                    #expect(s.agreement == .equal, "\(place) = \(value), stored \(derivation.result)")
                                    let scale = max(abs(value), abs(derivation.result))
                                    #expect(value == derivation.result || abs(value - derivation.result) <= 1e-11 * scale,
                                            "\(place) = \(value), stored \(derivation.result)")
                                    #expect(s.notes.allSatisfy(isJustified), "\(place): \(s.notes)")
                                    notes += s.notes.count
                                    checked += 1
                                }
                            }
                        }
                    } while cursor.stepForward()
                }
            }
        }
        #expect(checked > 250)
        if c.output.canSaturate || c.hidden == .sigmoid || c.hidden == .tanh { #expect(notes > 0) }
    }

    /// The derivation of a target at a step of the one update.
    func derivations(_ run: TrainingRun, _ step: Step, _ target: StepExplanation.Target) -> [StepExplanation.Derivation] {
        TraceCursor(run: run, at: TracePosition(epoch: 1, update: 1, step: step)).explanation.derivations(for: target)
    }

    @Test func quadraticCostAtZ20KeepsTheDigitsOf1MinusA() throws {
        let run = try SaturatedEquationTests.run(Case(hidden: .relu, output: .sigmoid, cost: .quadratic), hidden: 1, output: 20, target: [0])
        let delta = derivations(run, .outputError(example: 1), .node(layer: 2, j: 0))[0]
        // Independently: (σ(20) − 0)·σ′(20), σ′(z) = e^−z/(1 + e^−z)², with the system's exp.
        // (2.0611536181902037e−9 is σ(−20) = 1 − a, not δ: δ is smaller by the factor a.)
        let e = Foundation.exp(-20.0), sigma = 1 / (1 + e), sigmaPrime = e / ((1 + e) * (1 + e))
        #expect(relativelyClose(sigma * sigmaPrime, 2.0611536096934946e-09, 1e-15))
        #expect(relativelyClose(delta.result, sigma * sigmaPrime, 1e-15))
        #expect(relativelyClose(delta.result, 2.0611536096934946e-09, 1e-15))
        #expect(relativelyClose(e / (1 + e), 2.0611536181902037e-09, 1e-15))
        // δ = (a − y)·a(1 − a): 1 − a_{2,1} is σ(−z_{2,1}) = 2.0611536e−9, not 1 − 0.99999999794.
        let a = run.trace(ofUpdate: 0).a(1, 2, 0), a21 = Expr.sym(.a, .literal(2), .literal(1))
        let textbook = delta.substituted[1]
        #expect(textbook.expr == .multiply([.subtract(.number(a), .number(0)), .multiply([.number(a), .number(Activation.sigmoid(-20))])]))
        #expect(textbook.agreement == .equal)
        #expect(textbook.notes == [StableValue(expression: .subtract(.number(1), a21),
                                               form: .apply(.sigmoid, .negate(.sym(.z, .literal(2), .literal(1)))),
                                               value: Activation.sigmoid(-20), reason: .rounded(a21, a))])
        #expect(relativelyClose(try #require(textbook.notes.first).value, e / (1 + e), 1e-15))
        // From the stored a, a(1 − a) would have lost digits: the test case is a real one.
        #expect(abs(a * (1 - a) - sigmaPrime) > 1e-9 * sigmaPrime)
    }

    @Test func crossEntropyAtZ40HasAFiniteCostAndDeltaOne() throws {
        let run = try SaturatedEquationTests.run(Case(hidden: .relu, output: .sigmoid, cost: .crossEntropy), hidden: 1, output: 40, target: [0])
        let trace = run.trace(ofUpdate: 0)
        #expect(trace.a(1, 2, 0) == 1)
        let cost = derivations(run, .outputError(example: 1), .cost)[0]
        #expect(relativelyClose(cost.result, 40, 1e-12))
        // C = −Σ[y ln a + (1 − y) ln(1 − a)]: ln(1 − a) = ln σ(−40), not ln 0 = −∞.
        let costForm = try #require(cost.substituted[0].value)
        #expect(relativelyClose(costForm, 40, 1e-12))
        // ln a = ln 1 = 0 (from −softplus(−40) = −4.2e−18) and 1 − a = σ(−40) are both from z.
        let a21 = Expr.sym(.a, .literal(2), .literal(1))
        #expect(cost.substituted[0].notes.map(\.expression) == [.apply(.ln, a21), .subtract(.number(1), a21)])
        let delta = derivations(run, .outputError(example: 1), .node(layer: 2, j: 0))[0]
        #expect(delta.result == 1)
        // ∂C/∂a · σ′(z) = (1 + e⁴⁰)·σ′(40) = 1, and −(y/a − (1 − y)/(1 − a))·a(1 − a) = 1, not NaN.
        #expect(relativelyClose(try #require(delta.substituted[0].value), 1, 1e-15))
        #expect(relativelyClose(try #require(delta.substituted[1].value), 1, 1e-15))
        #expect(delta.substituted.allSatisfy { $0.agreement == .equal })
    }

    @Test func theSoftmaxDiagonalAtSaturationComesFromTheOtherOutputs() throws {
        let network = try Network(sizes: [1, 3], output: .softmax, cost: .logLikelihood)
        let run = try TrainingRun(
            network: network, training: try Dataset(inputs: [[1]], targets: [[1, 0, 0]]),
            configuration: TrainingConfiguration(eta: 0.1, batchSize: 1, epochs: 1),
            initialization: .explicit(weights: [[[40, 0, 0]]], biases: [[0, 0, 0]]))
        let trace = run.trace(ofUpdate: 0)
        #expect((0..<3).map { trace.z(1, 1, $0) } == [40, 0, 0])
        #expect(trace.a(1, 1, 0) == 1)  // rounded: 1 − a would be 0
        let e = Foundation.exp(-40.0), others = 2 * e / (1 + 2 * e)  // 1 − a₁ = Σ_{k≠1} a_k
        #expect(relativelyClose(others, 8.496708510583178e-18, 1e-14))
        // a₁(1 − a₁) with 1 − a₁ from z: ≈ 8.5e−18, not 0.
        #expect(relativelyClose(trace.outputDerivative(1, 0), others, 1e-14))
        #expect(trace.outputDerivative(1, 0) == trace.a(1, 1, 0) * (trace.a(1, 1, 1) + trace.a(1, 1, 2)))
        // Unsaturated outputs keep a(1 − a) of the stored a, bit for bit.
        #expect(trace.outputDerivative(1, 1) == trace.a(1, 1, 1) * (1 - trace.a(1, 1, 1)))
        // δ₁ = a₁ − y₁ = −(1 − a₁), from z: −8.5e−18, not 0.
        #expect(relativelyClose(trace.delta(1, 1, 0), -others, 1e-14))
        let delta = derivations(run, .outputError(example: 1), .node(layer: 1, j: 0))[0]
        #expect(delta.substituted.allSatisfy { $0.agreement == .equal })
        let a = { k in Expr.sym(.a, .literal(1), .literal(k)) }
        #expect(delta.substituted[0].notes == [StableValue(expression: .subtract(.number(1), a(1)), form: .add([a(2), a(3)]),
                                                           value: trace.a(1, 1, 1) + trace.a(1, 1, 2), reason: .rounded(a(1), 1))])
        // The simplification a − y is computed as (1 − y) − (1 − a) and says so.
        #expect(delta.substituted[2].notes.map(\.expression) == [.subtract(a(1), .sym(.y, .literal(1)))])
        // The cost −ln a₁ = ln Σ e^z − z₁ as the cost computes it.
        let cost = derivations(run, .outputError(example: 1), .cost)[0]
        #expect(cost.substituted[0].agreement == .equal)
        #expect(cost.substituted[0].notes.map(\.expression) == [.apply(.ln, a(1))])
    }

    @Test func aSoftmaxJacobianSumThatCancelsIsTakenApart() throws {
        // z = (−20, 0, 0) under MSE with y = e₁: outputs 2 and 3 share the probability equally,
        // so Σ_k ∂C/∂a_k a_k(1[2 = k] − a₂) added term by term cancels ~1/6 against ~1/6.
        let network = try Network(sizes: [1, 3], output: .softmax, cost: .mse)
        let run = try TrainingRun(
            network: network, training: try Dataset(inputs: [[1]], targets: [[1, 0, 0]]),
            configuration: TrainingConfiguration(eta: 0.1, batchSize: 1, epochs: 1),
            initialization: .explicit(weights: [[[-20, 0, 0]]], biases: [[0, 0, 0]]))
        let trace = run.trace(ofUpdate: 0)
        // Independently: δ₂ = a₂ Σ_{k≠2} a_k(g₂ − g_k) = a₂ a₁ (g₂ − g₁), g_k = −2(y_k − a_k)/3.
        let e = Foundation.exp(-20.0), a1 = e / (e + 2), a2 = 1 / (e + 2)
        let g1 = -2 * (1 - a1) / 3, g2 = 2 * a2 / 3
        #expect(relativelyClose(trace.delta(1, 1, 1), a2 * a1 * (g2 - g1), 1e-13))
        // The one-pass a₂(g₂ − Σ_k g_k a_k) has lost digits here: this is a real case.
        let a = (0..<3).map { trace.a(1, 1, $0) }, g = (0..<3).map { trace.costGradient(1, $0) }
        let onePass = a[1] * (g[1] - (g[0] * a[0] + g[1] * a[1] + g[2] * a[2]))
        #expect(!relativelyClose(onePass, a2 * a1 * (g2 - g1), 1e-9))
        let delta = derivations(run, .outputError(example: 1), .node(layer: 1, j: 1))[0]
        #expect(delta.substituted.allSatisfy { $0.agreement == .equal })
        let note = try #require(delta.substituted[0].notes.first)
        #expect(note.reason == .cancellation)
        #expect(note.value == trace.delta(1, 1, 1))
        let node = { (k: Int) in Expr.sym(.a, .literal(1), .literal(k)) }, dCda = { (k: Int) in Expr.partial(.sym(.C), node(k)) }
        #expect(note.form == .multiply([node(2), .add([.multiply([node(1), .subtract(dCda(2), dCda(1))]),
                                                       .multiply([node(3), .subtract(dCda(2), dCda(3))])])]))
        // The saturated node 1 (a₁ → 0) needs nothing: its terms do not cancel.
        #expect(derivations(run, .outputError(example: 1), .node(layer: 1, j: 0))[0].substituted.allSatisfy { $0.notes.isEmpty })
    }

    @Test func anUnsaturatedSoftmaxRunKeepsItsBits() throws {
        // Without saturation the engine takes the textbook arithmetic on the stored a.
        let network = try Network(sizes: [2, 3], output: .softmax, cost: .quadratic)
        let run = try TrainingRun(
            network: network, training: try Dataset(inputs: [[0.5, -1]], targets: [[0, 1, 0]]),
            configuration: TrainingConfiguration(eta: 0.1, batchSize: 1, epochs: 1),
            initialization: .explicit(weights: [[[0.3, -0.2, 0.1], [0.4, 0.5, -0.6]]], biases: [[0.1, 0.2, 0.3]]))
        let trace = run.trace(ofUpdate: 0)
        let a = (0..<3).map { trace.a(1, 1, $0) }, g = (0..<3).map { trace.costGradient(1, $0) }
        var weighted = 0.0
        for k in 0..<3 { weighted += g[k] * a[k] }
        for j in 0..<3 {
            #expect(trace.outputDerivative(1, j).bitPattern == (a[j] * (1 - a[j])).bitPattern)
            #expect(trace.delta(1, 1, j).bitPattern == (a[j] * (g[j] - weighted)).bitPattern)
        }
    }

    @Test func formsThatOverflowAreNotEvaluableNeverEqual() throws {
        // Cross-entropy at z = 800: ∂C/∂a = 1 + e⁸⁰⁰ = ∞ and σ′(800) = 0.
        let run = try SaturatedEquationTests.run(Case(hidden: .relu, output: .sigmoid, cost: .crossEntropy), hidden: 1, output: 800, target: [0])
        let trace = run.trace(ofUpdate: 0)
        #expect(trace.costGradient(1, 0) == .infinity)
        let delta = derivations(run, .outputError(example: 1), .node(layer: 2, j: 0))[0]
        #expect(delta.result == 1)
        // ∂C/∂a·σ′(z) = ∞·0 and −(0/a − 1/(1 − a))·a(1 − a) = ∞·0 are NaN: not evaluable, and say where.
        #expect(delta.substituted[0].agreement == .notEvaluable)
        #expect(try #require(delta.substituted[0].value).isNaN)
        #expect(delta.substituted[0].nonFinitePart == .number(.infinity))
        #expect(delta.substituted[1].agreement == .notEvaluable)
        #expect(delta.substituted[1].nonFinitePart == .divide(.subtract(.number(1), .number(0)), .number(0)))
        // The exact simplification a − y = 1 still holds.
        #expect(delta.substituted[2].agreement == .equal)
        // The cost −ln(1 − a) = softplus(800) = 800, from z, though 1 − a = σ(−800) underflows to 0.
        let cost = derivations(run, .outputError(example: 1), .cost)[0]
        #expect(cost.result == 800)
        #expect(cost.substituted[0].agreement == .equal)
        let oneMinusA = Expr.subtract(.number(1), .sym(.a, .literal(2), .literal(1)))
        #expect(cost.substituted[0].notes.map(\.reason) == [.rounded(.sym(.a, .literal(2), .literal(1)), 1), .underflow(oneMinusA, 0)])
    }

    @Test func agreementIsJudgedByRelativeDifference() {
        #expect(Substitution(form: .number(1 + 1e-12), result: 1).agreement == .equal)
        #expect(Substitution(form: .number(1 + 1e-6), result: 1).agreement == .approximate)
        #expect(Substitution(form: .number(1.1), result: 1).agreement == .notEvaluable)
        #expect(Substitution(form: .number(.nan), result: 1).agreement == .notEvaluable)
        #expect(Substitution(form: .number(.infinity), result: 40).agreement == .notEvaluable)
        #expect(Substitution(form: .sym(.z, .literal(1), .literal(1)), result: 1).agreement == .notEvaluable)
        // 1 − a from the stored a = σ(20), against σ′(20): the rounding the notes exist for.
        let a = Activation.sigmoid(20)
        let lossy = Substitution(form: .multiply([.number(a), .subtract(.number(1), .number(a))]), result: Activation.sigmoid.derivative(20))
        #expect(lossy.agreement == .approximate)
        #expect(lossy.nonFinitePart == nil)
    }
}

/// |a − b| ≤ tolerance · max(|a|, |b|): relative agreement, for numbers of any size.
func relativelyClose(_ a: Double, _ b: Double, _ tolerance: Double) -> Bool {
    a == b || abs(a - b) <= tolerance * max(abs(a), abs(b))
}

/// Whether a note's reason holds: a stored value that has rounded is within 2⁻¹⁰ of ±1, one
/// that has underflowed is below the smallest normal double.
func isJustified(_ note: StableValue) -> Bool {
    switch note.reason {
    case .rounded(_, let v): return 1 - abs(v) < Activation.roundingThreshold
    case .underflow(_, let v): return v < Double.leastNormalMagnitude
    case .cancellation: return true
    }
}

/// The log-likelihood of a softmax output that holds nearly all the probability keeps its
/// digits: C = −ln a_k = ln(1 + Σ_{j≠k} e^{z_j − z_k}).
@Suite struct LogSoftmaxTests {
    @Test func aDominantOutputsCostKeepsItsDigits() throws {
        let z = [40.0, 0, 0]
        let network = try Network(sizes: [1, 3], output: .softmax, cost: .logLikelihood)
        let run = try TrainingRun(network: network, training: try Dataset(inputs: [[1]], targets: [[1, 0, 0]]),
                                  configuration: TrainingConfiguration(eta: 0.1),
                                  initialization: .explicit(weights: [[[0, 0, 0]]], biases: [z]))
        let cursor = TraceCursor(run: run)
        #expect(cursor.stepForward())
        // By hand: ln(1 + 2e^−40) = 2e^−40 − 2e^−80 + … = 8.4967085105831775e−18.
        let expected = 2 * PortableMath.exp(-40)
        #expect(close(cursor.trace.costs[0], expected, 1e-15) && cursor.trace.costs[0] > 0)
        #expect(close(Cost.logSoftmax(of: 0, z: z), -expected, 1e-15))
        // The cost's form, with −ln a from z written out, equals it.
        let cost = cursor.explanation.derivations(for: .cost)[0]
        #expect(cost.substituted.allSatisfy { $0.agreement == .equal })
        // An output that does not dominate is computed as z_j − ln Σ e^z, bit for bit as before.
        let even = [0.3, -0.2, 0.1]
        let lse = even.withUnsafeBufferPointer { Cost.logSumExp($0.baseAddress!, 3) }
        #expect(Cost.logSoftmax(of: 0, z: even) == 0.3 - lse)
    }
}
