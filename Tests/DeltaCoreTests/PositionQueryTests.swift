import Testing
@testable import DeltaCore

/// One parser and one resolver for positions named by people: a lesson's `at:` and the
/// screen's go-to prompt.
@Suite struct PositionQueryTests {
    /// A 2-layer network, 5 examples in minibatches of 2 (the last holds 1), 3 epochs.
    let layout = TraceLayout(layers: 2, trainingSetSize: 5, batchSize: 2, epochs: 3)

    @Test func typedTextBecomesAPosition() throws {
        func resolve(_ text: String, current: Int = 1) throws -> TracePosition {
            try PositionQuery.parse(text).get().resolve(in: layout, currentEpoch: current).get()
        }
        #expect(try resolve("2") == TracePosition(epoch: 2, update: 1, step: .feedforward(example: 1, layer: 1)))
        #expect(try resolve("3 2 2 oe") == TracePosition(epoch: 3, update: 2, step: .outputError(example: 2)))
        #expect(try resolve("3.2") == TracePosition(epoch: 3, update: 2, step: .feedforward(example: 1, layer: 1)))
        #expect(try resolve("1/3/1 bp l2") == TracePosition(epoch: 1, update: 3, step: .backpropagate(example: 1, layer: 2)))
        #expect(try resolve("gd", current: 2) == TracePosition(epoch: 2, update: 1, step: .gradientDescent(layer: 2)))
        #expect(try resolve("1 1 gradient-descent l=1") == TracePosition(epoch: 1, update: 1, step: .gradientDescent(layer: 1)))
        #expect(try resolve("2 1 1 Feedforward l2") == TracePosition(epoch: 2, update: 1, step: .feedforward(example: 1, layer: 2)))
    }

    @Test func whatIsNotAStepIsSaid() {
        #expect(PositionQuery.parse("3 oops") == .failure(.unknownStep("oops")))
        #expect(PositionQuery.parse("1 2 3 4") == .failure(.tooManyNumbers))
        // Update 3 holds one example; backpropagate runs l = 2 only; epoch 4 does not exist.
        let missing = [PositionQuery(epoch: 1, update: 3, example: 2), PositionQuery(phase: .backpropagate, layer: 1),
                       PositionQuery(epoch: 4)]
        for query in missing {
            guard case .failure(.notInRun) = query.resolve(in: layout) else {
                Issue.record("\(query) resolved")
                continue
            }
        }
    }

    @Test func everyKindOfStepHasANameAndAbbreviations() {
        for phase in Phase.allCases {
            #expect(Phase(name: phase.rawValue) == phase)
            for short in phase.abbreviations { #expect(Phase(name: short.uppercased()) == phase) }
        }
        #expect(Phase(name: "sideways") == nil)
    }
}
