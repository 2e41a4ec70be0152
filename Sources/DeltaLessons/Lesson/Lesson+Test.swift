import DeltaCore

extension Lesson {
    /// The test examples of some settings of the lesson (standardised, with `standardize`,
    /// by the training rows' statistics), or a located error saying how to keep some.
    public func testSet(for settings: Settings) throws -> Dataset {
        guard let test = datasets(for: settings).test else {
            throw LessonError(data.location, "the lesson keeps no test data",
                              hint: "add `test: N` (or a fraction, `test: 0.2`) under `data:` to keep N examples for one final test")
        }
        return test
    }

    /// The test set evaluated once, with the parameters a run of these settings ends with
    /// (``TrainingRun/keptEpoch``), with no dropout. Trains the run to its end first. Nil
    /// when the run stopped at a NaN or ∞, which leaves no network to test.
    public func evaluateTest(of run: TrainingRun, settings: Settings) throws -> TestEvaluation? {
        let test = try testSet(for: settings)
        run.finish()
        if case .nonFinite? = run.ending { return nil }
        let epoch = run.keptEpoch
        let result = run.evaluate(test, parameters: run.parameters(afterEpoch: epoch))
        return TestEvaluation(epoch: epoch, count: test.count, cost: result.cost, accuracy: result.accuracy)
    }
}
