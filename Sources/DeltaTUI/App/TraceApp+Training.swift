import DeltaCore

extension TraceApp {
    /// Whether any run is still training.
    public var isTraining: Bool { panes.contains { !$0.run.isFinished } }

    /// "training… epoch 12/30" while a run trains in the background (the first unfinished
    /// run's epoch under way), nil once every run has finished.
    var trainingProgress: String? {
        guard let run = panes.first(where: { !$0.run.isFinished })?.run else { return nil }
        let done = run.epochSummaries.count - 1
        return "training… epoch \(min(done + 1, run.layout.epochs))/\(run.layout.epochs)"
    }

    /// Trains every unfinished run, one update each in turn, until all have finished or
    /// `budget` has passed (at least one update each, so that every tick makes progress
    /// however slow the machine). Numbers do not depend on when training happens: a run
    /// trains the same updates in the same order whether the background or a move asks.
    mutating func trainInBackground(for budget: Duration = TraceApp.trainingSlice) {
        let clock = ContinuousClock(), deadline = clock.now + budget
        repeat {
            var trained = false
            for pane in panes where !pane.run.isFinished {
                pane.run.advance(through: pane.run.completedUpdates)
                trained = true
            }
            if !trained { return }
        } while clock.now < deadline
    }
}
