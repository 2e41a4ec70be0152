import DeltaCore

extension Lesson {
    /// Checks every number the beats state (`shows:`) against the screen beside each beat:
    /// the value of the trace at the beat's own position in each run it is measured in,
    /// training each run once.
    ///
    /// A number the beat's step has not computed yet (the screen shows "·") fails with
    /// ``ClaimProblem/notYetComputed(_:)``; one the screen contradicts fails, with the same
    /// step of the neighbouring epoch where the words would fit, if there is one
    /// (``ShownResult/elsewhere``): a position's epoch N is a step during epoch N, which shows
    /// what epoch N − 1's updates left.
    public func checkBeats() throws -> [ShownResult] {
        let runs = RunsByVariant(self)
        var results: [ShownResult] = []
        for beat in beats {
            for claim in beat.shows {
                guard case .value(let value, let position) = claim.measure else { preconditionFailure("a beat shows values of its step") }
                let run = try runs.run(claim.variant)
                let cursor = TraceCursor(run: run)
                let reached = cursor.seek(to: position)
                let m = position.step.shownExample(minibatchSize: cursor.trace.M)
                if reached, !value.isComputed(in: cursor.frame, example: m) {
                    let result = ClaimResult(claim: claim, actual: nil, passed: false, measured: describe(claim.measure, epoch: nil),
                                             problem: .notYetComputed(position.step))
                    results.append(ShownResult(beat: beat, result: result, elsewhere: nil))
                    continue
                }
                let result = try check(claim, run: run)
                // A question of this step and run that asks for the very number, which the
                // beat states closely enough that typing it would be graded right.
                if let truth = result.actual, let stated = claim.test.statedValue,
                   let question = questions.first(where: { $0.at.position == position && $0.answer == value
                                                           && $0.runs.contains(claim.variant ?? Lesson.baseName)
                                                           && abs(stated - truth) <= $0.tolerance }) {
                    let giveaway = ClaimResult(claim: claim, actual: truth, passed: false, measured: result.measured,
                                               problem: .answersQuestion(line: question.at.location.line))
                    results.append(ShownResult(beat: beat, result: giveaway, elsewhere: nil))
                    continue
                }
                var elsewhere: ShownResult.Elsewhere?
                if !result.passed && result.problem == nil {
                    for e in [position.epoch + 1, position.epoch - 1] {
                        var p = position
                        p.epoch = e
                        guard cursor.seek(to: p) else { continue }
                        let v = value.value(in: cursor.trace, example: p.step.shownExample(minibatchSize: cursor.trace.M))
                        if v.isFinite && claim.test.passes(v) {
                            elsewhere = ShownResult.Elsewhere(position: p, value: v)
                            break
                        }
                    }
                }
                results.append(ShownResult(beat: beat, result: result, elsewhere: elsewhere))
            }
        }
        return results
    }
}
