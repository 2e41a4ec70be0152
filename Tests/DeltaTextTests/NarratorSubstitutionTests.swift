import DeltaCore
import Testing
@testable import DeltaText

/// The sentences beside substituted forms: what was computed from z, and why a form is not
/// shown with "=".
@Suite struct NarratorSubstitutionTests {
    /// The output error's derivations of a single sigmoid output with z = `z`, target y.
    func outputError(cost: Cost, z: Double, y: Double) throws -> [StepExplanation.Derivation] {
        let network = try Network(sizes: [1, 1], output: .sigmoid, cost: cost)
        let run = try TrainingRun(network: network, training: try Dataset(inputs: [[1]], targets: [[y]]),
                                  configuration: TrainingConfiguration(eta: 0.1, batchSize: 1, epochs: 1),
                                  initialization: .explicit(weights: [[[z]]], biases: [[0]]))
        let explanation = TraceCursor(run: run, at: TracePosition(epoch: 1, update: 1, step: .outputError(example: 1))).explanation
        return explanation.derivations(for: .node(layer: 1, j: 0)) + explanation.derivations(for: .cost)
    }

    @Test func aValueFromZSaysWhatAndWhy() throws {
        let d = try outputError(cost: .quadratic, z: 20, y: 0)
        let form = d[0].substituted[1]
        // (a − y)·a(1 − a) with 1 − a = σ(−20), not 1 − 1.
        #expect(ExprText().render(form.expr) == "(1 − 0)·1·2.061e−9")
        #expect(form.notes.map { Narrator.say($0).text } == [
            "1 − a₁,₁ is computed as σ(−z₁,₁) = 2.06e−9: from the stored a₁,₁ = 0.99999999794 it would keep only 7 of its 16 digits."])
        #expect(Narrator.say(form) == nil)
    }

    @Test func aModeratelySaturatedNodeSaysHowManyDigitsTheStoredValueKeeps() throws {
        // z = 7: 1 − a = 9.1e−4, and the stored a (off by up to 5.6e−17) keeps 13 of its digits.
        let d = try outputError(cost: .quadratic, z: 7, y: 0)
        #expect(d[0].substituted[1].notes.map { Narrator.say($0).text } == [
            "1 − a₁,₁ is computed as σ(−z₁,₁) = 0.000911: from the stored a₁,₁ = 0.999 it would keep only 13 of its 16 digits."])
    }

    @Test func underflowAndCancellationAreSaid() throws {
        let d = try outputError(cost: .crossEntropy, z: 800, y: 0)
        let cost = try #require(d.last)
        #expect(cost.substituted[0].notes.map { Narrator.say($0).text } == [
            "ln(a₁,₁) is computed as −ln(1 + e^−z₁,₁) = 0: from the stored a₁,₁ = 1 it would keep none of its digits.",
            "ln(1 − a₁,₁) is computed as −ln(1 + e^z₁,₁) = −800: 1 − a₁,₁ has underflowed to 0.",
        ])
        let cancelled = StableValue(expression: .sym(.delta, .literal(2), .literal(2)), form: .sym(.a, .literal(2), .literal(2)),
                                    value: 5.15e-10, reason: .cancellation)
        #expect(Narrator.say(cancelled).text == "δ₂,₂ is computed as a₂,₂ = 5.15e−10: added term by term, its terms cancel and take the digits with them.")
    }

    @Test func formsThatCannotBeEvaluatedSayWhere() throws {
        // Cross-entropy at z = 800: ∂C/∂a = 1 + e⁸⁰⁰ = ∞ and 1/(1 − a) = 1/0.
        let d = try outputError(cost: .crossEntropy, z: 800, y: 0)
        #expect(d[0].substituted.map(\.agreement) == [.notEvaluable, .notEvaluable, .equal])
        #expect(Narrator.say(d[0].substituted[0])?.text
                == "This form cannot be evaluated here: one of its numbers is ∞ (it overflowed), so it gives NaN, not the stored 1, and is not shown with “=”.")
        #expect(Narrator.say(d[0].substituted[1])?.text
                == "This form cannot be evaluated here: in floating point (1 − 0)/0 = ∞, so it gives NaN, not the stored 1, and is not shown with “=”.")
        #expect(Narrator.say(d[0].substituted[2]) == nil)
    }

    @Test func approximateAndOtherFormsAreNotShownWithEquals() {
        // a(1 − a) from the stored a = σ(20), against σ′(20): the digits the notes exist for.
        let a = Activation.sigmoid(20)
        let lossy = Substitution(form: .multiply([.number(a), .subtract(.number(1), .number(a))]), result: Activation.sigmoid.derivative(20))
        #expect(lossy.agreement == .approximate)
        // Scientific notation keeps 4 digits, which would print both as 2.061e−9: exact text.
        #expect(Narrator.say(lossy)?.text
                == "≈, not =: these numbers give 2.0611536879193953e−9, the stored result is 2.061153613941849e−9; they agree to about 7 digits, the rest was lost to rounding.")
        #expect(Narrator.say(Substitution(form: .number(2), result: 1))?.text
                == "These numbers give 2, not the stored 1, so the form is not shown with “=”.")
        #expect(Narrator.say(Substitution(form: .sym(.z, .literal(1), .literal(1)), result: 1))?.text
                == "This form cannot be evaluated with this step's numbers, so it is not shown with “=”.")
    }
}
