import DeltaLessons

extension TraceApp {
    /// "x standardised by the training split's mean and sd" when every run shown has
    /// `standardize` on: the x the screen shows are then (x − μ)/s, with μ and s of the
    /// training rows alone, not the numbers in the data file. Nil when some run shown sees
    /// the inputs as written.
    var scaledInputsNote: String? {
        panes.allSatisfy({ $0.settings.data.standardize }) ? "x standardised by the training split's mean and sd" : nil
    }
}
