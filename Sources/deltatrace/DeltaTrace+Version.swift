extension DeltaTrace {
    /// The version of DeltaTrace, declared here once: `deltatrace --version` prints it and
    /// README.md names where it lives. 0.x while lesson files and output formats may still
    /// change; 0.3 is the third round of work (the engine, the screen, the screen reworked).
    static let version = "0.3.0"
}
