import Testing
@testable import DeltaCore

/// Every formula, with its numbers substituted, must evaluate to the number the engine
/// stored: the equations on screen are the arithmetic that was done.
@Suite struct EquationTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let hidden: Activation, output: Activation, cost: Cost
        let regularization: Regularization, dropout: Double
        var testDescription: String { "\(hidden)/\(output)/\(cost)/\(regularization)/p=\(dropout)" }
    }

    /// Every output activation × cost, with the hidden activation, regulariser and dropout
    /// rotating so that each appears with several of them; then every hidden activation.
    static let cases: [Case] = {
        let hidden: [Activation] = [.sigmoid, .tanh, .relu, .linear]
        let regularizations: [Regularization] = [.none, .l2(lambda: 0.5), .l1(lambda: 0.2)]
        var cases: [Case] = []
        for output in Activation.allCases {
            for cost in Cost.allCases where cost.isDefined(for: output) {
                let k = cases.count
                cases.append(Case(hidden: hidden[k % 4], output: output, cost: cost,
                                  regularization: regularizations[k % 3], dropout: k % 2 == 0 ? 0.25 : 0))
            }
        }
        for h in hidden {
            cases.append(Case(hidden: h, output: .sigmoid, cost: .quadratic, regularization: .none, dropout: 0))
        }
        return cases
    }()

    @Test(arguments: cases)
    func substitutedFormsEvaluateToTheStoredResult(_ c: Case) throws {
        let network = try Network(sizes: [3, 4, 3, 3], hidden: c.hidden, output: c.output, cost: c.cost)
        let data = try syntheticData(count: 5, inputs: 3, outputs: 3, cost: c.cost, output: c.output)
        let run = try TrainingRun(
            network: network, training: data,
            configuration: TrainingConfiguration(eta: 0.2, batchSize: 2, epochs: 1, shuffle: true, seed: 9,
                                                 regularization: c.regularization, dropout: c.dropout),
            initialization: .gaussian)
        let cursor = TraceCursor(run: run)
        var checked = 0
        repeat {
            let explanation = cursor.explanation
            for target in explanation.targets {
                for derivation in explanation.derivations(for: target) {
                    #expect(derivation.substituted.count == derivation.equation.forms.count)
                    for (form, substituted) in zip(derivation.equation.forms, derivation.substituted) {
                        let value = try #require(substituted.expr.evaluated(), "\(cursor.position): \(form) did not fully substitute")
                        #expect(substituted.agreement == .equal, "\(cursor.position) \(target): \(form)")
                        // Values from z only where the stored a has lost their digits.
                        #expect(substituted.notes.allSatisfy(isJustified), "\(cursor.position) \(target): \(substituted.notes)")
                        // Relative agreement: the forms evaluate in another order than the engine,
                        // so they may differ by rounding, and by no more.
                        let scale = max(abs(value), abs(derivation.result))
                        #expect(abs(value - derivation.result) <= 1e-11 * scale + 1e-16, "\(cursor.position) \(target): \(form)")
                        checked += 1
                    }
                }
            }
        } while cursor.stepForward()
        #expect(checked > 200)
    }

    @Test func theBackpropagationFormulaIsTheLecturesForSigmoid() throws {
        let run = try mazurRun()
        let cursor = TraceCursor(run: run, at: TracePosition(epoch: 1, update: 1, step: .backpropagate(example: 1, layer: 2)))
        let explanation = cursor.explanation
        #expect(explanation.targets == [.node(layer: 1, j: 0), .node(layer: 1, j: 1)])
        let derivation = explanation.derivations(for: .node(layer: 1, j: 1))[0]
        let a12 = Expr.sym(.a, .literal(1), .literal(2))
        let sum = Expr.sum(Summation("j", to: .sym(.nodes, .literal(2)),
                                     .multiply([.sym(.w, .literal(2), .literal(2), .variable("j")), .sym(.delta, .literal(2), .variable("j"))])))
        // δ_{1,2} = σ′(z_{1,2}) Σ_j w_{2,2,j} δ_{2,j} = a_{1,2}(1 − a_{1,2}) Σ_j w_{2,2,j} δ_{2,j}
        #expect(derivation.equation.forms == [
            .multiply([.apply(.sigmoidPrime, .sym(.z, .literal(1), .literal(2))), sum]),
            .multiply([.multiply([a12, .subtract(.number(1), a12)]), sum]),
        ])
        #expect(close(derivation.result, 0.009954254705217198, 1e-14))
        // Substituted, the sum is written out over j = 1, 2 with w_{2,2,1} = 0.45, w_{2,2,2} = 0.55.
        guard case .multiply(let factors) = derivation.substituted[1].expr, case .add(let terms) = factors[1] else {
            Issue.record("unexpected shape \(derivation.substituted[1].expr)")
            return
        }
        #expect(terms.count == 2)
        #expect(terms[0] == .multiply([.number(0.45), .number(cursor.trace.delta(1, 2, 0))]))
    }

    @Test func gradientDescentShowsTheRegularisedUpdate() throws {
        let network = try Network(sizes: [2, 2], output: .sigmoid, cost: .crossEntropy)
        let run = try TrainingRun(
            network: network, training: try Dataset(inputs: [[1, 2], [0.5, -1], [0, 1]], targets: [[1, 0], [0, 1], [1, 1]]),
            configuration: TrainingConfiguration(eta: 0.5, batchSize: 2, epochs: 1, regularization: .l2(lambda: 3)),
            initialization: .gaussian)
        let cursor = TraceCursor(run: run)
        #expect(cursor.next(.gradientDescent))
        let explanation = cursor.explanation
        let decay: Double = 1 - 0.5 * 3 / 3  // 1 − ηλ/n
        #expect(explanation.facts == [StepFact.weightDecay(factor: decay)])
        #expect(explanation.targets.count == 4 + 2)
        let update = explanation.derivations(for: .weight(layer: 1, i: 1, j: 0))[1]
        #expect(update.equation.relation == .becomes)
        let w = Expr.sym(.w, .literal(1), .literal(2), .literal(1))
        let rate = Expr.divide(.multiply([.sym(.eta), .sym(.lambda)]), .sym(.n))
        #expect(update.equation.forms == [.subtract(.multiply([w, .subtract(.number(1), rate)]),
                                                     .multiply([.sym(.eta), .partial(.sym(.C, .literal(0)), w)]))])
        let trace = cursor.trace
        #expect(update.result == trace.weightAfter(1, 1, 0))
        #expect(update.result == trace.weightBefore(1, 1, 0) * decay - 0.5 * trace.weightGradient(1, 1, 0))
        #expect(close(trace.weightChange(1, 1, 0), trace.regularizationTerm(1, 1, 0) - 0.5 * trace.weightGradient(1, 1, 0), 1e-15))
    }
}
